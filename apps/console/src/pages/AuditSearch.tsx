import { Alert, App, Button, Form, Input, Space, Table, Tabs, Typography, type TableColumnsType } from 'antd';
import { useCallback, useState } from 'react';
import { Link } from 'react-router-dom';
import { AREA_LABELS, CHANNEL_LABELS, INDUSTRY_LABELS, STAGE_LABELS, STATUS_LABELS } from '../../../api/src/candidates/candidate-labels';
import { api, refusalText, type Schemas } from '../api/client';
import type { paths } from '../api/schema';
import { saveDownload } from '../download';
import { FilterSelect, useRoundChoices } from '../filter-fields';
import { usePagedList, type PageAnswer } from '../paged';
import { fill } from '../fill';
import { codesOf } from '../enum-names';
import { useI18n, useWords } from '../i18n';
import { ROUTES } from '../routes';
import { shanghai } from '../time';
import { words } from './AuditSearch.words';

type CandidateQuery = NonNullable<paths['/candidates']['get']['parameters']['query']>;
type StudioQuery = NonNullable<paths['/studios']['get']['parameters']['query']>;
type Candidate = Schemas['CandidateSummaryDto'];
type Studio = Schemas['StudioSummaryDto'];
type Filters = Omit<CandidateQuery, 'page' | 'pageSize'>;

/** The statuses of a named master's file: the "masters" tab is the candidate list narrowed to these. */
const MASTER_STATUSES = ['paying', 'completed', 'subsidy_stopped'] as const;
const PAGE_SIZE = 20;

/** A list the API pages (`items`, `total`) as a table with its pager, and a refusal shown above it. */
function PagedResults<T extends { id: string }>({ fetchPage, columns }: { fetchPage: (page: number) => Promise<PageAnswer<T>>; columns: TableColumnsType<T> }) {
  const w = useWords(words);
  const { result, error, pagination } = usePagedList(fetchPage, PAGE_SIZE);
  return (
    <>
      {error && <Alert type="error" showIcon message={`${w.loadFailed}: ${error}`} role="alert" />}
      <Table<T>
        aria-label={w.results}
        rowKey="id"
        loading={!result}
        dataSource={result?.items ?? []}
        scroll={{ x: true }}
        // Words in the text colour: antd's grey picture and placeholder fall short of WCAG's contrast.
        locale={{ emptyText: <Typography.Text>{w.empty}</Typography.Text> }}
        pagination={{ ...pagination, showSizeChanger: false, showTotal: (n) => fill(w.total, { n }) }}
        columns={columns}
      />
    </>
  );
}

/** 审计查询: candidates (every filter GET /candidates offers), named masters and studios, each row leading to its timeline. */
export function AuditSearch() {
  const w = useWords(words);
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {w.title}
      </Typography.Title>
      <Tabs
        items={[
          { key: 'candidates', label: w.candidates, children: <CandidateSearch /> },
          { key: 'masters', label: w.masters, children: <CandidateSearch masters /> },
          { key: 'studios', label: w.studios, children: <StudioSearch /> },
        ]}
      />
    </>
  );
}

const choices = (values: readonly string[], label: (v: string) => string) => values.map((value) => ({ value, label: label(value) }));

