import { Alert, App, Button, Card, Descriptions, Form, Input, Space, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api, refusalText, type Schemas } from '../api/client';
import { saveDownload } from '../download';
import { FilterSelect, useRoundChoices } from '../filter-fields';
import { fill } from '../fill';
import { useWords } from '../i18n';
import { shanghai } from '../time';
import { words } from './AuditChain.words';

type Digest = Schemas['AuditDigestDto'];
type Verified = Schemas['AuditVerifyResultDto'];
interface Earlier {
  headId?: string;
  headHash?: string;
}

const heading = (text: string) => (
  <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
    {text}
  </Typography.Title>
);
const hash = (h: string) => (
  <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
    {h}
  </Typography.Text>
);

/**
 * 审计链校验: the chain's digest as stored (GET /audit/digest) and its verification (GET /audit/verify),
 * optionally against an earlier digest; a round's audit rows as CSV (GET /audit/export).
 */
export function AuditChain() {
  const w = useWords(words);
  const { message } = App.useApp();
  const [form] = Form.useForm<Earlier>();
  const [digest, setDigest] = useState<Digest | null>(null);
  const [verified, setVerified] = useState<Verified | null>(null);
  const [verifying, setVerifying] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const rounds = useRoundChoices();
  const [roundId, setRoundId] = useState<string>();

  const loadDigest = useCallback(async () => {
    const { data, error: refusal } = await api.GET('/audit/digest');
    if (data) setDigest(data);
    else setError(refusalText(refusal));
  }, []);
  useEffect(() => {
    void loadDigest();
  }, [loadDigest]);

  const verify = async () => {
    const earlier = await form.validateFields();
    const given = earlier.headId?.trim() && earlier.headHash?.trim() ? { headId: earlier.headId.trim(), headHash: earlier.headHash.trim() } : {};
    setVerifying(true);
    setVerified(null);
    setError(null);
    const { data, error: refusal } = await api.GET('/audit/verify', { params: { query: given } });
    setVerifying(false);
    if (data) setVerified(data);
    else setError(refusalText(refusal));
  };

  const exportRound = async () => {
    if (!roundId) return;
    const { data, error: refusal, response } = await api.GET('/audit/export', { params: { query: { roundId, format: 'csv' } }, parseAs: 'blob' });
    if (!data) return setError(refusalText(refusal));
    void message.success(`${w.exported}: ${saveDownload(data, response, `audit-${roundId}.csv`)}`);
  };

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {w.title}
      </Typography.Title>
      {error && <Alert type="error" showIcon message={`${w.loadFailed}: ${error}`} role="alert" />}
      <Card title={heading(w.digest)} extra={<Button onClick={() => void loadDigest()}>{w.refresh}</Button>}>
        <Typography.Paragraph>{w.digestHint}</Typography.Paragraph>
        {digest && (
          <Descriptions bordered size="small" column={1}>
            <Descriptions.Item label={w.headHash}>{hash(digest.headHash)}</Descriptions.Item>
            <Descriptions.Item label={w.headId}>{digest.headId ?? w.none}</Descriptions.Item>
            <Descriptions.Item label={w.rows}>{digest.rows}</Descriptions.Item>
            <Descriptions.Item label={w.digestAt}>{shanghai(digest.at)}</Descriptions.Item>
          </Descriptions>
        )}
      </Card>
      <Card title={heading(w.verify)}>
        <Form<Earlier> form={form} layout="vertical" style={{ maxWidth: 720 }}>
          <Typography.Paragraph>{w.earlier}</Typography.Paragraph>
          <Form.Item label={w.earlierHeadId} name="headId" rules={[{ pattern: /^[1-9]\d{0,17}$/ }]}>
            <Input inputMode="numeric" />
          </Form.Item>
          <Form.Item label={w.earlierHeadHash} name="headHash" rules={[{ pattern: /^[0-9a-f]{64}$/ }]}>
            <Input style={{ fontFamily: 'monospace' }} />
          </Form.Item>
          <Space wrap>
            <Button type="primary" loading={verifying} onClick={() => void verify()}>
              {w.verify}
            </Button>
            <Button disabled={!digest?.headId} onClick={() => form.setFieldsValue({ headId: String(digest?.headId ?? ''), headHash: digest?.headHash })}>
              {w.useCurrent}
            </Button>
          </Space>
        </Form>
        {verified && (
          <Space direction="vertical" style={{ width: '100%', marginTop: 16 }}>
            {verified.ok ? (
              <Alert type="success" showIcon role="status" message={w.valid} description={fill(w.validText, { rows: verified.rows })} />
            ) : (
              <Alert
                type="error"
                showIcon
                role="alert"
                message={w.broken}
                description={fill(w.brokenText, { row: verified.firstBrokenRow ?? w.none, rows: verified.rows })}
              />
            )}
            {verified.digestMatches !== undefined && (
              <Alert type={verified.digestMatches ? 'success' : 'error'} showIcon role="status" message={verified.digestMatches ? w.digestMatches : w.digestMismatch} />
            )}
            <Descriptions bordered size="small" column={1}>
              <Descriptions.Item label={w.recomputed}>
                <Space direction="vertical" size={0}>
                  {hash(verified.headHash)}
                  {digest && (verified.headHash === digest.headHash ? w.sameAsDigest : w.differsFromDigest)}
                </Space>
              </Descriptions.Item>
            </Descriptions>
          </Space>
        )}
      </Card>
      <Card title={heading(w.roundExport)}>
        <Form<{ roundId?: string }> layout="inline" onValuesChange={(_, values) => setRoundId(values.roundId)}>
          <FilterSelect label={w.round} name="roundId" width={140} options={rounds} />
          <Button disabled={!roundId} onClick={() => void exportRound()}>
            {w.exportCsv}
          </Button>
        </Form>
      </Card>
    </Space>
  );
}
