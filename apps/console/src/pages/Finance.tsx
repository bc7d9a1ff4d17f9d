import { Alert, App, Button, Card, DatePicker, Descriptions, Form, Input, Modal, Select, Space, Spin, Table, Tabs, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { PAYMENT_KINDS as KINDS } from '../../../../libs/contract/money';
import { api, refusalText, session, type Schemas } from '../api/client';
import { saveDownload } from '../download';
import { MonthPicker, thisMonth } from '../MonthPicker';
import { useI18n, useWords } from '../i18n';
import { shanghai, ZONE } from '../time';
import { fill } from '../fill';
import { yuan } from '../money';
import { words } from './Finance.words';

type Instruction = Schemas['InstructionDto'];
type Step = Schemas['InstructionStepDto'];
type Sum = Schemas['CountAmountDto'];
type W = ReturnType<typeof useFinanceWords>;

const useFinanceWords = () => useWords(words);
// The forecast's chart (echarts) is loaded only when its tab is opened.
const FinanceForecast = lazy(async () => ({ default: (await import('./FinanceForecast')).FinanceForecast }));

const STATUSES = ['open', 'due', 'approved', 'paid', 'failed', 'reissued', 'cancelled'] as const;
// Solid tags, white on these, keep the contrast WCAG AA asks for (antd's light preset tags do not).
const STATUS_COLOURS: Record<string, string | undefined> = { due: '#874d00', approved: '#1d39c4', paid: '#237804', failed: '#a8071a' };

/** A refusal: its code's Chinese text (four eyes among them) and the API's words (refusalText). */
function Refusal({ text, w }: { text: string; w: W }) {
  return <Alert type="error" showIcon role="alert" message={w.refused} description={text} />;
}

const monthValue = (month: string | null | undefined): Dayjs | null => (month ? dayjs(`${month}-01`) : null);

/** 财务: payment instructions (four eyes), the month's bank run, reconciliation and the forecast. */
export function Finance() {
  const w = useFinanceWords();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'instructions';
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {w.title}
      </Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'instructions' ? {} : { tab: key })}
        items={[
          { key: 'instructions', label: w.tabInstructions, children: <Instructions w={w} /> },
          { key: 'reconciliation', label: w.tabReconciliation, children: <Reconciliation w={w} /> },
          {
            key: 'forecast',
            label: w.tabForecast,
            children: (
              <Suspense fallback={<Spin />}>
                <FinanceForecast />
              </Suspense>
            ),
          },
        ]}
      />
    </>
  );
}

/** The list's filter, kept in the address (a reload or a shared link shows the same list); `open` unless told. */
const filterOf = (params: URLSearchParams) => ({
  status: params.get('status') ?? 'open',
  kind: params.get('kind') ?? '',
  dueMonth: params.get('dueMonth') ?? '',
  candidateId: params.get('candidateId') ?? '',
});

type Action = { kind: 'confirm' | 'fail' | 'reissue'; item: Instruction };

