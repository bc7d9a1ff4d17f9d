import { Alert, Badge, Button, List, Popover, Space, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { Link } from 'react-router-dom';
import { api, refusalText, type Schemas } from './api/client';
import { usePolling } from './poll';
import { useWords } from './i18n';
import { words } from './NotificationCentre.words';
import { ROUTES } from './routes';
import { shanghai } from './time';

type Notification = Schemas['NotificationDto'];

/** How often the header asks for new notifications while the console is open. */
const POLL_MS = 60_000;
// Dark enough for white text at 4.5:1 (WCAG AA): antd's light preset tags are not.
const KIND_COLOUR: Record<Notification['kind'], string> = { returned: '#ad4e00', outcome: '#237804', reminder: '#0958d9', escalation: '#a8071a', assignment: '#531dab' };

/** 通知: the header's bell — the unread count, the newest notifications (GET /notifications), read one or all. */
export function NotificationCentre() {
  const w = useWords(words);
  const [items, setItems] = useState<Notification[]>([]);
  const [unread, setUnread] = useState(0);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    const { data, error: refusal } = await api.GET('/notifications', { params: { query: { limit: 30 } } });
    if (!data) return setError(refusalText(refusal));
    setError(null);
    setItems(data.items);
    setUnread(data.unread);
  }, []);

  usePolling(load, POLL_MS);

  const markRead = async (id: string) => {
    const { data, error: refusal } = await api.POST('/notifications/{id}/read', { params: { path: { id } }, body: {} });
    if (!data) return setError(refusalText(refusal));
    setItems((list) => list.map((n) => (n.id === id ? data : n)));
    setUnread((n) => Math.max(0, n - 1));
  };

  const markAllRead = async () => {
    const { data, error: refusal } = await api.POST('/notifications/read', { body: {} });
    if (!data) return setError(refusalText(refusal));
    setItems((list) => list.map((n) => ({ ...n, read: true })));
    setUnread(data.unread);
  };

  const content = (
    <div style={{ width: 380, maxHeight: 480, overflowY: 'auto' }}>
      {error && <Alert type="error" showIcon role="alert" message={`${w.loadFailed}: ${error}`} />}
      <List<Notification>
        dataSource={items}
        locale={{ emptyText: w.empty }}
        renderItem={(n) => (
          <List.Item
            actions={
              n.read
                ? [<Typography.Text key="read">{w.read}</Typography.Text>]
                : [
                    <Button key="read" size="small" type="link" onClick={() => void markRead(n.id)}>
                      {w.markRead}
                    </Button>,
                  ]
            }
          >
            <List.Item.Meta
              title={
                <Space size="small" wrap>
                  <Tag color={KIND_COLOUR[n.kind]}>{w[n.kind]}</Tag>
                  <Typography.Text>{shanghai(n.createdAt)}</Typography.Text>
                </Space>
              }
              description={
                <>
                  <Typography.Paragraph strong={!n.read} style={{ marginBottom: 4, color: '#262626' }}>
                    {n.text}
                  </Typography.Paragraph>
                  {n.candidateId && (
                    <Link to={ROUTES.file(n.candidateId)} onClick={() => setOpen(false)}>
                      {w.openFile}
                    </Link>
                  )}
                </>
              }
            />
          </List.Item>
        )}
      />
    </div>
  );

  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) void load();
      }}
      title={
        <Space style={{ width: '100%', justifyContent: 'space-between' }}>
          <span>{w.title}</span>
          {unread > 0 && (
            <Button size="small" onClick={() => void markAllRead()}>
              {w.markAllRead}
            </Button>
          )}
        </Space>
      }
      content={content}
    >
      <Button size="small" aria-label={`${w.title}（${unread} ${w.unread}）`} aria-expanded={open} aria-haspopup="dialog">
        <Badge count={unread} size="small" offset={[8, -4]} style={{ backgroundColor: '#fff', color: '#7a1a0a', boxShadow: 'none' }}>
          <span style={{ color: 'inherit' }}>{w.title}</span>
        </Badge>
      </Button>
    </Popover>
  );
}
