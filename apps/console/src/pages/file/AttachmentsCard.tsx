import { Alert, App, Button, Card, Modal, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, refusalText, type Schemas } from '../../api/client';
import { saveDownload } from '../../download';
import { fill } from '../../fill';
import { useI18n, useWords } from '../../i18n';
import { shanghai } from '../../time';
import { words } from '../CandidateFile.words';
import { CardTitle } from './CardTitle';

type Attachment = Schemas['AttachmentDto'];

const PREVIEWABLE = new Set(['application/pdf', 'image/jpeg', 'image/png']);
const size = (bytes: number) => (bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

/** One attachment's bytes, fetched with the bearer token through the typed client (a plain link could not send it). */
async function fetchAttachment(candidateId: string, a: Attachment) {
  const { data, error, response } = await api.GET('/candidates/{id}/attachments/{attachmentId}', {
    params: { path: { id: candidateId, attachmentId: a.id } },
    parseAs: 'blob',
  });
  return { blob: data ? new Blob([data as Blob], { type: a.contentType }) : null, error, response };
}

/**
 * The file's supporting documents (附件), newest first: PDFs and images open in a preview dialog, any of
 * them downloads. Shown only to the roles the API lets read them (the card stays away on a refusal).
 */
export function AttachmentsCard({ candidateId }: { candidateId: string }) {
  const { name, t } = useI18n();
  const w = useWords(words);
  const { message } = App.useApp();
  const [attachments, setAttachments] = useState<Attachment[] | null>(null);
  const [previewing, setPreviewing] = useState<Attachment | null>(null);

  useEffect(() => {
    void api.GET('/candidates/{id}/attachments', { params: { path: { id: candidateId } } }).then(({ data }) => setAttachments(data ?? null));
  }, [candidateId]);

  if (!attachments) return null;

  const download = async (a: Attachment) => {
    const { blob, error, response } = await fetchAttachment(candidateId, a);
    if (!blob) return void message.error(`${t.loadFailed}: ${refusalText(error)}`);
    void message.success(`${w.downloaded}: ${saveDownload(blob, response, a.filename)}`);
  };

  return (
    <Card title={<CardTitle>{w.attachments}</CardTitle>}>
      <Table<Attachment>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={attachments}
        locale={{ emptyText: <Typography.Text>{w.noAttachments}</Typography.Text> }}
        columns={[
          { title: w.kind, key: 'kind', render: (_, a) => name('attachmentKind', a.kind) },
          { title: w.filename, dataIndex: 'filename', key: 'filename' },
          { title: w.size, key: 'size', render: (_, a) => size(a.sizeBytes) },
          { title: w.uploadedAt, key: 'uploadedAt', render: (_, a) => shanghai(a.uploadedAt) },
          {
            title: t.action,
            key: 'actions',
            render: (_, a) =>
              a.erased ? (
                <Typography.Text type="secondary">{w.erased}</Typography.Text>
              ) : (
                <Space>
                  {PREVIEWABLE.has(a.contentType) && (
                    <Button size="small" onClick={() => setPreviewing(a)} aria-label={`${w.preview} ${a.filename}`}>
                      {w.preview}
                    </Button>
                  )}
                  <Button size="small" onClick={() => void download(a)} aria-label={`${w.download} ${a.filename}`}>
                    {w.download}
                  </Button>
                </Space>
              ),
          },
        ]}
      />
      {previewing && <Preview candidateId={candidateId} attachment={previewing} onClose={() => setPreviewing(null)} />}
    </Card>
  );
}

/** The attachment in a dialog: a PDF in the browser's own viewer (an iframe), an image as it is; the object URL freed on close. */
function Preview({ candidateId, attachment, onClose }: { candidateId: string; attachment: Attachment; onClose: () => void }) {
  const { t } = useI18n();
  const w = useWords(words);
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let objectUrl: string | null = null;
    let live = true;
    void fetchAttachment(candidateId, attachment).then(({ blob, error: refusal }) => {
      if (!live) return;
      if (!blob) return setError(refusalText(refusal));
      objectUrl = URL.createObjectURL(blob);
      setUrl(objectUrl);
    });
    return () => {
      live = false;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [candidateId, attachment]);

  const title = fill(w.previewOf, { name: attachment.filename });
  return (
    <Modal open title={title} onCancel={onClose} footer={<Button onClick={onClose}>{w.close}</Button>} width="min(960px, 96vw)" destroyOnClose>
      {error && <Alert type="error" showIcon message={`${t.loadFailed}: ${error}`} role="alert" />}
      {url &&
        (attachment.contentType === 'application/pdf' ? (
          <iframe src={url} title={title} style={{ width: '100%', height: '70vh', border: 0 }} />
        ) : (
          <img src={url} alt={title} style={{ maxWidth: '100%', maxHeight: '70vh', display: 'block', margin: '0 auto' }} />
        ))}
    </Modal>
  );
}
