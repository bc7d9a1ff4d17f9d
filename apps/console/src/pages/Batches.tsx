import { Alert, App, Button, Card, Checkbox, Form, Input, Radio, Space, Spin, Table, Typography } from 'antd';
import type { CheckboxProps } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { api, refusalText, session, type Schemas } from '../api/client';
import { useI18n, useWords } from '../i18n';
import { ROUTES } from '../routes';
import { shanghai } from '../time';
import words from './Batches.words';
import { CardTitle, emptyText, lines, MembersField, PageTitle } from './ReviewShared';

type Batch = Schemas['BatchSummaryDto'];
type BatchDetail = Schemas['BatchDto'];
type Summary = Schemas['CandidateSummaryDto'];
interface Values {
  name: string;
  plannedOn: string;
  members: string;
  move?: boolean;
}
/** A 409's list: each candidate refused and why (closed, past inspection, or in another batch). */
interface Refused {
  candidateId: string;
  name: string;
  reason: string;
}

/** Roles the API lets create a batch; auditors and admins read only. */
const CREATORS = ['union_office', 'inspector'];
const PAGE_SIZE = 20;

/** 考察批次: the batches, newest first (GET /inspection-batches), each opened in place, and a new one (POST). */
export function Batches() {
  const w = useWords(words);
  const [page, setPage] = useState(1);
  const [list, setList] = useState<Schemas['BatchPageDto'] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);

  const load = useCallback(async () => {
    const { data, error: refusal } = await api.GET('/inspection-batches', { params: { query: { page, pageSize: PAGE_SIZE } } });
    if (data) setList(data);
    else setError(refusalText(refusal));
  }, [page]);
  useEffect(() => void load(), [load]);

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <PageTitle>{w.title}</PageTitle>
      {CREATORS.includes(session()?.role ?? '') && !creating && (
        <Button type="primary" onClick={() => setCreating(true)} style={{ alignSelf: 'flex-start' }}>
          {w.create}
        </Button>
      )}
      {creating && (
        <CreateBatch
          onClose={() => setCreating(false)}
          onCreated={() => {
            setCreating(false);
            // The new batch is first on page 1: going there loads it; already there, load again.
            if (page === 1) void load();
            else setPage(1);
          }}
        />
      )}
      {error && <Alert type="error" showIcon message={`${w.loadFailed}: ${error}`} role="alert" />}
      <Table<Batch>
        rowKey="id"
        loading={!list && !error}
        dataSource={list?.items ?? []}
        locale={emptyText(w.empty)}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: list?.total ?? 0, hideOnSinglePage: true, onChange: setPage }}
        expandable={{ expandedRowRender: (b) => <BatchMembers id={b.id} /> }}
        columns={[
          { title: w.name, dataIndex: 'name', key: 'name' },
          { title: w.plannedOn, dataIndex: 'plannedOn', key: 'plannedOn' },
          { title: w.team, key: 'members', render: (_, b) => b.members.join('、') },
          { title: w.count, dataIndex: 'candidateCount', key: 'count' },
          { title: w.createdBy, dataIndex: 'createdBy', key: 'createdBy' },
          { title: w.createdAt, key: 'createdAt', render: (_, b) => shanghai(b.createdAt) },
        ]}
      />
    </Space>
  );
}

/** Where each candidate of a batch stands, a link to its visit record while at inspection, and who put whom in when. */
function BatchMembers({ id }: { id: string }) {
  const w = useWords(words);
  const { name } = useI18n();
  const [batch, setBatch] = useState<BatchDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void api.GET('/inspection-batches/{id}', { params: { path: { id } } }).then(({ data, error: refusal }) => (data ? setBatch(data) : setError(refusalText(refusal))));
  }, [id]);
  if (error) return <Alert type="error" showIcon message={`${w.loadFailed}: ${error}`} role="alert" />;
  if (!batch) return <Spin />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Table<BatchDetail['candidates'][number]>
        rowKey="candidateId"
        size="small"
        pagination={false}
        dataSource={batch.candidates}
        columns={[
          { title: w.candidate, key: 'name', render: (_, c) => <Link to={ROUTES.file(c.candidateId)}>{c.name}</Link> },
          { title: w.employer, dataIndex: 'employer', key: 'employer' },
          { title: w.stage, key: 'stage', render: (_, c) => name('stage', c.stage) },
          { title: w.status, key: 'status', render: (_, c) => name('status', c.status) },
          {
            title: w.recordVisit,
            key: 'visit',
            render: (_, c) => (c.stage === 'inspection' && c.status === 'awaiting_decision' ? <Link to={ROUTES.visit(c.candidateId)}>{w.recordVisit}</Link> : '—'),
          },
        ]}
      />
      <Typography.Text strong>{w.history}</Typography.Text>
      <Table<BatchDetail['history'][number]>
        rowKey={(m) => `${m.candidateId}:${m.at}`}
        size="small"
        pagination={false}
        dataSource={batch.history}
        columns={[
          { title: w.candidate, dataIndex: 'name', key: 'name' },
          { title: w.from, key: 'from', render: (_, m) => (m.fromBatchId ? m.fromBatchId.slice(0, 8) : w.firstPut) },
          { title: w.to, key: 'to', render: (_, m) => m.toBatchId.slice(0, 8) },
          { title: w.by, key: 'by', render: (_, m) => `${name('role', m.role)} · ${m.movedBy}` },
          { title: w.at, key: 'at', render: (_, m) => shanghai(m.at) },
        ]}
      />
    </Space>
  );
}