function Instructions({ w }: { w: W }) {
  const { name } = useI18n();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const clerk = session()?.role === 'finance';
  const [page, setPage] = useState<{ items: Instruction[]; totals: Sum } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const [action, setAction] = useState<Action | null>(null);
  const [form] = Form.useForm();
  const key = params.toString();
  const filter = filterOf(params);

  const load = useCallback(async () => {
    const { status, kind, dueMonth, candidateId } = filterOf(new URLSearchParams(key));
    const { data, error: refused } = await api.GET('/finance/tasks', {
      params: {
        query: {
          status: status === 'all' ? undefined : (status as (typeof STATUSES)[number]),
          kind: (kind || undefined) as (typeof KINDS)[number] | undefined,
          dueMonth: dueMonth || undefined,
          candidateId: candidateId || undefined,
        },
      },
    });
    if (data) {
      setPage({ items: data.items, totals: data.totals });
      setError(null);
    } else setError(refusalText(refused));
    setSelected([]);
  }, [key]);
  useEffect(() => void load(), [load]);
  useEffect(() => {
    const shown = filterOf(new URLSearchParams(key));
    form.setFieldsValue({ ...shown, dueMonth: monthValue(shown.dueMonth) });
  }, [key, form]);

  const search = (values: { status: string; kind: string; dueMonth: Dayjs | null; candidateId: string }) => {
    const next: Record<string, string> = { status: values.status };
    if (values.kind) next.kind = values.kind;
    if (values.dueMonth) next.dueMonth = values.dueMonth.format('YYYY-MM');
    if (values.candidateId?.trim()) next.candidateId = values.candidateId.trim();
    setParams(next);
  };

  const approve = async () => {
    setRefusal(null);
    const { data, error: refused } = await api.POST('/finance/tasks/approve', { body: { ids: selected } });
    if (data) void message.success(fill(w.approved, { n: data.items.length }));
    else setRefusal(refusalText(refused));
    await load();
  };

  const statusOptions = [{ value: 'all', label: w.any }, ...STATUSES.map((s) => ({ value: s, label: w[`status_${s}`] }))];
  const kindOptions = [{ value: '', label: w.any }, ...KINDS.map((k) => ({ value: k, label: name('paymentKind', k) }))];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Form form={form} layout="inline" onFinish={search} aria-label={w.filters}>
        <Form.Item label={w.status} name="status">
          <Select options={statusOptions} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item label={w.kind} name="kind">
          <Select options={kindOptions} style={{ width: 130 }} />
        </Form.Item>
        <Form.Item label={w.month} name="dueMonth">
          <DatePicker picker="month" format="YYYY-MM" />
        </Form.Item>
        <Form.Item label={w.candidateId} name="candidateId">
          <Input allowClear style={{ width: 220 }} />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit">
              {w.search}
            </Button>
            <Button onClick={() => setParams({})}>{w.reset}</Button>
          </Space>
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon role="alert" message={`${w.loadFailed}: ${error}`} />}
      {refusal && <Refusal text={refusal} w={w} />}
      <Space wrap>
        <Typography.Text strong data-testid="totals">
          {page ? fill(w.totals, { count: page.totals.count, amount: yuan(page.totals.amountFen) }) : ''}
        </Typography.Text>
        {clerk && (
          <Button type="primary" disabled={selected.length === 0} onClick={() => void approve()}>
            {fill(w.approveSelected, { n: selected.length })}
          </Button>
        )}
      </Space>
      <Table<Instruction>
        rowKey="id"
        loading={!page && !error}
        dataSource={page?.items ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: <Typography.Text>{w.empty}</Typography.Text> }}
        rowSelection={
          clerk
            ? {
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys as string[]),
                getCheckboxProps: (item) => ({ disabled: item.status !== 'due', 'aria-label': fill(w.selectRow, { name: item.payeeName }) }),
                columnTitle: ' ',
              }
            : undefined
        }
        expandable={{ expandedRowRender: (item) => <Detail item={item} w={w} /> }}
        columns={[
          { title: w.payee, dataIndex: 'payeeName', key: 'payee' },
          { title: w.kind, key: 'kind', render: (_, t) => name('paymentKind', t.kind) },
          { title: w.instalment, key: 'instalment', render: (_, t) => (t.kind === 'subsidy' ? fill(w.subsidyInstalment, { n: t.instalment }) : w.bonusInstalment) },
          { title: w.attempt, dataIndex: 'attempt', key: 'attempt' },
          { title: w.amount, key: 'amount', align: 'right', render: (_, t) => yuan(t.amountFen) },
          { title: w.dueOn, dataIndex: 'dueOn', key: 'dueOn' },
          {
            title: w.status,
            key: 'status',
            render: (_, t) => (
              <Space size={4}>
                <Tag color={STATUS_COLOURS[t.status]}>{w[`status_${t.status}`]}</Tag>
                {t.recovery && <Tag color="#9e1068">{w.status_recovery}</Tag>}
              </Space>
            ),
          },
          { title: w.approvedBy, key: 'approvedBy', render: (_, t) => t.approvedBy ?? '—' },
          { title: w.reference, key: 'reference', render: (_, t) => t.reference ?? '—' },
          ...(clerk
            ? [
                {
                  title: w.actions,
                  key: 'actions',
                  render: (_: unknown, t: Instruction) => (
                    <Space size={4} wrap>
                      {t.status === 'approved' && (
                        <>
                          <Button size="small" type="primary" onClick={() => setAction({ kind: 'confirm', item: t })}>
                            {w.confirm}
                          </Button>
                          <Button size="small" danger onClick={() => setAction({ kind: 'fail', item: t })}>
                            {w.fail}
                          </Button>
                        </>
                      )}
                      {t.status === 'failed' && (
                        <Button size="small" onClick={() => setAction({ kind: 'reissue', item: t })}>
                          {w.reissue}
                        </Button>
                      )}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {action && (
        <ActionDialog
          action={action}
          w={w}
          onClose={() => setAction(null)}
          onDone={(text) => {
            setAction(null);
            void message.success(text);
            void load();
          }}
        />
      )}
      <BankRun w={w} month={filter.dueMonth || thisMonth()} />
    </Space>
  );
}

/** One instruction's steps (GET /finance/tasks/:id), shown when its row is expanded. */
function Detail({ item, w }: { item: Instruction; w: W }) {
  const [history, setHistory] = useState<Step[] | null>(null);
  useEffect(() => {
    void api.GET('/finance/tasks/{id}', { params: { path: { id: item.id } } }).then(({ data }) => setHistory(data?.history ?? []));
  }, [item.id]);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Descriptions size="small" column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label={w.paidBy}>{item.paidBy ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={w.paidOn}>{item.paidOn ?? '—'}</Descriptions.Item>
        {item.failureReason && <Descriptions.Item label={w.failureReason}>{item.failureReason}</Descriptions.Item>}
        {item.reissueReason && <Descriptions.Item label={w.reissueReason}>{item.reissueReason}</Descriptions.Item>}
        {item.cancellationReason && <Descriptions.Item label={w.cancellationReason}>{item.cancellationReason}</Descriptions.Item>}
        {item.recoveryReason && <Descriptions.Item label={w.recovery}>{item.recoveryReason}</Descriptions.Item>}
      </Descriptions>
      <Table<Step>
        size="small"
        title={() => w.history}
        loading={!history}
        rowKey={(s) => `${s.step}:${s.at}`}
        dataSource={history ?? []}
        pagination={false}
        columns={[
          { title: w.step, key: 'step', render: (_, s) => (w as Record<string, string>)[`step_${s.step}`] ?? s.step },
          { title: w.by, dataIndex: 'by', key: 'by' },
          { title: w.at, key: 'at', render: (_, s) => shanghai(s.at) },
          { title: w.reason, key: 'reason', render: (_, s) => s.reason ?? '—' },
        ]}
      />
    </Space>
  );
}

/** Confirm with a bank reference and date, mark failed or reissue (each with its reason). */
function ActionDialog({ action, w, onClose, onDone }: { action: Action; w: W; onClose: () => void; onDone: (text: string) => void }) {
  const { name } = useI18n();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const { kind, item } = action;
  const title = fill(kind === 'confirm' ? w.confirmTitle : kind === 'fail' ? w.failTitle : w.reissueTitle, { name: item.payeeName });
  const path = { params: { path: { id: item.id } } };

  const submit = async (values: { reference?: string; paidOn?: Dayjs; reason?: string }) => {
    setBusy(true);
    setRefusal(null);
    const reply =
      kind === 'confirm'
        ? await api.POST('/finance/tasks/{id}/confirm', { ...path, body: { reference: values.reference ?? '', paidOn: values.paidOn?.format('YYYY-MM-DD') ?? '' } })
        : await api.POST(kind === 'fail' ? '/finance/tasks/{id}/failure' : '/finance/tasks/{id}/reissue', { ...path, body: { reason: values.reason ?? '' } });
    setBusy(false);
    if (reply.data) onDone(kind === 'confirm' ? w.confirmed : kind === 'fail' ? w.failed : w.reissued);
    else setRefusal(refusalText(reply.error));
  };

  return (
    <Modal open title={title} onCancel={onClose} onOk={() => form.submit()} okText={w.submit} cancelText={w.cancel} confirmLoading={busy} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(values) => void submit(values)} initialValues={{ paidOn: dayjs(dayjs().tz(ZONE).format('YYYY-MM-DD')) }}>
        <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
          <Descriptions.Item label={w.kind}>{name('paymentKind', item.kind)}</Descriptions.Item>
          <Descriptions.Item label={w.amount}>{yuan(item.amountFen)}</Descriptions.Item>
          <Descriptions.Item label={w.dueOn}>{item.dueOn}</Descriptions.Item>
        </Descriptions>
        {kind === 'confirm' ? (
          <>
            <Form.Item label={w.reference} name="reference" rules={[{ required: true, whitespace: true, message: fill(w.required, { field: w.reference }) }]}>
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item label={w.paidOn} name="paidOn" rules={[{ required: true, message: fill(w.required, { field: w.paidOn }) }]}>
              <DatePicker format="YYYY-MM-DD" />
            </Form.Item>
          </>
        ) : (
          <Form.Item label={w.reason} name="reason" rules={[{ required: true, whitespace: true, message: fill(w.required, { field: w.reason }) }]}>
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        )}
      </Form>
      {refusal && <Refusal text={refusal} w={w} />}
    </Modal>
  );
}

/** The month's bank run, downloaded with the bearer token as CSV or Excel. */
function BankRun({ w, month: initial }: { w: W; month: string }) {
  const [month, setMonth] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setMonth(initial), [initial]);

  const download = async (format: 'csv' | 'xlsx') => {
    setError(null);
    const path = format === 'csv' ? '/finance/exports/{month}.csv' : '/finance/exports/{month}.xlsx';
    const { data, error: refused, response } = await api.GET(path, { params: { path: { month } }, parseAs: 'blob' });
    if (data) saveDownload(data, response, `bank-run-${month}.${format}`);
    else setError(refusalText(refused));
  };

  return (
    <Card
      title={
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          {w.exports}
        </Typography.Title>
      }
    >
      <MonthPicker id="bank-run-month" label={w.exportMonth} value={month} onChange={(m) => m && setMonth(m)}>
        <Button onClick={() => void download('csv')}>{w.downloadCsv}</Button>
        <Button type="primary" onClick={() => void download('xlsx')}>
          {w.downloadXlsx}
        </Button>
      </MonthPicker>
      <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }}>{w.exportHint}</Typography.Paragraph>
      {error && <Alert type="error" showIcon role="alert" message={`${w.downloadFailed}: ${error}`} />}
    </Card>
  );
}

