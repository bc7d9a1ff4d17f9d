import { Alert, Card, Descriptions, Form, Input, Space, Spin, Table, Tag, Typography } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useCandidate, type CandidateView } from '../api/candidate';
import { api, refusalText, session, type Schemas } from '../api/client';
import { useI18n, useWords } from '../i18n';
import { CardTitle } from './file/CardTitle';
import { ROUTES } from '../routes';
import { shanghai } from '../time';
import words from './Review.words';

type Task = Schemas['InboxItemDto'];

/** Descriptions two by two (one on a phone): antd's default above md is three. */
export const TWO_COLUMNS = { xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 };

/** A page's title (h1) and a card's (h2), sized for the console. */
export const PageTitle = ({ children }: { children: ReactNode }) => (
  <Typography.Title level={1} style={{ fontSize: 22 }}>
    {children}
  </Typography.Title>
);
export { CardTitle };

/** A table's empty text: antd greys it as if disabled (1.8:1), too pale to read; secondary text meets AA. */
export const emptyText = (text: string) => ({ emptyText: <Typography.Text type="secondary">{text}</Typography.Text> });

/** An error the API gave, as an alert screen readers announce. */
export const Refusal = ({ title, text }: { title: string; text: string | null }) =>
  text ? <Alert type="error" showIcon message={title} description={text} role="alert" style={{ marginBottom: 16 }} /> : null;

/** One name a line (or separated by 、 , ，；): a team as the API takes it. */
export const lines = (text: string | undefined) =>
  (text ?? '')
    .split(/[\n、,，;；]/)
    .map((m) => m.trim())
    .filter(Boolean);

const text = (value: unknown): string =>
  Array.isArray(value) ? value.join('；') : value === null || value === undefined || value === '' ? '—' : String(value as string);

/** A team, one name a line, at least one (the inspection batch's and the visit's). */
export const MembersField = ({ label, message }: { label: string; message: string }) => (
  <Form.Item label={label} name="members" required rules={[{ validator: (_, v: string) => (lines(v).length ? Promise.resolve() : Promise.reject(new Error(message))) }]}>
    <Input.TextArea rows={3} />
  </Form.Item>
);

/** What a reviewer weighs: the candidate's work, skill and deeds, from the form as the API shows it to the caller. */
export function CandidateFacts({ file, extra }: { file: CandidateView; extra?: ReactNode }) {
  const w = useWords(words);
  const { name } = useI18n();
  const form = (file.form ?? {}) as Record<string, unknown>;
  return (
    <Card title={<CardTitle>{w.facts}</CardTitle>} extra={extra}>
      <Descriptions bordered size="small" column={TWO_COLUMNS}>
        <Descriptions.Item label={w.name}>{file.name}</Descriptions.Item>
        <Descriptions.Item label={w.stage}>
          {name('stage', file.stage)} · {name('status', file.status)}
        </Descriptions.Item>
        <Descriptions.Item label={w.employer}>{file.employer}</Descriptions.Item>
        <Descriptions.Item label={w.industry}>{name('industry', file.industry)}</Descriptions.Item>
        <Descriptions.Item label={w.trade}>{file.trade}</Descriptions.Item>
        <Descriptions.Item label={w.yearsOfWork}>{text(file.yearsOfWork)}</Descriptions.Item>
        <Descriptions.Item label={w.skillLevel}>{file.skillLevel ? name('skillLevel', file.skillLevel) : text(null)}</Descriptions.Item>
        <Descriptions.Item label={w.dueAt}>{shanghai(file.dueAt)}</Descriptions.Item>
        <Descriptions.Item label={w.honours} span={2}>
          {text(form.honours)}
        </Descriptions.Item>
        <Descriptions.Item label={w.achievements} span={2}>
          {text(form.achievements)}
        </Descriptions.Item>
        <Descriptions.Item label={w.deeds} span={2}>
          {text(form.deeds)}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

/** The files at one stage that wait on the caller (GET /tasks), each linking to the page where the work is done. */
export function StageTasks({ title, stage, to }: { title: string; stage: string; to: (candidateId: string) => string }) {
  const w = useWords(words);
  const { t, name } = useI18n();
  const [tasks, setTasks] = useState<Task[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void api
      .GET('/tasks')
      .then(({ data, error: refusal }) =>
        data ? setTasks(data.filter((task) => task.kind === 'file' && task.stage === stage && task.candidateId)) : setError(refusalText(refusal)),
      );
  }, [stage]);
  return (
    <>
      <PageTitle>{title}</PageTitle>
      {error && <Alert type="error" showIcon message={`${w.loadFailed}: ${error}`} role="alert" />}
      <Table<Task>
        rowKey={(task) => task.candidateId ?? ''}
        loading={!tasks && !error}
        dataSource={tasks ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={emptyText(t.inboxEmpty)}
        columns={[
          { title: w.name, key: 'name', render: (_, task) => <Link to={to(task.candidateId ?? '')}>{task.name}</Link> },
          { title: w.employer, dataIndex: 'employer', key: 'employer' },
          { title: w.industry, key: 'industry', render: (_, task) => name('industry', task.industry) },
          { title: w.status, key: 'status', render: (_, task) => name('status', task.status) },
          { title: w.dueAt, key: 'dueAt', render: (_, task) => shanghai(task.dueAt) },
          { title: w.overdue, key: 'overdue', render: (_, task) => (task.overdue ? <Tag color="red">{w.overdue}</Tag> : <Tag>{w.onTime}</Tag>) },
        ]}
      />
    </>
  );
}

/** Back to the list and on to the full file, above each review page. */
export function ReviewLinks({ list, listName, candidateId }: { list: string; listName: string; candidateId: string }) {
  const w = useWords(words);
  return (
    <Typography.Paragraph>
      <Link to={list}>← {listName}</Link>
      {' · '}
      <Link to={ROUTES.file(candidateId)}>{w.openFile}</Link>
    </Typography.Paragraph>
  );
}

/** On the candidate's file: the way to the scoring page (an expert, while the panel scores) or the visit record (the inspection team). */
export function ReviewPageLink({ file }: { file: Pick<CandidateView, 'candidateId' | 'stage' | 'status'> }) {
  const w = useWords(words);
  const role = session()?.role;
  const to =
    role === 'expert' && file.stage === 'expert_review' && file.status === 'scoring'
      ? { path: ROUTES.scoring(file.candidateId), text: w.goScore }
      : role === 'inspector' && file.stage === 'inspection' && file.status === 'awaiting_decision'
        ? { path: ROUTES.visit(file.candidateId), text: w.goVisit }
        : null;
  return to && <Alert type="info" showIcon message={<Link to={to.path}>{to.text}</Link>} />;
}

/**
 * The frame of a review page for the candidate in the route (/scoring/:id, /visits/:id): the file as the API
 * shows it to the caller, the links back, the title, the page's own part (given the file and a way to
 * replace it with an action's reply), and the candidate's facts below.
 */
export function ReviewPage({
  list,
  listName,
  title,
  children,
}: {
  list: string;
  listName: string;
  title: string;
  children: (file: CandidateView, replace: (file: CandidateView) => void) => ReactNode;
}) {
  const { id = '' } = useParams();
  const w = useWords(words);
  const { file, setFile, error } = useCandidate(id);
  if (error) return <Alert type="error" showIcon message={`${w.loadFailed}: ${error}`} role="alert" />;
  if (!file) return <Spin />;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <ReviewLinks list={list} listName={listName} candidateId={file.candidateId} />
      <PageTitle>
        {title}：{file.name}
      </PageTitle>
      {children(file, setFile)}
      <CandidateFacts file={file} />
    </Space>
  );
}
