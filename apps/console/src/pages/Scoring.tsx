import { Alert, App, Button, Card, Descriptions, Form, Input, InputNumber, Modal, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import type { PanelSeatState } from '../../../../libs/contract';
import type { CandidateView } from '../api/candidate';
import { api, refusalText } from '../api/client';
import { fill } from '../fill';
import { useI18n, useWords } from '../i18n';
import { ROUTES } from '../routes';
import { shanghai } from '../time';
import { CardTitle, Refusal, ReviewPage, StageTasks, TWO_COLUMNS } from './ReviewShared';
import common from './Review.words';
import words from './Scoring.words';

interface Claimed {
  kind: string;
  evidence?: string;
}

/** What the expert scores: each condition claimed, or one overall score when none was recorded (as the workflow asks). */
const scoreKeys = (file: CandidateView) => (file.conditions.length ? file.conditions : ['overall']);
/** The expert's own seat: the only one the API shows an expert (blind scoring). */
const mySeat = (file: CandidateView) => (file.panel as unknown as PanelSeatState[])[0] as PanelSeatState | undefined;

/** 专家评分: the files whose panel seats the expert and that wait on their scores (GET /tasks). */
export function ScoringList() {
  const w = useWords(words);
  return <StageTasks title={w.list} stage="expert_review" to={ROUTES.scoring} />;
}

/**
 * One candidate's scoring page: the conditions claimed with their evidence, a score for each
 * (POST /candidates/:id/scores), or a declared conflict (POST /candidates/:id/conflicts). Blind:
 * it shows only what the API returns to an expert — their own seat and the panel's counts.
 */
export function Scoring() {
  const w = useWords(words);
  return (
    <ReviewPage list={ROUTES.scoringList} listName={w.list} title={w.title}>
      {(file, replace) => <ScoringPart file={file} replace={replace} />}
    </ReviewPage>
  );
}

/** The expert's seat and the panel's progress; then the scores recorded, or the form while the seat waits for them. */
function ScoringPart({ file, replace }: { file: CandidateView; replace: (f: CandidateView) => void }) {
  const w = { ...useWords(common), ...useWords(words) };
  const [declaring, setDeclaring] = useState(false);
  const seat = mySeat(file);
  const summary = file.panelSummary as { seated: number; scored: number };
  const { name } = useI18n();
  const condition = (key: string) => name('condition', key);

  return (
    <>
      <Descriptions size="small" column={TWO_COLUMNS}>
        <Descriptions.Item label={w.seat}>{seat ? name('seat', seat.status) : '—'}</Descriptions.Item>
        <Descriptions.Item label={w.progress}>{fill(w.progressText, summary)}</Descriptions.Item>
      </Descriptions>
      {seat?.status === 'scored' && seat.scores ? (
        <Card title={<CardTitle>{w.recorded}</CardTitle>}>
          <Table<{ key: string; score: number }>
            rowKey="key"
            pagination={false}
            dataSource={scoreKeys(file).map((key) => ({ key, score: seat.scores![key] }))}
            columns={[
              { title: w.condition, key: 'condition', render: (_, r) => condition(r.key) },
              { title: w.score, dataIndex: 'score', key: 'score' },
            ]}
          />
          <Descriptions size="small" style={{ marginTop: 16 }} column={TWO_COLUMNS}>
            <Descriptions.Item label={w.average}>{((seat.averageCenti ?? 0) / 100).toFixed(2)}</Descriptions.Item>
            <Descriptions.Item label={w.at}>{shanghai(seat.at)}</Descriptions.Item>
          </Descriptions>
        </Card>
      ) : seat?.status === 'conflict' ? (
        <Alert type="info" showIcon message={w.conflictDeclared} />
      ) : file.stage === 'expert_review' && file.status === 'scoring' && seat?.status === 'assigned' ? (
        <ScoreForm file={file} onScored={replace} onDeclare={() => setDeclaring(true)} condition={condition} />
      ) : (
        <Alert type="info" showIcon message={w.notAwaiting} />
      )}
      {declaring && <ConflictDialog file={file} onClose={() => setDeclaring(false)} onDeclared={replace} />}
    </>
  );
}

/** A score per condition, checked (a whole number 0-100, none left out) before anything is sent. */
function ScoreForm({
  file,
  onScored,
  onDeclare,
  condition,
}: {
  file: CandidateView;
  onScored: (f: CandidateView) => void;
  onDeclare: () => void;
  condition: (key: string) => string;
}) {
  const w = { ...useWords(common), ...useWords(words) };
  const { message } = App.useApp();
  const [form] = Form.useForm<{ scores: Record<string, number> }>();
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const claimed = ((file.form as { conditions?: Claimed[] } | null)?.conditions ?? []).filter((c) => c && typeof c === 'object');
  const evidence = (key: string) => claimed.find((c) => c.kind === key)?.evidence;

  const submit = async () => {
    const { scores } = await form.validateFields();
    setBusy(true);
    setRefusal(null);
    // The DTO types its map loosely (an object), so openapi-typescript cannot say it holds numbers.
    const { data, error } = await api.POST('/candidates/{id}/scores', { params: { path: { id: file.candidateId } }, body: { scores: scores as never } });
    setBusy(false);
    if (!data) return setRefusal(refusalText(error));
    void message.success(w.scored);
    onScored(data);
  };

  return (
    <Card title={<CardTitle>{w.conditions}</CardTitle>}>
      <Typography.Paragraph>{w.conditionsHint}</Typography.Paragraph>
      <Refusal title={w.refused} text={refusal} />
      <Form form={form} layout="vertical" onFinish={() => void submit()}>
        {scoreKeys(file).map((key) => (
          <Form.Item
            key={key}
            name={['scores', key]}
            label={condition(key)}
            extra={evidence(key) && `${w.evidence}：${evidence(key)}`}
            rules={[
              {
                validator: (_, v: unknown) =>
                  typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 100 ? Promise.resolve() : Promise.reject(new Error(w.scoreInvalid)),
              },
            ]}
          >
            <InputNumber style={{ width: 160 }} />
          </Form.Item>
        ))}
        <Space wrap>
          <Button type="primary" htmlType="submit" loading={busy}>
            {w.submitScores}
          </Button>
          <Button onClick={onDeclare}>{w.conflict}</Button>
        </Space>
      </Form>
    </Card>
  );
}

/** An expert with a conflict of interest leaves the panel, saying why (POST /candidates/:id/conflicts). */
function ConflictDialog({ file, onClose, onDeclared }: { file: CandidateView; onClose: () => void; onDeclared: (f: CandidateView) => void }) {
  const w = { ...useWords(common), ...useWords(words) };
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const { reason } = await form.validateFields();
    // Pressed before the form inside the dialog had mounted: nothing was validated, nothing is sent.
    if (typeof reason !== 'string') return;
    setBusy(true);
    setRefusal(null);
    const { data, error } = await api.POST('/candidates/{id}/conflicts', { params: { path: { id: file.candidateId } }, body: { reason: reason.trim() } });
    setBusy(false);
    if (!data) return setRefusal(refusalText(error));
    void message.success(w.conflictDeclared);
    onDeclared(data);
    onClose();
  };

  return (
    <Modal open title={w.conflictTitle} okText={w.submit} cancelText={w.cancel} confirmLoading={busy} onOk={() => void submit()} onCancel={onClose}>
      <Typography.Paragraph>{w.conflictHint}</Typography.Paragraph>
      <Refusal title={w.conflictRefused} text={refusal} />
      <Form form={form} layout="vertical">
        <Form.Item label={w.reason} name="reason" rules={[{ required: true, whitespace: true, message: w.reasonRequired }]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