/** A new batch: its name, date and team, and the candidates chosen from those at qualification or inspection. */
function CreateBatch({ onClose, onCreated }: { onClose: () => void; onCreated: () => void }) {
  const w = useWords(words);
  const { name } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [stage, setStage] = useState<'inspection' | 'qualification'>('inspection');
  const [candidates, setCandidates] = useState<Summary[] | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const [missing, setMissing] = useState(false);
  const [refusal, setRefusal] = useState<{ text: string; candidates: Refused[] } | null>(null);
  const [busy, setBusy] = useState(false);

  const [q, setQ] = useState('');

  // Many files wait at a stage across the district: the office narrows them by name.
  useEffect(() => {
    let current = true;
    setCandidates(null);
    const query = { stage, pageSize: 500, sort: 'dueAt' as const, ...(q.trim() && { q: q.trim() }) };
    // A reply to an earlier stage or name that arrives late is not shown.
    void api.GET('/candidates', { params: { query } }).then(({ data }) => current && setCandidates(data?.items ?? []));
    return () => {
      current = false;
    };
  }, [stage, q]);

  const submit = async (values: Values) => {
    if (!chosen.length) return setMissing(true);
    setBusy(true);
    setRefusal(null);
    const { data, error } = await api.POST('/inspection-batches', {
      body: { name: values.name.trim(), plannedOn: values.plannedOn, members: lines(values.members), candidateIds: chosen, ...(values.move && { move: true }) },
    });
    setBusy(false);
    if (!data) return setRefusal({ text: refusalText(error), candidates: ((error ?? {}) as { candidates?: Refused[] }).candidates ?? [] });
    const moved = (data.moved as Array<{ name: string; fromBatchName: string }>).map((m) => `${m.name}（${m.fromBatchName}）`);
    void message.success(moved.length ? `${w.created}。${w.movedHere}${moved.join('、')}` : w.created);
    onCreated();
  };

  return (
    <Card title={<CardTitle>{w.create}</CardTitle>}>
      {refusal && (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          message={w.refused}
          description={
            refusal.candidates.length ? (
              <ul style={{ margin: 0, paddingLeft: 20 }}>
                {refusal.candidates.map((c) => (
                  <li key={c.candidateId}>
                    {c.name}：{c.reason}
                  </li>
                ))}
              </ul>
            ) : (
              refusal.text
            )
          }
        />
      )}
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void submit(v)} style={{ maxWidth: 900 }}>
        <Form.Item label={w.name} name="name" rules={[{ required: true, whitespace: true, message: w.nameRequired }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item label={w.plannedOn} name="plannedOn" rules={[{ required: true, message: w.plannedOnRequired }]}>
          <Input type="date" style={{ width: 200 }} />
        </Form.Item>
        <MembersField label={w.members} message={w.membersRequired} />
        <Form.Item label={w.pickStage}>
          <Radio.Group
            optionType="button"
            value={stage}
            onChange={(e) => setStage(e.target.value as typeof stage)}
            options={(['inspection', 'qualification'] as const).map((s) => ({ value: s, label: name('stage', s) }))}
          />
        </Form.Item>
        <Form.Item label={w.findByName}>
          <Input.Search allowClear enterButton={w.findByName} aria-label={w.findByName} onSearch={setQ} style={{ maxWidth: 360 }} />
        </Form.Item>
        <Form.Item label={w.candidates} required validateStatus={missing ? 'error' : undefined} help={missing ? w.candidatesRequired : undefined}>
          <Table<Summary>
            rowKey="id"
            size="small"
            loading={!candidates}
            locale={emptyText(w.noCandidates)}
            dataSource={candidates ?? []}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            rowSelection={{
              selectedRowKeys: chosen,
              preserveSelectedRowKeys: true,
              onChange: (keys) => {
                setChosen(keys as string[]);
                setMissing(false);
              },
              // antd hands these on to the <input>, though its type leaves aria-* out: each box says whom it selects.
              getCheckboxProps: (c) => ({ 'aria-label': `${w.select} ${c.name}` }) as CheckboxProps,
            }}
            columns={[
              { title: w.candidate, dataIndex: 'name', key: 'name' },
              { title: w.employer, dataIndex: 'employer', key: 'employer' },
              { title: w.status, key: 'status', render: (_, c) => name('status', c.status) },
              { title: w.dueAt, key: 'due', render: (_, c) => shanghai(c.dueAt) },
            ]}
          />
        </Form.Item>
        <Form.Item name="move" valuePropName="checked" extra={w.moveHint}>
          <Checkbox>{w.move}</Checkbox>
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={busy}>
            {w.submit}
          </Button>
          <Button onClick={onClose}>{w.cancel}</Button>
        </Space>
      </Form>
    </Card>
  );
}
