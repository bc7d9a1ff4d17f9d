import { DatePicker, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import { ZONE } from './time';

/** This month on the programme's calendar (Asia/Shanghai), YYYY-MM. */
export const thisMonth = () => dayjs().tz(ZONE).format('YYYY-MM');

/**
 * A labelled month (YYYY-MM) picker. `empty`: what an empty picker means (e.g. every month); without
 * it a month is always chosen.
 */
export function MonthPicker(props: { id: string; label: string; value: string | null; onChange: (month: string | null) => void; empty?: string; children?: ReactNode }) {
  return (
    <Space wrap>
      <label htmlFor={props.id}>{props.label}</label>
      <DatePicker
        id={props.id}
        picker="month"
        format="YYYY-MM"
        allowClear={props.empty !== undefined}
        placeholder={props.empty}
        value={props.value ? dayjs(`${props.value}-01`) : null}
        onChange={(d: Dayjs | null) => (d || props.empty !== undefined) && props.onChange(d ? d.format('YYYY-MM') : null)}
      />
      {props.children}
    </Space>
  );
}
