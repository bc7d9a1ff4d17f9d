import { Alert, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { api, refusalText, type Schemas } from '../api/client';
import { useI18n } from '../i18n';
import { ROUTES } from '../routes';
import { shanghai } from '../time';

type Task = Schemas['InboxItemDto'];

/** Overdue first, then the soonest due, then those without a due date. */
export function byUrgency(a: Task, b: Task): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  return (a.dueAt ? Date.parse(a.dueAt) : Infinity) - (b.dueAt ? Date.parse(b.dueAt) : Infinity);
}

/** 待办: what waits on the signed-in user (GET /tasks). */
export function Inbox() {
  const { t, name } = useI18n();
  const [tasks, setTasks] = useState<Task[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void api.GET('/tasks').then(({ data, error: refusal }) => (data ? setTasks([...data].sort(byUrgency)) : setError(refusalText(refusal))));
  }, []);

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t.inbox}
      </Typography.Title>
      {error && <Alert type="error" showIcon message={`${t.loadFailed}: ${error}`} role="alert" />}
      <Table<Task>
        rowKey={(task) => `${task.kind}:${task.candidateId ?? ''}:${task.step ?? ''}:${task.objectionId ?? ''}`}
        loading={!tasks && !error}
        dataSource={tasks ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t.inboxEmpty }}
        columns={[
          {
            title: t.name,
            key: 'name',
            render: (_, task) =>
              task.kind === 'file' && task.candidateId ? <Link to={ROUTES.file(task.candidateId)}>{task.name}</Link> : (task.candidateName ?? task.step),
          },
          { title: t.stage, key: 'stage', render: (_, task) => name('stage', task.stage ?? task.phase) },
          { title: t.status, key: 'status', render: (_, task) => name('status', task.status) },
          { title: t.dueAt, key: 'dueAt', render: (_, task) => shanghai(task.dueAt) },
          {
            title: t.overdue,
            key: 'overdue',
            render: (_, task) => (task.overdue ? <Tag color="red">{t.overdue}</Tag> : <Tag>{t.onTime}</Tag>),
          },
          { title: t.action, dataIndex: 'action', key: 'action' },
        ]}
      />
    </>
  );
}
