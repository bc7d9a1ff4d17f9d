import { Alert, App, Button, Descriptions, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useCandidate } from '../api/candidate';
import { api, refusalText } from '../api/client';
import { saveDownload } from '../download';
import { useI18n, useWords } from '../i18n';
import { ROUTES } from '../routes';
import { words } from './AuditCase.words';
import { TimelineTable, useHistory } from './file/TimelineTable';

/**
 * 案件时间线: the file's merged history (GET /candidates/:id/history) as the API gives it — the
 * workflow's own events and the file's audit rows (writes, refusals, full-value reads) in time order —
 * with the file's audit rows to download (GET /audit/export).
 */
export function AuditCase() {
  const { id = '' } = useParams();
  const w = useWords(words);
  const { name } = useI18n();
  const { message } = App.useApp();
  const { file, error: fileError } = useCandidate(id);
  const { entries, error: historyError } = useHistory(id);
  const [refused, setError] = useState<string | null>(null);
  const error = fileError ?? historyError ?? refused;

  const download = async (format: 'csv' | 'json') => {
    const { data, error: refusal, response } = await api.GET('/audit/export', { params: { query: { candidateId: id, format } }, parseAs: 'blob' });
    if (!data) return setError(refusalText(refusal));
    void message.success(`${w.exported}: ${saveDownload(data, response, `audit-${id}.${format}`)}`);
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <Link to={ROUTES.auditSearch}>← {w.back}</Link>
        <Link to={ROUTES.file(id)}>{w.openFile}</Link>
      </Space>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {w.title}
        {file ? `：${file.name}` : ''}
      </Typography.Title>
      {error && <Alert type="error" showIcon message={`${w.loadFailed}: ${error}`} role="alert" />}
      {file && (
        <Descriptions bordered size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={w.stage}>{name('stage', file.stage)}</Descriptions.Item>
          <Descriptions.Item label={w.status}>{name('status', file.status)}</Descriptions.Item>
          <Descriptions.Item label={w.id}>
            <Typography.Text copyable>{file.candidateId}</Typography.Text>
          </Descriptions.Item>
        </Descriptions>
      )}
      <Space wrap>
        <Button onClick={() => void download('csv')}>{w.exportCsv}</Button>
        <Button onClick={() => void download('json')}>{w.exportJson}</Button>
      </Space>
      {!entries && !error ? <Spin /> : <TimelineTable entries={entries ?? []} label={w.title} />}
    </Space>
  );
}
