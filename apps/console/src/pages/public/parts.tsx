import { Card, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useWords } from '../../i18n';
import { ROUTES } from '../../routes';
import { words } from './PublicLayout.words';

/** One person (a candidate, a master) on a phone: the name as a heading, then what the page says of them. */
export function PersonCard({ name, children }: { name: string; children: ReactNode }) {
  return (
    <Card size="small" styles={{ body: { padding: 16 } }}>
      <Typography.Title level={2} style={{ fontSize: 19, marginTop: 0 }}>
        {name}
      </Typography.Title>
      {children}
    </Card>
  );
}

/** Links to the other public pages: the round's vote and notice (given the round), and the register. */
export function PublicLinks({ roundId, here }: { roundId?: string; here: 'vote' | 'notice' | 'register' }) {
  const w = useWords(words);
  const links = [
    { key: 'vote', to: roundId && ROUTES.vote(roundId), text: w.vote },
    { key: 'notice', to: roundId && ROUTES.notice(roundId), text: w.notice },
    { key: 'register', to: ROUTES.register, text: w.register },
  ].filter((l) => l.key !== here && l.to);
  return (
    <nav aria-label={w.more}>
      <Space wrap size="large">
        {links.map((l) => (
          <Link key={l.key} to={l.to!}>
            {l.text}
          </Link>
        ))}
      </Space>
    </nav>
  );
}
