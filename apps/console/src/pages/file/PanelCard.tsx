import { Card, Descriptions, Space, Table, Tag } from 'antd';
import type { Schemas } from '../../api/client';
import { useI18n, useWords } from '../../i18n';
import { shanghai } from '../../time';
import { words } from '../CandidateFile.words';
import { CardTitle } from './CardTitle';

type File = Schemas['CandidateViewDto'];
interface Seat {
  userId: string;
  status: string;
  reason?: string;
  scores?: Record<string, number>;
  averageCenti?: number;
  at: string;
}

const count = (n: unknown) => (typeof n === 'number' ? String(n) : '—');
const centi = (n: unknown) => (typeof n === 'number' ? (n / 100).toFixed(2) : '—');

/**
 * The panel as the caller may see it: the numbers every role may know (seated, scored, recused) and the
 * expert score; the seats one by one (who and how they scored) only when the API returns them.
 */
export function PanelCard({ file }: { file: File }) {
  const { name, t } = useI18n();
  const w = useWords(words);
  const summary = file.panelSummary as Record<string, number | undefined>;
  const seats = file.panel as unknown as Seat[];
  const score = file.expertScore;
  if (!seats.length && !summary?.seated && !score) return null;
  return (
    <Card title={<CardTitle>{w.panel}</CardTitle>}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Descriptions size="small" bordered column={{ xs: 1, md: 4 }}>
          <Descriptions.Item label={w.seated}>{summary?.seated ?? 0}</Descriptions.Item>
          <Descriptions.Item label={w.scored}>{summary?.scored ?? 0}</Descriptions.Item>
          <Descriptions.Item label={w.recused}>{summary?.recused ?? 0}</Descriptions.Item>
          <Descriptions.Item label={w.conflicts}>{summary?.conflicts ?? 0}</Descriptions.Item>
          {score && (
            <>
              <Descriptions.Item label={w.expertScore}>{centi(score.scoreCenti)}</Descriptions.Item>
              <Descriptions.Item label={w.counted}>{count(score.counted)}</Descriptions.Item>
              <Descriptions.Item label={w.dropped}>{count(score.dropped)}</Descriptions.Item>
            </>
          )}
        </Descriptions>
        {seats.length > 0 && (
          <Table<Seat>
            size="small"
            rowKey="userId"
            pagination={false}
            dataSource={seats}
            columns={[
              { title: w.expert, dataIndex: 'userId', key: 'userId' },
              { title: w.seatStatus, key: 'status', render: (_, s) => <Tag>{name('seat', s.status)}</Tag> },
              {
                title: w.scores,
                key: 'scores',
                render: (_, s) =>
                  s.scores
                    ? Object.entries(s.scores)
                        .map(([c, v]) => `${name('condition', c)} ${v}`)
                        .join('；')
                    : (s.reason ?? '—'),
              },
              { title: w.average, key: 'average', render: (_, s) => centi(s.averageCenti) },
              { title: t.at, key: 'at', render: (_, s) => shanghai(s.at) },
            ]}
          />
        )}
      </Space>
    </Card>
  );
}
