import { Alert, Card, Descriptions, Spin, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { useRead } from '../../api/read';
import { fill } from '../../fill';
import { useI18n, useWords } from '../../i18n';
import { ROUTES } from '../../routes';
import { words } from '../CandidateFile.words';
import { words as roundWords } from '../RoundDashboard.words';
import { num } from '../RoundParts';
import { CardTitle } from './CardTitle';

/** Who reads a file's place in its round and its objections: the round's ranking's readers (apps/api/src/rounds/candidate-round.controller.ts). */
export const ROUND_READERS = new Set(['union_office', 'leadership', 'auditor', 'admin']);

/** 年度评选: where the file stands in its round (GET /candidates/:id/round); the page shows it to ROUND_READERS. */
export function RoundCard({ candidateId }: { candidateId: string }) {
  const { t, name } = useI18n();
  const w = useWords(words);
  const rw = useWords(roundWords);
  const { data: standing, error } = useRead(() => api.GET('/candidates/{id}/round', { params: { path: { id: candidateId } } }), candidateId);

  const line = standing?.line;
  // A line without an outcome field is not on the re-review list (the ranking's own convention).
  const listed = line?.outcome !== undefined;
  return (
    <Card
      title={<CardTitle>{w.round}</CardTitle>}
      extra={standing?.roundId && <Link to={ROUTES.round(standing.roundId)}>{fill(rw.roundTitle, { year: standing.year ?? '' })} →</Link>}
    >
      {error && <Alert type="error" showIcon message={`${t.loadFailed}: ${error}`} role="alert" />}
      {!standing && !error && <Spin />}
      {standing && !line && <Typography.Text>{w.roundPending}</Typography.Text>}
      {line && (
        <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={rw.rank}>{line.rank}</Descriptions.Item>
          <Descriptions.Item label={rw.expertScore}>{num(line.score)}</Descriptions.Item>
          <Descriptions.Item label={rw.onList}>{listed ? rw.listed : rw.notListed}</Descriptions.Item>
          {listed && (
            <>
              <Descriptions.Item label={rw.votes}>{num(line.votes)}</Descriptions.Item>
              <Descriptions.Item label={rw.voteScore}>{num(line.voteScore)}</Descriptions.Item>
              <Descriptions.Item label={rw.combinedScore}>{num(line.combinedScore)}</Descriptions.Item>
              <Descriptions.Item label={rw.combinedRank}>{num(line.combinedRank)}</Descriptions.Item>
              <Descriptions.Item label={rw.outcome}>{name('entryOutcome', line.outcome ?? 'pending')}</Descriptions.Item>
              <Descriptions.Item label={rw.reason}>{line.reason ?? '—'}</Descriptions.Item>
            </>
          )}
        </Descriptions>
      )}
    </Card>
  );
}
