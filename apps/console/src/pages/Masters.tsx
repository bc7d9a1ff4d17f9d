import { Alert, App, Button, Checkbox, Descriptions, Form, Input, Modal, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { api, refusalText, session, type Schemas } from '../api/client';
import { saveDownload } from '../download';
import { ExpandingTable, SmallTable } from '../tables';
import { fill } from '../fill';
import { useWords } from '../i18n';
import { ROUTES } from '../routes';
import { words } from './Masters.words';

type Benefit = Schemas['BenefitDto'];
type Step = Schemas['BenefitStepDto']['status'];
type PublicEntry = Schemas['RegisterPublicEntryDto'];
type Words = ReturnType<typeof useWords<(typeof words)['zh']>>;

interface Master {
  candidateId: string;
  name: string;
  benefits: Benefit[];
}

/** The steps the API allows from each status (offered → taken_up | declined; taken_up → granted). */
const NEXT: Record<Benefit['status'], Step[]> = { offered: ['taken_up', 'declined'], taken_up: ['granted'], declined: [], granted: [] };
const STEP_LABEL: Record<Step, 'takeUp' | 'decline' | 'grant'> = { taken_up: 'takeUp', declined: 'decline', granted: 'grant' };
// Dark enough for white words (WCAG AA), as the finance page's tags.
const STATUS_COLOUR: Record<Benefit['status'], string> = { offered: '#1d39c4', taken_up: '#874d00', declined: '#595959', granted: '#237804' };

/** The named masters, one row each, from the benefits every named master is offered (GET /benefits). */
function byMaster(benefits: Benefit[]): Master[] {
  const masters = new Map<string, Master>();
  for (const b of benefits) {
    const m = masters.get(b.candidateId) ?? { candidateId: b.candidateId, name: b.name, benefits: [] };
    m.benefits.push(b);
    masters.set(b.candidateId, m);
  }
  return [...masters.values()];
}

/**
 * 工匠与待遇: the named masters (GET /benefits, grouped), each with the certificate one click away
 * (GET /candidates/:id/documents/certificate.pdf), the benefits' steps (PATCH /benefits/:id) and the
 * public register entry (PATCH /masters/:id/register). Auditors and others who may read see the same
 * page without the buttons; the government (whose bureaux grant most benefits) records benefits' steps too.
 */
export function Masters() {
  const w = useWords(words);
  const { message } = App.useApp();
  const role = session()?.role;
  const office = role === 'union_office';
  const grants = office || role === 'government';
  const [masters, setMasters] = useState<Master[] | null>(null);
  const [register, setRegister] = useState<PublicEntry[]>([]);
  const [error, setError] = useState<string | null>(null);
  // Masters accumulate year after year: the office finds one by name.
  const [find, setFind] = useState('');
  const shown = masters && find.trim() ? masters.filter((m) => m.name.includes(find.trim())) : masters;

  const load = useCallback(async () => {
    const [b, r] = await Promise.all([api.GET('/benefits', {}), api.GET('/public/masters', {})]);
    if (b.data) setMasters(byMaster(b.data));
    else setError(refusalText(b.error));
    if (r.data && typeof r.data === 'object') setRegister((r.data as Schemas['RegisterListDto']).masters);
  }, []);
  useEffect(() => void load(), [load]);

  const certificate = async (m: Master) => {
    const {
      data,
      error: refusal,
      response,
    } = await api.GET('/candidates/{id}/documents/certificate.pdf', {
      params: { path: { id: m.candidateId } },
      parseAs: 'blob',
    });
    if (!data) return setError(refusalText(refusal));
    void message.success(`${w.downloaded}: ${saveDownload(data, response, `certificate-${m.name}.pdf`)}`);
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {w.title}
      </Typography.Title>
      <Typography.Paragraph>{w.intro}</Typography.Paragraph>
      {error && <Alert type="error" showIcon role="alert" message={`${w.loadFailed}: ${error}`} />}
      <Input.Search allowClear aria-label={w.find} placeholder={w.find} onChange={(e) => setFind(e.target.value)} style={{ maxWidth: 360 }} />
      <ExpandingTable<Master>
        aria-label={w.title}
        rowKey="candidateId"
        rows={shown}
        failed={!!error}
        empty={w.none}
        pagination={{ pageSize: 20 }}
        expanded={(m) => <MasterDetail master={m} office={office} grants={grants} w={w} entry={register.find((e) => e.name === m.name)} onChange={() => void load()} />}
        columns={[
          { title: w.name, dataIndex: 'name' },
          {
            title: w.benefits,
            render: (_, m) => (
              <Space wrap size={4}>
                {(['offered', 'taken_up', 'declined', 'granted'] as const).map((s) => {
                  const n = m.benefits.filter((b) => b.status === s).length;
                  return n ? <Tag key={s} color={STATUS_COLOUR[s]}>{`${w[s]} ${n}`}</Tag> : null;
                })}
              </Space>
            ),
          },
          {
            title: w.actions,
            render: (_, m) => (
              <Space wrap>
                <Button onClick={() => void certificate(m)} aria-label={`${w.certificate}：${m.name}`}>
                  {w.certificate}
                </Button>
                <Link to={ROUTES.file(m.candidateId)}>{w.openFile}</Link>
              </Space>
            ),
          },
        ]}
      />
    </Space>
  );
}

function MasterDetail({
  master,
  office,
  grants,
  w,
  entry,
  onChange,
}: {
  master: Master;
  office: boolean;
  grants: boolean;
  w: Words;
  entry?: PublicEntry;
  onChange: () => void;
}) {
  const { message } = App.useApp();
  const [pending, setPending] = useState<{ benefit: Benefit; status: Step } | null>(null);
  const [note, setNote] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);

  const step = async () => {
    if (!pending) return;
    if (pending.status === 'declined' && !note.trim()) return setRefusal(w.noteRequired);
    const { error } = await api.PATCH('/benefits/{id}', {
      params: { path: { id: pending.benefit.id } },
      body: { status: pending.status, ...(note.trim() ? { note: note.trim() } : {}) },
    });
    if (error) return setRefusal(refusalText(error));
    setPending(null);
    setNote('');
    setRefusal(null);
    void message.success(w.recorded);
    onChange();
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <SmallTable<Benefit>
        aria-label={`${w.benefits}：${master.name}`}
        dataSource={master.benefits}
        columns={[
          { title: w.benefit, dataIndex: 'label' },
          { title: w.grantingBody, dataIndex: 'grantingBody' },
          { title: w.status, render: (_, b) => <Tag color={STATUS_COLOUR[b.status]}>{w[b.status]}</Tag> },
          { title: w.offeredOn, dataIndex: 'offeredOn' },
          { title: w.stepOn, render: (_, b) => b.grantedOn ?? b.declinedOn ?? b.takenUpOn ?? '—' },
          ...(grants
            ? [
                {
                  title: w.actions,
                  render: (_: unknown, b: Benefit) => (
                    <Space wrap>
                      {NEXT[b.status].map((s) => (
                        <Button key={s} size="small" aria-label={`${w[STEP_LABEL[s]]}：${b.label}`} onClick={() => setPending({ benefit: b, status: s })}>
                          {w[STEP_LABEL[s]]}
                        </Button>
                      ))}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {office && <RegisterEntry master={master} entry={entry} w={w} onChange={onChange} />}
      <Modal
        open={!!pending}
        title={pending ? fill(w.stepTitle, { benefit: pending.benefit.label, status: w[pending.status] }) : ''}
        okText={w.confirm}
        cancelText={w.cancel}
        onOk={() => void step()}
        onCancel={() => {
          setPending(null);
          setRefusal(null);
        }}
      >
        <Form layout="vertical">
          <Form.Item label={w.note} htmlFor="benefit-note">
            <Input.TextArea id="benefit-note" value={note} onChange={(e) => setNote(e.target.value)} rows={3} />
          </Form.Item>
        </Form>
        {refusal && <Alert type="error" showIcon role="alert" message={w.refused} description={refusal} />}
      </Modal>
    </Space>
  );
}

function RegisterEntry({ master, entry, w, onChange }: { master: Master; entry?: PublicEntry; w: Words; onChange: () => void }) {
  const { message } = App.useApp();
  // A limited entry shows the name and year only: no trade.
  const [limited, setLimited] = useState(!!entry && !('trade' in entry));
  const [deeds, setDeeds] = useState(entry?.deeds ?? '');
  const [withdraw, setWithdraw] = useState(false);
  const [shown, setShown] = useState<PublicEntry | undefined>(entry);
  const [refusal, setRefusal] = useState<string | null>(null);

  const save = async () => {
    const body: Schemas['RegisterEntryDto'] = { limited };
    if (withdraw) body.deeds = null;
    else if (deeds.trim()) (body as { deeds?: string }).deeds = deeds.trim();
    const { data, error } = await api.PATCH('/masters/{id}/register', { params: { path: { id: master.candidateId } }, body });
    if (!data) return setRefusal(refusalText(error));
    setRefusal(null);
    setShown(data.public);
    void message.success(w.saved);
    onChange();
  };

  const id = (part: string) => `register-${part}-${master.candidateId}`;
  return (
    <Form layout="vertical" style={{ maxWidth: 640 }} aria-label={`${w.register}：${master.name}`}>
      <Typography.Title level={2} style={{ fontSize: 16 }}>
        {w.register}
      </Typography.Title>
      <Form.Item>
        <Checkbox checked={limited} onChange={(e) => setLimited(e.target.checked)}>
          {w.limited}
        </Checkbox>
      </Form.Item>
      <Form.Item label={w.deeds} htmlFor={id('deeds')}>
        <Input.TextArea id={id('deeds')} value={deeds} onChange={(e) => setDeeds(e.target.value)} rows={3} maxLength={2000} disabled={withdraw} />
      </Form.Item>
      <Form.Item>
        <Checkbox checked={withdraw} onChange={(e) => setWithdraw(e.target.checked)}>
          {w.withdrawDeeds}
        </Checkbox>
      </Form.Item>
      {refusal && <Alert type="error" showIcon role="alert" message={w.refused} description={refusal} />}
      <Button type="primary" onClick={() => void save()}>
        {w.save}
      </Button>
      {shown && (
        <Descriptions size="small" bordered column={1} title={w.publicEntry} style={{ marginTop: 16 }}>
          {Object.entries(shown).map(([k, v]) => (
            <Descriptions.Item key={k} label={k}>
              {v === null || v === undefined ? '—' : String(v)}
            </Descriptions.Item>
          ))}
        </Descriptions>
      )}
    </Form>
  );
}
