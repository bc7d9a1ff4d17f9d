import { Alert, Descriptions, Select, Space, Spin, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, refusalText, type Schemas } from '../api/client';
import { useWords } from '../i18n';
import { yuan } from '../money';
import { ExpandingTable, SmallTable } from '../tables';
import { shanghai } from '../time';
import { words } from './Studios.words';

type Batch = Schemas['StudioBatchSummaryDto'];
type Studio = Schemas['StudioSummaryDto'];
type View = Schemas['StudioViewDto'];
type Status = Studio['status'];
type Words = ReturnType<typeof useWords<(typeof words)['zh']>>;

const STATUSES: Status[] = ['applied', 'returned', 'screened', 'named', 'rejected', 'not_approved', 'withdrawn'];
const statusName = (w: Words, s: Status) => (s === 'named' ? w.namedStatus : w[s]);
const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '—');

/**
 * 工匠工作室: the studio batches (GET /studio-batches) and the studios (GET /studios), each opening
 * onto its application, screenings against the batch's creation standard, grant and apprentices
 * (GET /studios/:id). Read-only: the office's screening and the leadership group's approval are
 * recorded through the API.
 */
export function Studios() {
  const w = useWords(words);
  const [batches, setBatches] = useState<Batch[] | null>(null);
  const [studios, setStudios] = useState<Studio[] | null>(null);
  const [status, setStatus] = useState<Status | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void api.GET('/studio-batches', {}).then(({ data, error: e }) => (data ? setBatches(data) : setError(refusalText(e))));
  }, []);
  useEffect(() => {
    void api
      .GET('/studios', { params: { query: { ...(status ? { status } : {}), pageSize: 100 } } })
      .then(({ data, error: e }) => (data ? setStudios(data.items) : setError(refusalText(e))));
  }, [status]);

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {w.title}
      </Typography.Title>
      {error && <Alert type="error" showIcon role="alert" message={`${w.loadFailed}: ${error}`} />}
      <Typography.Title level={2} style={{ fontSize: 18 }}>
        {w.batches}
      </Typography.Title>
      {!batches && !error ? (
        <Spin />
      ) : (
        <SmallTable<Batch>
          aria-label={w.batches}
          dataSource={batches ?? []}
          columns={[
            { title: w.year, dataIndex: 'year' },
            { title: w.window, render: (_, b) => `${shanghai(b.opensAt)} — ${shanghai(b.closesAt)}` },
            { title: w.applications, dataIndex: 'applications' },
            { title: w.named, dataIndex: 'named' },
            { title: w.approvedAt, render: (_, b) => (b.approvedAt ? shanghai(b.approvedAt) : w.notYet) },
          ]}
        />
      )}
      <Typography.Title level={2} style={{ fontSize: 18 }}>
        {w.studios}
      </Typography.Title>
      <Select<Status | 'all'>
        aria-label={w.filterStatus}
        style={{ width: 220 }}
        value={status ?? 'all'}
        onChange={(v) => setStatus(v === 'all' ? undefined : v)}
        options={[{ value: 'all', label: w.allStatuses }, ...STATUSES.map((s) => ({ value: s, label: statusName(w, s) }))]}
      />
      <ExpandingTable<Studio>
        aria-label={w.studios}
        rows={studios}
        failed={!!error}
        empty={w.none}
        expanded={(s) => <StudioDetail id={s.id} w={w} />}
        columns={[
          { title: w.studio, dataIndex: 'name' },
          { title: w.master, dataIndex: 'masterName' },
          { title: w.hostUnit, dataIndex: 'hostUnit' },
          { title: w.year, dataIndex: 'batchYear' },
          { title: w.status, render: (_, s) => <Tag>{statusName(w, s.status)}</Tag> },
          { title: w.namedOn, render: (_, s) => s.namedOn ?? '—' },
          { title: w.apprentices, dataIndex: 'apprentices' },
        ]}
      />
    </Space>
  );
}

interface Screening {
  outcome?: 'pass' | 'fail' | 'return';
  reason?: string;
  criteria?: Array<{ criterion: string; met: boolean; evidence: string }>;
  by?: { userId?: string };
  at?: string;
}

function StudioDetail({ id, w }: { id: string; w: Words }) {
  const [view, setView] = useState<View | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void api.GET('/studios/{id}', { params: { path: { id } } }).then(({ data, error: e }) => (data ? setView(data) : setError(refusalText(e))));
  }, [id]);
  if (error) return <Alert type="error" showIcon role="alert" message={`${w.loadFailed}: ${error}`} />;
  if (!view) return <Spin />;
  const screenings = view.screenings as Screening[];
  const grant = view.grant as { amountFen?: number; dueOn?: string; status?: string } | null;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={w.master}>{str(view.master.name)}</Descriptions.Item>
        <Descriptions.Item label={w.trade}>{view.trade}</Descriptions.Item>
        <Descriptions.Item label={w.premises}>{view.premises}</Descriptions.Item>
        <Descriptions.Item label={w.appliedAt}>{shanghai(view.appliedAt)}</Descriptions.Item>
        <Descriptions.Item label={w.plan} span={2}>
          {view.plan}
        </Descriptions.Item>
        <Descriptions.Item label={w.bankAccount}>
          {view.bankAccount ? `${view.bankAccount.bank ?? ''} ${view.bankAccount.accountName ?? ''} ${view.bankAccount.accountNumber}` : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={w.grant}>{grant ? `¥${yuan(grant.amountFen)} · ${grant.dueOn ?? ''} · ${grant.status ?? ''}` : '—'}</Descriptions.Item>
      </Descriptions>
      <Typography.Title level={3} style={{ fontSize: 16 }}>
        {w.screenings}
      </Typography.Title>
      {screenings.length === 0 && <Typography.Text>{w.noScreenings}</Typography.Text>}
      {screenings.map((s, i) => (
        <Space key={i} direction="vertical" style={{ width: '100%' }}>
          <Typography.Text>
            {s.outcome ? w[s.outcome] : '—'} · {s.reason ?? ''} · {s.by?.userId ?? '—'} · {s.at ? shanghai(s.at) : '—'}
          </Typography.Text>
          <SmallTable
            aria-label={`${w.screenings} ${i + 1}`}
            rowKey="criterion"
            dataSource={s.criteria ?? []}
            columns={[
              { title: w.criterion, dataIndex: 'criterion' },
              { title: w.met, render: (_, c) => (c.met ? w.yes : w.no) },
              { title: w.evidence, dataIndex: 'evidence' },
            ]}
          />
        </Space>
      ))}
      <Typography.Title level={3} style={{ fontSize: 16 }}>
        {w.apprentices}
      </Typography.Title>
      <SmallTable
        aria-label={`${w.apprentices}：${view.name}`}
        dataSource={view.apprentices}
        columns={[
          { title: w.apprentice, dataIndex: 'name' },
          { title: w.startOn, dataIndex: 'startOn' },
          { title: w.endOn, render: (_, a) => a.endOn ?? '—' },
          { title: w.result, render: (_, a) => (a.outcome ? Object.values(a.outcome).map(str).join('；') : '—') },
        ]}
      />
    </Space>
  );
}
