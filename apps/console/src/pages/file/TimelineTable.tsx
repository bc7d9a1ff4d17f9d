import { Space, Table, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { api, type Schemas } from '../../api/client';
import { useRead } from '../../api/read';
import { fill } from '../../fill';
import { useI18n, useWords } from '../../i18n';
import { yuan } from '../../money';
import { shanghai } from '../../time';
import { ACTIONS, ALERTS, EVENTS, words } from '../AuditCase.words';

type Entry = Schemas['HistoryEntryDto'];

const text = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

/** A file's history (GET /candidates/:id/history), or why the API would not give it. */
export function useHistory(id: string) {
  const { data: entries, error } = useRead(() => api.GET('/candidates/{id}/history', { params: { path: { id } } }), id);
  return { entries, error };
}

/**
 * A file's history (GET /candidates/:id/history) as the API gives it, one row an entry: the workflow's
 * events, the form's edits and the file's audit rows, each with its time, source, detail and actor.
 * The audit pages' case timeline and the file's timeline card both show it this way.
 */
export function TimelineTable({ entries, label, pageSize = 100 }: { entries: Entry[]; label: string; pageSize?: number }) {
  const w = useWords(words);
  const { lang, name } = useI18n();

  const kind = (k: unknown) => (typeof k === 'string' ? ((ALERTS[lang] as Record<string, string | undefined>)[k] ?? name('paymentKind', k)) : '—');
  const event = (e: Entry): ReactNode => {
    if (e.type !== 'audit') return (EVENTS[lang] as Record<string, string>)[e.type] ?? e.type;
    const known = (ACTIONS[lang] as Record<string, string | undefined>)[e.action ?? ''];
    return (
      <Space direction="vertical" size={0}>
        <span>{known ?? e.action}</span>
        {e.route && <Typography.Text code>{e.route}</Typography.Text>}
      </Space>
    );
  };

  const detail = (e: Entry): ReactNode => {
    const parts: ReactNode[] = [];
    if (e.outcome) parts.push(<Tag key="outcome">{name('outcome', e.outcome)}</Tag>);
    if ((e.type === 'stage_entered' || e.type === 'status_changed') && e.status) parts.push(name('status', e.status));
    if (e.overridePrechecks) parts.push(w.overridePrechecks);
    if (e.reason) parts.push(e.reason);
    if (e.missing?.length) parts.push(`${w.missing}: ${e.missing.join('、')}`);
    if (e.payment) {
      const p = e.payment as { kind?: string; instalment?: number; amountFen?: number; dueOn?: string };
      parts.push(`${kind(p.kind)} ${fill(w.instalment, { n: p.instalment ?? '' })} ${w.amount} ¥${yuan(p.amountFen)} ${w.dueOn} ${p.dueOn ?? ''}`);
    }
    if (e.experts?.length) {
      const seats = e.experts as Array<{ userId?: string; recusedBecause?: string }>;
      parts.push(`${w.experts}: ${seats.map((s) => (s.recusedBecause ? `${s.userId} (${w.recused}: ${s.recusedBecause})` : s.userId)).join('、')}`);
    }
    if (e.scores)
      parts.push(
        `${w.scores}: ${Object.entries(e.scores)
          .map(([k, v]) => `${k} ${text(v)}`)
          .join('、')}`,
      );
    if (e.alert) parts.push(`${kind((e.alert as { kind?: string }).kind)} · ${shanghai((e.alert as { dueAt?: string }).dueAt)}`);
    if (e.visit) parts.push(`${w.visit}: ${text(e.visit)}`);
    if (e.changes?.length) parts.push(e.changes.map((c) => `${text(c.field)}${c.changed ? ` ${w.changed}` : `: ${text(c.from)} → ${text(c.to)}`}`).join('；'));
    if (e.note && e.type !== 'nominated') parts.push(e.note);
    return parts.length ? <Space wrap>{parts.map((p, i) => (typeof p === 'string' ? <span key={i}>{p}</span> : p))}</Space> : '—';
  };

  const source = (e: Entry) => (e.type === 'audit' ? w.audit : e.type === 'form_edited' ? w.form : w.workflow);
  const actor = (e: Entry) => (e.role || e.userId ? `${e.role ? name('role', e.role) : w.system} · ${e.userId ?? '—'}` : '—');
  const key = (e: Entry) => (e.type === 'audit' ? `a${e.auditId}` : e.type === 'form_edited' ? `v${e.version}` : `w${e.run}:${e.eventId}`);

  return (
    <Table<Entry>
      aria-label={label}
      rowKey={key}
      dataSource={entries}
      locale={{ emptyText: <Typography.Text>{w.empty}</Typography.Text> }}
      scroll={{ x: true }}
      pagination={{ pageSize, hideOnSinglePage: true, showTotal: (n) => fill(w.entries, { n }) }}
      columns={[
        { title: w.at, key: 'at', render: (_, e) => shanghai(e.at), width: 150 },
        { title: w.source, key: 'source', render: (_, e) => <Tag color={e.type === 'audit' ? 'blue' : 'default'}>{source(e)}</Tag> },
        { title: w.event, key: 'event', render: (_, e) => event(e) },
        { title: w.stage, key: 'stage', render: (_, e) => (e.stage ? name('stage', e.stage) : '—') },
        { title: w.detail, key: 'detail', render: (_, e) => detail(e) },
        { title: w.actor, key: 'actor', render: (_, e) => actor(e) },
        { title: w.httpStatus, key: 'status', render: (_, e) => (e.type === 'audit' && e.status ? String(e.status) : '—') },
      ]}
    />
  );
}
