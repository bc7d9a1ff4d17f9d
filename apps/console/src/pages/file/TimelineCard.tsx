import { Alert, Card, Spin } from 'antd';
import { useI18n, useWords } from '../../i18n';
import { words } from '../CandidateFile.words';
import { CardTitle } from './CardTitle';
import { TimelineTable, useHistory } from './TimelineTable';

/** Who reads a file's history (GET /candidates/:id/history in apps/api/src/candidates/candidates.controller.ts). */
export const HISTORY_READERS = new Set(['auditor', 'union_office', 'admin']);

/** 时间线: the file's history as the API gives it, rendered as the audit pages' case timeline renders it; the page shows it to HISTORY_READERS. */
export function TimelineCard({ candidateId }: { candidateId: string }) {
  const { t } = useI18n();
  const w = useWords(words);
  const { entries, error } = useHistory(candidateId);
  return (
    <Card title={<CardTitle>{w.history}</CardTitle>}>
      {error && <Alert type="error" showIcon message={`${t.loadFailed}: ${error}`} role="alert" />}
      {!entries && !error && <Spin />}
      {entries && <TimelineTable entries={entries} label={w.history} pageSize={20} />}
    </Card>
  );
}
