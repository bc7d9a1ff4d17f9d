import { Alert, Button, Form, Input, Space, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { api, type Schemas } from '../../api/client';
import { fill } from '../../fill';
import { useWords } from '../../i18n';
import { shanghai } from '../../time';
import { words } from './Notice.words';
import { PersonCard, PublicLinks } from './parts';
import { publicRefusal } from './refusal';

type Notice = Schemas['PublicNoticeDto'];
type Objection = Schemas['ObjectionDto'];
/** A candidate as the announcement lists them (GET /public/rounds/:id/notice). */
interface Listed {
  candidateId: string;
  name: string;
  sex?: string | null;
  employer: string;
  trade: string;
  deeds?: string | null;
}

/** 社会公示: the announced candidates and, while the notice lasts, the objection form. */
export function Notice() {
  const { roundId = '' } = useParams();
  const w = useWords(words);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [notStarted, setNotStarted] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [objecting, setObjecting] = useState<Listed | null>(null);
  const [filed, setFiled] = useState<{ name: string; id: string } | null>(null);

  useEffect(() => {
    void api.GET('/public/rounds/{id}/notice', { params: { path: { id: roundId } } }).then(({ data, error: refusal, response }) => {
      if (data) setNotice(data);
      else if (response.status === 409) setNotStarted(true);
      else setError(publicRefusal(refusal, { not_found: w.notFound, invalid_request: w.notFound }));
    });
  }, [roundId, w.notFound]);

  if (error) return <Alert type="error" showIcon message={`${w.loadFailed}: ${error}`} role="alert" />;
  if (notStarted) return <Alert type="info" showIcon message={w.notStarted} />;
  if (!notice) return <Spin />;
  const listed = notice.candidates as unknown as Listed[];
  const sex = (s: string | null | undefined) => (s === 'male' ? w.male : s === 'female' ? w.female : '—');

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 21, marginBottom: 0 }}>
        {notice.title}
      </Typography.Title>
      <Typography.Text>{fill(w.window, { from: shanghai(notice.startsAt), to: shanghai(notice.endsAt) })}</Typography.Text>
      {notice.open ? <Typography.Paragraph style={{ marginBottom: 0 }}>{w.intro}</Typography.Paragraph> : <Alert type="info" showIcon message={w.over} />}
      {filed && <Alert type="success" showIcon role="status" message={w.filed} description={fill(w.filedText, { name: filed.name, id: filed.id })} />}
      {listed.map((c) => (
        <PersonCard key={c.candidateId} name={c.name}>
          <Typography.Paragraph style={{ marginBottom: 8 }}>
            {w.sex}：{sex(c.sex)}
            <br />
            {w.employer}：{c.employer}
            <br />
            {w.trade}：{c.trade}
          </Typography.Paragraph>
          {c.deeds && <Typography.Paragraph>{`${w.deeds}：${c.deeds}`}</Typography.Paragraph>}
          {notice.open && objecting?.candidateId !== c.candidateId && (
            <Button block aria-label={fill(w.objectTo, { name: c.name })} onClick={() => setObjecting(c)}>
              {w.object}
            </Button>
          )}
          {notice.open && objecting?.candidateId === c.candidateId && (
            <ObjectionForm
              candidate={c}
              onCancel={() => setObjecting(null)}
              onFiled={(id) => {
                setObjecting(null);
                setFiled({ name: c.name, id });
                window.scrollTo({ top: 0, behavior: 'smooth' });
              }}
            />
          )}
        </PersonCard>
      ))}
      <PublicLinks roundId={notice.roundId} here="notice" />
    </Space>
  );
}

/** The objection as POST /public/candidates/:id/objections takes it: name, contact (kept sealed), grounds. */
function ObjectionForm({ candidate, onCancel, onFiled }: { candidate: Listed; onCancel: () => void; onFiled: (objectionId: string) => void }) {
  const w = useWords(words);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const required = (what: string) => [{ required: true, whitespace: true, message: fill(w.required, { what }) }];

  const submit = async (body: Objection) => {
    setBusy(true);
    setRefusal(null);
    const { data, error } = await api.POST('/public/candidates/{id}/objections', { params: { path: { id: candidate.candidateId } }, body });
    setBusy(false);
    if (data) onFiled(data.objectionId);
    else setRefusal(publicRefusal(error, { conflict: w.closedNow, unprocessable: w.notListed, not_found: w.notFound, rate_limited: w.tooMany }));
  };

  return (
    <section aria-label={fill(w.formTitle, { name: candidate.name })}>
      <Typography.Title level={3} style={{ fontSize: 17 }}>
        {fill(w.formTitle, { name: candidate.name })}
      </Typography.Title>
      <Form<Objection> layout="vertical" onFinish={(values) => void submit(values)} requiredMark={false}>
        <Form.Item name="name" label={w.name} rules={[...required(w.name), { max: 100 }]}>
          <Input autoComplete="name" />
        </Form.Item>
        <Form.Item name="contact" label={w.contact} extra={w.contactHint} rules={[...required(w.contact), { max: 200 }]}>
          <Input autoComplete="tel" inputMode="tel" />
        </Form.Item>
        <Form.Item name="grounds" label={w.grounds} extra={w.groundsHint} rules={[...required(w.grounds), { max: 2000 }]}>
          <Input.TextArea rows={5} maxLength={2000} showCount />
        </Form.Item>
        {refusal && <Alert style={{ marginBottom: 12 }} type="error" showIcon role="alert" message={`${w.refused}：${refusal}`} />}
        <Space direction="vertical" style={{ width: '100%' }}>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {w.submit}
          </Button>
          <Button block onClick={onCancel}>
            {w.cancel}
          </Button>
        </Space>
      </Form>
    </section>
  );
}
