import { App, Button, Card, Space } from 'antd';
import { useState } from 'react';
import { api, refusalText, session, type Schemas } from '../../api/client';
import { saveDownload } from '../../download';
import { useI18n, useWords } from '../../i18n';
import { words } from '../CandidateFile.words';
import { CardTitle } from './CardTitle';

type File = Schemas['CandidateViewDto'];
type Document = 'application-form' | 'certificate';

// Who the API lets print which (DOCUMENT_READERS and ROUND_DOCUMENT_READERS in apps/api/src/attachments
// and apps/api/src/documents): the buttons show only where the download would be answered.
const FORM_READERS = new Set(['union_office', 'street_union', 'inspector', 'expert', 'auditor', 'nominator']);
const CERTIFICATE_READERS = new Set(['union_office', 'leadership', 'government', 'auditor', 'admin']);

/** The printed documents one click away: the application form to seal, and the certificate once the candidate is named. */
export function DocumentsCard({ file }: { file: File }) {
  const { t } = useI18n();
  const w = useWords(words);
  const { message } = App.useApp();
  const [busy, setBusy] = useState<Document | null>(null);
  const role = session()?.role ?? '';
  const form = FORM_READERS.has(role);
  const certificate = CERTIFICATE_READERS.has(role) && file.commendedAt !== null;
  if (!form && !certificate) return null;

  const fetchDocument = (which: Document) => {
    const options = { params: { path: { id: file.candidateId } }, parseAs: 'blob' as const };
    return which === 'application-form'
      ? api.GET('/candidates/{id}/documents/application-form.pdf', options)
      : api.GET('/candidates/{id}/documents/certificate.pdf', options);
  };
  const download = async (which: Document) => {
    setBusy(which);
    const { data, error, response } = await fetchDocument(which);
    setBusy(null);
    if (!data) return void message.error(`${t.loadFailed}: ${refusalText(error)}`);
    void message.success(`${w.downloaded}: ${saveDownload(data as Blob, response, `${which}-${file.candidateId}.pdf`)}`);
  };

  return (
    <Card title={<CardTitle>{w.documents}</CardTitle>}>
      <Space wrap>
        {form && (
          <Button loading={busy === 'application-form'} onClick={() => void download('application-form')}>
            {w.applicationForm}
          </Button>
        )}
        {certificate && (
          <Button loading={busy === 'certificate'} onClick={() => void download('certificate')}>
            {w.certificate}
          </Button>
        )}
      </Space>
    </Card>
  );
}