function CandidateSearch({ masters = false }: { masters?: boolean }) {
  const w = useWords(words);
  const { name } = useI18n();
  const { message } = App.useApp();
  const rounds = useRoundChoices();
  const [form] = Form.useForm<Filters>();
  const initial: Filters = masters ? { status: 'paying' } : {};
  const [filters, setFilters] = useState<Filters>(initial);
  const [error, setError] = useState<string | null>(null);
  const fetchPage = useCallback((page: number) => api.GET('/candidates', { params: { query: { ...filters, page, pageSize: PAGE_SIZE } } }), [filters]);

  const search = (values: Filters) => {
    // Empty fields are no filter at all.
    setFilters(Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== null && v !== '')) as Filters);
  };

  const exportAs = useCallback(
    async (format: 'csv' | 'xlsx') => {
      const {
        data,
        error: refusal,
        response,
      } = await api.GET(format === 'csv' ? '/candidates/export.csv' : '/candidates/export.xlsx', {
        params: { query: filters },
        parseAs: 'blob',
      });
      if (!data) return setError(refusalText(refusal));
      void message.success(`${w.exported}: ${saveDownload(data, response, `candidates.${format}`)}`);
    },
    [filters, message, w.exported],
  );

  const statuses = masters ? MASTER_STATUSES : Object.keys(STATUS_LABELS);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {masters && <Typography.Paragraph>{w.mastersHint}</Typography.Paragraph>}
      <Form<Filters> form={form} layout="inline" initialValues={initial} onFinish={search} style={{ rowGap: 12 }}>
        <Form.Item label={w.name} name="q">
          <Input placeholder={w.namePlaceholder} allowClear style={{ width: 160 }} />
        </Form.Item>
        <FilterSelect label={w.round} name="roundId" width={120} options={rounds} />
        {!masters && <FilterSelect label={w.stage} name="stage" width={180} options={choices(Object.keys(STAGE_LABELS), (v) => name('stage', v))} />}
        <FilterSelect label={w.status} name="status" width={180} options={choices(statuses, (v) => name('status', v))} />
        <FilterSelect label={w.channel} name="channel" width={180} options={choices(Object.keys(CHANNEL_LABELS), (v) => name('channel', v))} />
        <FilterSelect label={w.industry} name="industry" width={140} options={choices(Object.keys(INDUSTRY_LABELS), (v) => name('industry', v))} />
        <FilterSelect label={w.area} name="area" width={140} options={choices(Object.keys(AREA_LABELS), (v) => name('area', v))} />
        <FilterSelect label={w.overdue} name="overdue" width={90} options={choices(['true', 'false'], (v) => (v === 'true' ? w.yes : w.no))} />
        <FilterSelect label={w.sort} name="sort" width={140} options={choices(['nominatedAt', 'dueAt'], (v) => (v === 'dueAt' ? w.byDueAt : w.byNominatedAt))} />
        <FilterSelect label={w.order} name="order" width={100} options={choices(['asc', 'desc'], (v) => (v === 'asc' ? w.asc : w.desc))} />
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit">
              {w.search}
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                search(initial);
              }}
            >
              {w.reset}
            </Button>
            <Button onClick={() => void exportAs('csv')}>{w.exportCsv}</Button>
            <Button onClick={() => void exportAs('xlsx')}>{w.exportXlsx}</Button>
          </Space>
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon message={`${w.loadFailed}: ${error}`} role="alert" />}
      <PagedResults<Candidate>
        fetchPage={fetchPage}
        columns={[
          { title: w.name, key: 'name', render: (_, c) => <Link to={ROUTES.auditCase(c.id)}>{c.name}</Link> },
          { title: w.round, dataIndex: 'roundYear', key: 'roundYear' },
          { title: w.stage, key: 'stage', render: (_, c) => name('stage', c.stage) },
          { title: w.status, key: 'status', render: (_, c) => name('status', c.status) },
          { title: w.channel, key: 'channel', render: (_, c) => name('channel', c.channel) },
          { title: w.industry, key: 'industry', render: (_, c) => name('industry', c.industry) },
          { title: w.trade, dataIndex: 'trade', key: 'trade' },
          { title: w.employer, dataIndex: 'employer', key: 'employer' },
          { title: w.area, key: 'area', render: (_, c) => name('area', c.area) },
          { title: w.idNumber, dataIndex: 'idNumber', key: 'idNumber' },
          { title: w.dueAt, key: 'dueAt', render: (_, c) => shanghai(c.dueAt) },
          { title: w.expertScore, dataIndex: 'expertScore', key: 'expertScore' },
          { title: w.nominatedAt, key: 'nominatedAt', render: (_, c) => shanghai(c.nominatedAt) },
        ]}
      />
    </Space>
  );
}

function StudioSearch() {
  const w = useWords(words);
  const { name } = useI18n();
  const [status, setStatus] = useState<StudioQuery['status']>();
  const statusName = (s: string | null | undefined) => (s ? name('studioStatus', s) : '—');

  const fetchPage = useCallback((page: number) => api.GET('/studios', { params: { query: { status, page, pageSize: PAGE_SIZE } } }), [status]);

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Form<{ status?: StudioQuery['status'] }> layout="inline" onValuesChange={(_, values) => setStatus(values.status)}>
        <FilterSelect label={w.status} name="status" width={160} options={choices(codesOf('studioStatus'), statusName)} />
      </Form>
      <PagedResults<Studio>
        fetchPage={fetchPage}
        columns={[
          { title: w.studioName, dataIndex: 'name', key: 'name' },
          { title: w.hostUnit, dataIndex: 'hostUnit', key: 'hostUnit' },
          { title: w.trade, dataIndex: 'trade', key: 'trade' },
          // The studio's lead master: their file's timeline.
          { title: w.master, key: 'master', render: (_, s) => (s.masterId ? <Link to={ROUTES.auditCase(s.masterId)}>{s.masterName ?? s.masterId}</Link> : '—') },
          { title: w.status, key: 'status', render: (_, s) => statusName(s.status) },
          { title: w.batchYear, dataIndex: 'batchYear', key: 'batchYear' },
          { title: w.namedOn, dataIndex: 'namedOn', key: 'namedOn' },
          { title: w.apprentices, dataIndex: 'apprentices', key: 'apprentices' },
          { title: w.appliedAt, key: 'appliedAt', render: (_, s) => shanghai(s.appliedAt) },
        ]}
      />
    </Space>
  );
}
