import { Form, Select } from 'antd';
import { useEffect, useState } from 'react';
import { api } from './api/client';

export interface Choice {
  value: string;
  label: string;
}

/** A form's filter chosen from a few values, labelled for screen readers by its Form.Item; cleared, it is no filter. */
export function FilterSelect({ label, name, width, options }: { label: string; name: string; width: number; options: Choice[] }) {
  return (
    <Form.Item label={label} name={name}>
      <Select allowClear style={{ width }} options={options} />
    </Form.Item>
  );
}

/** Every round as a choice by its year (GET /rounds, newest first). */
export function useRoundChoices(): Choice[] {
  const [rounds, setRounds] = useState<Choice[]>([]);
  useEffect(() => void api.GET('/rounds').then(({ data }) => setRounds((data ?? []).map((r) => ({ value: r.id, label: String(r.year) })))), []);
  return rounds;
}
