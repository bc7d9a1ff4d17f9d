import { Form, Input } from 'antd';
import type { Rule } from 'antd/es/form';
import type { words } from './StudioForms.words';

export type FormWords = Record<keyof (typeof words)['zh'], string>;

/** A calendar date as the API takes it (YYYY-MM-DD); the API checks it is a real one. */
export const dateRule = (w: FormWords, required = false): Rule => ({ required, pattern: /^\d{4}-\d{2}-\d{2}$/, message: w.dateInvalid });

/** A text the API requires, at most `max` characters (as its DTO), blank refused before sending. */
export function TextField({
  label,
  name,
  max,
  w,
  rows,
  required = true,
}: {
  label: string;
  name: string | Array<string | number>;
  max: number;
  w: FormWords;
  rows?: number;
  required?: boolean;
}) {
  return (
    <Form.Item label={label} name={name} rules={[{ required, whitespace: true, message: w.fieldRequired }]}>
      {rows ? <Input.TextArea rows={rows} maxLength={max} /> : <Input maxLength={max} />}
    </Form.Item>
  );
}

/** The studio's own description, as filed and as corrected when a returned application is resubmitted. */
export function StudioFormFields({ w }: { w: FormWords }) {
  return (
    <>
      <TextField label={w.studioName} name="name" max={100} w={w} />
      <TextField label={w.hostUnit} name="hostUnit" max={200} w={w} />
      <TextField label={w.premises} name="premises" max={500} w={w} />
      <TextField label={w.trade} name="trade" max={100} w={w} />
      <TextField label={w.plan} name="plan" max={5000} rows={3} w={w} />
    </>
  );
}

export const STUDIO_FIELDS = ['name', 'hostUnit', 'premises', 'trade', 'plan'] as const;
export type StudioForm = Record<(typeof STUDIO_FIELDS)[number], string>;