type Master = Schemas['MasterPaidDto'];
type Breach = Schemas['CapBreachDto'];
const RECON_ROWS = ['due', 'approved', 'paid', 'failed', 'cancelled', 'outstanding', 'recovery'] as const;

/** GET /finance/reconciliation: the month by status, each master against the cap, the breaches. */
function Reconciliation({ w }: { w: W }) {
  const [month, setMonth] = useState<string | null>(thisMonth());
  const [recon, setRecon] = useState<Schemas['ReconciliationDto'] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setRecon(null);
    void api.GET('/finance/reconciliation', { params: { query: { month: month ?? undefined } } }).then(({ data, error: refused }) => {
      if (data) setRecon(data);
      else setError(refusalText(refused));
    });
  }, [month]);

  const label = (row: (typeof RECON_ROWS)[number]) => (row === 'outstanding' ? w.outstanding : w[`status_${row}`]);
  const masters: Master[] = recon?.masters ?? [];
  const breaches: Breach[] = recon?.breaches ?? [];
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <MonthPicker id="recon-month" label={w.reconMonth} value={month} onChange={setMonth} empty={w.reconAll}>
        {recon && <Typography.Text>{fill(w.cap, { amount: yuan(recon.capFen) })}</Typography.Text>}
      </MonthPicker>
      {error && <Alert type="error" showIcon role="alert" message={`${w.loadFailed}: ${error}`} />}
      <Table
        size="small"
        loading={!recon && !error}
        rowKey="row"
        pagination={false}
        dataSource={recon ? RECON_ROWS.map((row) => ({ row, ...recon[row] })) : []}
        columns={[
          { title: w.reconStatus, key: 'row', render: (_, r) => label(r.row) },
          { title: w.count, dataIndex: 'count', key: 'count', align: 'right' },
          { title: w.amount, key: 'amount', align: 'right', render: (_, r) => yuan(r.amountFen) },
        ]}
      />
      {breaches.length > 0 ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          message={w.breaches}
          description={breaches.map((b) => `${b.name}: ${yuan(b.paidFen)} (+${yuan(b.excessFen)})`).join('；')}
        />
      ) : (
        recon && <Alert type="success" showIcon message={w.noBreaches} />
      )}
      <Typography.Title level={2} style={{ fontSize: 16 }}>
        {w.masters}
      </Typography.Title>
      <Table<Master>
        size="small"
        rowKey="candidateId"
        dataSource={masters}
        locale={{ emptyText: <Typography.Text>{w.none}</Typography.Text> }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: w.payee, dataIndex: 'name', key: 'name' },
          { title: w.paidFen, key: 'paid', align: 'right', render: (_, m) => yuan(m.paidFen) },
          { title: w.paidCount, dataIndex: 'paidCount', key: 'count', align: 'right' },
          { title: w.remainingFen, key: 'remaining', align: 'right', render: (_, m) => yuan(m.remainingFen) },
          { title: w.breach, key: 'breach', render: (_, m) => (m.breach ? <Tag color="#a8071a">{w.yes}</Tag> : w.no) },
        ]}
      />
    </Space>
  );
}
