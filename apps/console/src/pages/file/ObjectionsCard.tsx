import { Alert, Card, Spin } from 'antd';
import { api, type Schemas } from '../../api/client';
import { useRead } from '../../api/read';
import { useI18n, useWords } from '../../i18n';
import { words as roundWords } from '../RoundDashboard.words';
import { ListTable, objectionColumns } from '../RoundParts';
import { CardTitle } from './CardTitle';

type Objection = Schemas['ObjectionViewDto'];

/**
 * 异议: the objections raised against the candidate in the public notice and their resolution
 * (GET /candidates/:id/objections), the objector's contact masked as the API masks it for the caller;
 * the page shows it to ROUND_READERS.
 */
export function ObjectionsCard({ candidateId }: { candidateId: string }) {
  const { t, name } = useI18n();
  const rw = useWords(roundWords);
  const { data: objections, error } = useRead(() => api.GET('/candidates/{id}/objections', { params: { path: { id: candidateId } } }), candidateId);

  // The file's own page: the candidate's column would repeat its name on every row; resolving stays on the round's page.
  const columns = objectionColumns(rw, name, () => '—').filter((c) => c.key !== 'candidateName');
  return (
    <Card title={<CardTitle>{rw.objections}</CardTitle>}>
      {error && <Alert type="error" showIcon message={`${t.loadFailed}: ${error}`} role="alert" />}
      {!objections && !error && <Spin />}
      {objections && <ListTable<Objection> rowKey="id" rows={objections} empty={rw.objectionsEmpty} columns={columns} />}
    </Card>
  );
}
