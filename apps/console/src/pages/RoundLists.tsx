import { Alert, App, Button, Checkbox, Input, Space, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState, type ReactNode } from 'react';
import { api, refusalText, type Schemas } from '../api/client';
import { fill, ListTable, num, plain, scoreColumns, Section, type W } from './RoundParts';

type Line = Schemas['RankingEntryDto'];
interface Row {
  candidateId: string;
  name: string;
}
type Sent = Promise<{ data?: unknown; error?: unknown }>;

/**
 * A batch decision on a list (the leadership group's formal list, the government's approval): a tick
 * for each one taken, a reason for each one not, sent together; what the API refuses is shown as it says it.
 */
function BatchDecision<T extends Row>(props: {
  /** Which batch: its words are the page's `<kind>_title`, `_hint`, `_pick`, `_pickLabel`, `_other`, `_otherLabel`, `_submit`. */
  kind: 'formal' | 'approval';
  hintValues?: Record<string, number>;
  rows: T[];
  columns: ColumnsType<T>;
  initial: string[];
  w: W;
  above?: (picked: string[]) => ReactNode;
  /** Checks of its own before sending (a message when something is missing). */
  check?: (picked: string[]) => string | null;
  send: (picked: string[], others: Array<{ candidateId: string; reason: string }>) => Sent;
  onDone: () => void;
}) {
  const { w, kind } = props;
  const say = (key: 'title' | 'hint' | 'pick' | 'pickLabel' | 'other' | 'otherLabel' | 'submit') => w[`${kind}_${key}`];
  const { message } = App.useApp();
  const [picked, setPicked] = useState<string[]>(props.initial);
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const others = props.rows.filter((r) => !picked.includes(r.candidateId));

  const submit = async () => {
    setRefusal(null);
    const missing = others.filter((r) => !reasons[r.candidateId]?.trim());
    const own = props.check?.(picked) ?? null;
    setProblem(own ?? (missing.length ? `${w.reasonRequired}：${missing.map((r) => r.name).join('、')}` : null));
    if (own || missing.length) return;
    setBusy(true);
    const { data, error } = await props.send(
      picked,
      others.map((r) => ({ candidateId: r.candidateId, reason: reasons[r.candidateId].trim() })),
    );
    setBusy(false);
    if (!data) return setRefusal(refusalText(error));
    void message.success(w.done);
    props.onDone();
  };

  return (
    <Section title={say('title')}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph>{fill(say('hint'), props.hintValues ?? {})}</Typography.Paragraph>
        {props.above?.(picked)}
        <ListTable<T>
          rowKey="candidateId"
          rows={props.rows}
          columns={[
            {
              title: say('pick'),
              key: 'pick',
              render: (_, r) => (
                <Checkbox
                  aria-label={fill(say('pickLabel'), { name: r.name })}
                  checked={picked.includes(r.candidateId)}
                  onChange={(e) => setPicked((now) => (e.target.checked ? [...now, r.candidateId] : now.filter((x) => x !== r.candidateId)))}
                />
              ),
            },
            ...props.columns,
            {
              title: say('other'),
              key: 'reason',
              render: (_, r) =>
                !picked.includes(r.candidateId) && (
                  <Input
                    aria-label={fill(say('otherLabel'), { name: r.name })}
                    value={reasons[r.candidateId] ?? ''}
                    maxLength={1000}
                    onChange={(e) => setReasons((now) => ({ ...now, [r.candidateId]: e.target.value }))}
                  />
                ),
            },
          ]}
        />
        {problem && <Alert type="warning" showIcon role="alert" message={problem} />}
        {refusal && <Alert type="error" showIcon role="alert" message={w.refused} description={refusal} />}
        <Button type="primary" loading={busy} onClick={() => void submit()}>
          {say('submit')}
        </Button>
      </Space>
    </Section>
  );
}

/**
 * The leadership group's formal candidate list (正式候选名单): the re-review list by combined rank, the
 * expert and vote scores side by side; the top of it within the quota ticked to begin with. Going over
 * the quota is said here and still sent, so the API's own refusal is what decides.
 */
export function FormalList({ id, quota, lines, w, onDone }: { id: string; quota: number; lines: Line[]; w: W; onDone: () => void }) {
  const [selectedReason, setSelectedReason] = useState('');
  const rows = lines.filter((l) => l.outcome === null).sort((a, b) => (a.combinedRank ?? a.rank) - (b.combinedRank ?? b.rank));
  return (
    <BatchDecision<Line>
      w={w}
      kind="formal"
      hintValues={{ quota }}
      rows={rows}
      initial={rows.slice(0, quota).map((r) => r.candidateId)}
      columns={[{ title: w.combinedRank, key: 'combinedRank', render: (_, l) => num(l.combinedRank) }, ...scoreColumns(w)]}
      above={(picked) => (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text strong>{fill(w.selectedCount, { n: picked.length, quota })}</Typography.Text>
          {picked.length > quota && <Alert type="warning" showIcon message={w.overQuota} />}
          <label>
            {w.selectedReason}
            <Input value={selectedReason} maxLength={1000} onChange={(e) => setSelectedReason(e.target.value)} />
          </label>
        </Space>
      )}
      check={(picked) => (picked.length && !selectedReason.trim() ? `${w.reasonRequired}：${w.selectedReason}` : null)}
      send={(picked, leftOut) =>
        api.POST('/rounds/{id}/formal-list', {
          params: { path: { id } },
          body: { selected: picked.map((candidateId) => ({ candidateId, reason: selectedReason.trim() })), leftOut },
        })
      }
      onDone={onDone}
    />
  );
}

/** The district government's approval (报区政府审定) of the list on the public notice, in one batch. */
export function GovernmentApproval({ id, candidates, w, onDone }: { id: string; candidates: Array<Row & { employer: string }>; w: W; onDone: () => void }) {
  return (
    <BatchDecision<Row & { employer: string }>
      w={w}
      kind="approval"
      rows={candidates}
      initial={candidates.map((c) => c.candidateId)}
      columns={plain([w.name, 'name'], [w.employer, 'employer'])}
      send={(approved, notApproved) => api.POST('/rounds/{id}/approval', { params: { path: { id } }, body: { approved, notApproved } })}
      onDone={onDone}
    />
  );
}
