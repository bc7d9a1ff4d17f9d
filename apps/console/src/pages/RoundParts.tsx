import { Card, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import type { Schemas } from '../api/client';
import type { I18n } from '../i18n';
import { shanghai } from '../time';
import { CardTitle } from './file/CardTitle';
import type { words } from './RoundDashboard.words';

export { fill } from '../fill';

export type W = Record<keyof typeof words.zh, string>;

/** An enumeration's name from the page's words (`prefix_value`), the value itself when unknown. */
export const named = (w: W, prefix: string, value: string | null | undefined) => (value ? (w[`${prefix}_${value}` as keyof W] ?? value) : '—');

/** A section of a page: a card whose title is a second-level heading. */
export function Section({ title, extra, children }: { title: string; extra?: ReactNode; children: ReactNode }) {
  return (
    <Card title={<CardTitle>{title}</CardTitle>} extra={extra}>
      {children}
    </Card>
  );
}

/** A small table of the whole list (no pages), scrolling sideways on a narrow screen. */
export function ListTable<T extends object>({ rows, rowKey, columns, empty }: { rows: T[]; rowKey: keyof T & string; columns: ColumnsType<T>; empty?: string }) {
  return (
    <Table<T>
      rowKey={rowKey}
      size="small"
      dataSource={rows}
      pagination={false}
      scroll={{ x: true }}
      locale={empty ? { emptyText: empty } : undefined}
      columns={columns}
    />
  );
}

/** A number, or a dash when there is none yet. */
export const num = (v: number | null | undefined) => (v === null || v === undefined ? '—' : String(v));

/** Columns showing a field as it is: [title, field] each. */
export const plain = <T extends object>(...pairs: Array<[string, keyof T & string]>): ColumnsType<T> => pairs.map(([title, key]) => ({ title, dataIndex: key, key }));

type Line = Schemas['RankingEntryDto'];
/** A line of the ranked list: who, then the expert and vote scores side by side and the combined score. */
export const scoreColumns = (w: W): ColumnsType<Line> => [
  ...plain<Line>([w.name, 'name'], [w.employer, 'employer']),
  { title: w.expertScore, key: 'score', render: (_, l) => num(l.score) },
  { title: w.votes, key: 'votes', render: (_, l) => num(l.votes) },
  { title: w.voteScore, key: 'voteScore', render: (_, l) => num(l.voteScore) },
  { title: w.combinedScore, key: 'combined', render: (_, l) => num(l.combinedScore) },
];

type Objection = Schemas['ObjectionViewDto'];
type Resolution = { outcome: string; reason: string; resolvedBy: string; resolvedAt: string } | null;
/** The objections with their resolution (its reason and when); `open` shows what an open one offers (the office's button). */
export const objectionColumns = (w: W, name: I18n['name'], open: (o: Objection) => ReactNode): ColumnsType<Objection> => [
  ...plain<Objection>([w.candidate, 'candidateName'], [w.objector, 'objectorName'], [w.contact, 'contact'], [w.grounds, 'grounds']),
  { title: w.filedAt, key: 'filedAt', render: (_, o) => shanghai(o.filedAt) },
  { title: w.status, key: 'status', render: (_, o) => name('objection', o.status) },
  {
    title: w.resolution,
    key: 'resolution',
    render: (_, o) => {
      const r = o.resolution as Resolution;
      return r ? `${r.reason}（${shanghai(r.resolvedAt)}）` : open(o);
    },
  },
];
