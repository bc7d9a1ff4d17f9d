import { Alert, App, Button, Card, Descriptions, Form, Input, Modal, Radio, Space, Spin, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useCandidate } from '../api/candidate';
import { api, refusalText, session, type Schemas } from '../api/client';
import { useI18n, useWords } from '../i18n';
import { CardTitle } from './file/CardTitle';
import { ROUTES } from '../routes';
import { shanghai } from '../time';
import { words } from './CandidateFile.words';
import { ApplicationFormCard } from './file/ApplicationFormCard';
import { AttachmentsCard } from './file/AttachmentsCard';
import { DocumentsCard } from './file/DocumentsCard';
import { PanelCard } from './file/PanelCard';
import { ObjectionsCard } from './file/ObjectionsCard';
import { PrechecksCard } from './file/PrechecksCard';
import { ROUND_READERS, RoundCard } from './file/RoundCard';
import { HISTORY_READERS, TimelineCard } from './file/TimelineCard';
import { ReviewPageLink } from './ReviewShared';

type File = Schemas['CandidateViewDto'];
type Outcome = Schemas['DecisionDto']['outcome'];
type Stage = Schemas['DecisionDto']['stage'];
interface Decision {
  stage: string;
  outcome: string;
  reason: string;
  actor: { userId: string; role: string };
  at: string;
}

/** The roles that read a case's merged timeline (the audit pages). */
const AUDITORS = new Set(['auditor', 'admin']);

/** A candidate's file (GET /candidates/:id) as the API shows it to the caller — masked fields stay masked — and the decision dialog. */
export function CandidateFile() {
  const { id = '' } = useParams();
  const { t, name } = useI18n();
  const w = useWords(words);
  const { file, setFile, error } = useCandidate(id);
  const [deciding, setDeciding] = useState(false);

  if (error) return <Alert type="error" showIcon message={`${t.loadFailed}: ${error}`} role="alert" />;
  if (!file) return <Spin />;
  const decisions = file.decisions as unknown as Decision[];
  const role = session()?.role ?? '';
  // Cards of reads the API would refuse this role are left out rather than shown failing.
  const inRound = file.roundId !== null && ROUND_READERS.has(role);

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Space wrap size="large">
        <Link to={ROUTES.inbox}>← {t.back}</Link>
        {AUDITORS.has(role) && <Link to={ROUTES.auditCase(file.candidateId)}>{w.timeline} →</Link>}
      </Space>
      <ReviewPageLink file={file} />
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t.file}：{file.name}
      </Typography.Title>
      <Card
        title={<CardTitle>{t.basics}</CardTitle>}
        extra={
          file.status === 'awaiting_decision' && (
            <Button type="primary" onClick={() => setDeciding(true)}>
              {t.decide}
            </Button>
          )
        }
      >
        <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t.stage}>
            <span data-testid="stage">{name('stage', file.stage)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t.status}>{name('status', file.status)}</Descriptions.Item>
          <Descriptions.Item label={t.dueAt}>{shanghai(file.dueAt)}</Descriptions.Item>
          <Descriptions.Item label={t.channel}>{name('channel', file.channel)}</Descriptions.Item>
          <Descriptions.Item label={t.area}>{name('area', file.area)}</Descriptions.Item>
          <Descriptions.Item label={t.employer}>{file.employer}</Descriptions.Item>
          <Descriptions.Item label={t.industry}>{name('industry', file.industry)}</Descriptions.Item>
          <Descriptions.Item label={t.trade}>{file.trade}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={<CardTitle>{t.decisions}</CardTitle>}>
        <Table<Decision>
          rowKey={(d) => `${d.stage}:${d.at}`}
          dataSource={decisions}
          pagination={false}
          locale={{ emptyText: <Typography.Text>{t.noDecisions}</Typography.Text> }}
          columns={[
            { title: t.stage, key: 'stage', render: (_, d) => name('stage', d.stage) },
            { title: t.outcome, key: 'outcome', render: (_, d) => name('outcome', d.outcome) },
            { title: t.reason, dataIndex: 'reason', key: 'reason' },
            { title: t.actor, key: 'actor', render: (_, d) => `${name('role', d.actor?.role)} · ${d.actor?.userId ?? '—'}` },
            { title: t.at, key: 'at', render: (_, d) => shanghai(d.at) },
          ]}
        />
      </Card>
      <PrechecksCard prechecks={file.prechecks} />
      <ApplicationFormCard file={file} />
      <AttachmentsCard candidateId={file.candidateId} />
      <PanelCard file={file} />
      {inRound && <RoundCard candidateId={file.candidateId} />}
      {inRound && <ObjectionsCard candidateId={file.candidateId} />}
      <DocumentsCard file={file} />
      {HISTORY_READERS.has(role) && <TimelineCard candidateId={file.candidateId} />}
      {deciding && <DecisionDialog file={file} onClose={() => setDeciding(false)} onDecided={(next) => setFile(next)} />}
    </Space>
  );
}

/** Approve, reject or return the stage the file is at, with a reason; the API's refusal is shown as it says it. */
function DecisionDialog({ file, onClose, onDecided }: { file: File; onClose: () => void; onDecided: (file: File) => void }) {
  const { t, name } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ outcome: Outcome; reason: string; missing?: string }>();
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const outcome = Form.useWatch('outcome', form);

  const submit = async () => {
    const values = await form.validateFields();
    setBusy(true);
    setRefusal(null);
    const missing = values.missing
      ?.split('\n')
      .map((m) => m.trim())
      .filter(Boolean);
    const { data, error } = await api.POST('/candidates/{id}/decisions', {
      params: { path: { id: file.candidateId } },
      body: { stage: file.stage as Stage, outcome: values.outcome, reason: values.reason.trim(), ...(values.outcome === 'return' && missing?.length && { missing }) },
    });
    setBusy(false);
    if (!data) return setRefusal(refusalText(error));
    void message.success(t.decided);
    onDecided(data);
    onClose();
  };

  return (
    <Modal
      open
      title={`${t.decide} · ${name('stage', file.stage)}`}
      okText={t.submit}
      cancelText={t.cancel}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={onClose}
    >
      {refusal && <Alert type="error" showIcon message={t.refused} description={refusal} role="alert" style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" initialValues={{ outcome: 'approve' }}>
        <Form.Item label={t.outcome} name="outcome" rules={[{ required: true }]}>
          <Radio.Group optionType="button" options={(['approve', 'reject', 'return'] as const).map((o) => ({ value: o, label: name('outcome', o) }))} />
        </Form.Item>
        <Form.Item label={t.reason} name="reason" rules={[{ required: true, whitespace: true, message: t.reasonRequired }]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        {outcome === 'return' && (
          <Form.Item label={t.missing} name="missing">
            <Input.TextArea rows={2} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
