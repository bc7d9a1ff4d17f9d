import { Spin, Table, type TableProps } from 'antd';
import type { ReactNode } from 'react';

/** A short table inside a page's section (a master's benefits, a studio's apprentices): compact, every row at once. */
export function SmallTable<T extends object>(props: TableProps<T> & { 'aria-label': string }) {
  return <Table<T> size="small" pagination={false} rowKey="id" {...props} />;
}

/** A page's list whose rows open onto their details: a spinner until the rows came (or loading failed, said above it). */
export function ExpandingTable<T extends object>({
  rows,
  failed,
  empty,
  expanded,
  ...props
}: TableProps<T> & { 'aria-label': string; rows: T[] | null; failed: boolean; empty: string; expanded: (row: T) => ReactNode }) {
  if (!rows && !failed) return <Spin />;
  return <Table<T> rowKey="id" dataSource={rows ?? []} locale={{ emptyText: empty }} expandable={{ expandedRowRender: expanded }} {...props} />;
}
