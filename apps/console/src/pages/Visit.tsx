import { Alert, App, Button, Card, Descriptions, Form, Input, Radio } from 'antd';
import { useEffect, useState } from 'react';
import { fill } from '../fill';
import { useI18n, useWords } from '../i18n';
import { ROUTES } from '../routes';
import { shanghai } from '../time';
import type { CandidateView } from '../api/candidate';
import { api, refusalText, type Schemas } from '../api/client';
import { CardTitle, lines, MembersField, Refusal, ReviewPage, StageTasks, TWO_COLUMNS } from './ReviewShared';
import common from './Review.words';
import words from './Visit.words';

type Outcome = Schemas['DecisionDto']['outcome'];
interface VisitRecord {
  date: string;
  place: string;
  members: string[];
  findings: string;
}
interface Decision {
  stage: string;
  outcome: string;
  reason: string;
  actor?: { userId: string; role: string };
  at: string;
  visit?: VisitRecord;
}
interface Values {
  date: string;
  place: string;
  members: string;
  findings: string;
  outcome: Outcome;
  reason: string;
}

/** 人选考察: the files at inspection waiting on the inspection team (GET /tasks). */
export function VisitList() {
  const w = useWords(words);
  return <StageTasks title={w.list} stage="inspection" to={ROUTES.visit} />;
}

/**
 * The inspection team's visit record for one candidate — when, where, who, what they found — and its
 * conclusion, sent as the inspection decision (POST /candidates/:id/decisions with its visit). The
 * date and team come from the candidate's inspection batch when it has one.
 */
export function Visit() {
  const w = useWords(words);
  return (
    <ReviewPage list={ROUTES.visitList} listName={w.list} title={w.title}>
      {(file, replace) => <VisitPart file={file} onRecorded={replace} />}
    </ReviewPage>
  );
}

/** The visit recorded, if any, and the form while the file waits at inspection. */
function VisitPart({ file, onRecorded }: { file: CandidateView; onRecorded: (f: CandidateView) => void }) {
  const w = useWords(words);
  const visited = (file.decisions as unknown as Decision[]).filter((d) => d.stage === 'inspection' && d.visit).at(-1);
  const open = file.stage === 'inspection' && file.status === 'awaiting_decision';
  return (
    <>
      {visited && <RecordedVisit decision={visited} />}
      {open ? <VisitForm file={file} onRecorded={onRecorded} /> : !visited && <Alert type="info" showIcon message={w.notAwaiting} />}
    </>
  );
}

function RecordedVisit({ decision }: { decision: Decision }) {
  const w = { ...useWords(common), ...useWords(words) };
  const { name } = useI18n();
  const v = decision.visit!;
  return (
    <Card title={<CardTitle>{w.recordedVisit}</CardTitle>}>
      <Descriptions bordered size="small" column={TWO_COLUMNS}>
        <Descriptions.Item label={w.date}>{v.date}</Descriptions.Item>
        <Descriptions.Item label={w.place}>{v.place}</Descriptions.Item>
        <Descriptions.Item label={w.members} span={2}>
          {v.members.join('、')}
        </Descriptions.Item>
        <Descriptions.Item label={w.findings} span={2}>
          {v.findings}
        </Descriptions.Item>
        <Descriptions.Item label={w.outcome}>{name('outcome', decision.outcome)}</Descriptions.Item>
        <Descriptions.Item label={w.reason}>{decision.reason}</Descriptions.Item>
        <Descriptions.Item
          label={w.recordedBy}
        >{`${name('role', decision.actor?.role)} · ${decision.actor?.userId ?? '—'} · ${shanghai(decision.at)}`}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

function VisitForm({ file, onRecorded }: { file: CandidateView; onRecorded: (f: CandidateView) => void }) {
  const w = { ...useWords(common), ...useWords(words) };
  const { name } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [batchName, setBatchName] = useState<string | null>(null);

  // The batch planned the visit: its date and team are the likeliest answers.
  useEffect(() => {
    if (!file.inspectionBatchId) return;
    void api.GET('/inspection-batches/{id}', { params: { path: { id: file.inspectionBatchId } } }).then(({ data }) => {
      if (!data) return;
      setBatchName(data.name);
      if (!form.isFieldTouched('date')) form.setFieldValue('date', data.plannedOn);
      if (!form.isFieldTouched('members')) form.setFieldValue('members', data.members.join('\n'));
    });
  }, [file.inspectionBatchId, form]);

  const submit = async (values: Values) => {
    setBusy(true);
    setRefusal(null);
    const { data, error } = await api.POST('/candidates/{id}/decisions', {
      params: { path: { id: file.candidateId } },
      body: {
        stage: 'inspection',
        outcome: values.outcome,
        reason: values.reason.trim(),
        visit: { date: values.date, place: values.place.trim(), members: lines(values.members), findings: values.findings.trim() },
      },
    });
    setBusy(false);
    if (!data) return setRefusal(refusalText(error));
    void message.success(w.recorded);
    onRecorded(data);
  };

  return (
    <Card title={<CardTitle>{w.visit}</CardTitle>}>
      {batchName && <Alert type="info" message={fill(w.fromBatch, { name: batchName })} style={{ marginBottom: 16 }} />}
      <Refusal title={w.refused} text={refusal} />
      <Form<Values> form={form} layout="vertical" initialValues={{ outcome: 'approve' }} onFinish={(v) => void submit(v)} style={{ maxWidth: 720 }}>
        <Form.Item label={w.date} name="date" rules={[{ required: true, message: w.dateRequired }]}>
          <Input type="date" style={{ width: 200 }} />
        </Form.Item>
        <Form.Item label={w.place} name="place" rules={[{ required: true, whitespace: true, message: w.placeRequired }]}>
          <Input maxLength={200} />
        </Form.Item>
        <MembersField label={w.members} message={w.membersRequired} />
        <Form.Item label={w.findings} name="findings" rules={[{ required: true, whitespace: true, message: w.findingsRequired }]}>
          <Input.TextArea rows={4} maxLength={3000} />
        </Form.Item>
        {/* No required rule: it has a value from the start, and antd would put aria-required on the radio group, which ARIA does not allow. */}
        <Form.Item label={w.conclusion} name="outcome">
          <Radio.Group optionType="button" options={(['approve', 'reject', 'return'] as const).map((o) => ({ value: o, label: name('outcome', o) }))} />
        </Form.Item>
        <Form.Item label={w.reason} name="reason" rules={[{ required: true, whitespace: true, message: w.reasonRequired }]}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          {w.submitVisit}
        </Button>
      </Form>
    </Card>
  );
}
