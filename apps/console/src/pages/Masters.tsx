import { Alert, App, Button, Checkbox, Descriptions, Form, Input, Modal, Select, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { api, refusalText, session, type Schemas } from '../api/client';
import { saveDownload } from '../download';
import { ExpandingTable, SmallTable } from '../tables';
import { fill } from '../fill';
import { useI18n, useWords } from '../i18n';
import { usePagedList } from '../paged';
import { ROUTES } from '../routes';
import { words } from './Masters.words';

type Benefit = Schemas['BenefitDto'];
type Step = Schemas['BenefitStepDto']['status'];
type Master = Schemas['MasterViewDto'];
type PublicEntry = Schemas['RegisterPublicEntryDto'];
type Words = ReturnType<typeof useWords<(typeof words)['zh']>>;

/** The steps the API allows from each status (offered → taken_up | declined; taken_up → granted). */
const NEXT: Record<Benefit['status'], Step[]> = { offered: ['taken_up', 'declined'], taken_up: ['granted'], declined: [], granted: [] };
const STEP_LABEL: Record<Step, 'takeUp' | 'decline' | 'grant'> = { taken_up: 'takeUp', declined: 'decline', granted: 'grant' };
// Dark enough for white words (WCAG AA), as the finance page's tags.
const STATUS_COLOUR: Record<Benefit['status'], string> = { offered: '#1d39c4', taken_up: '#874d00', declined: '#595959', granted: '#237804' };
const PAGE_SIZE = 20;
/** The public entry's fields, in the register's order, by the page's words for them. */
const ENTRY_FIELD = {
  name: 'name',
  sex: 'sex',
  trade: 'entryTrade',
  employer: 'employer',
  yearNamed: 'yearNamed',
  studio: 'studio',
  deeds: 'entryDeeds',
} as const satisfies Record<keyof PublicEntry, keyof (typeof words)['zh']>;

/**
 * 工匠与待遇: the named masters a page at a time (GET /masters: by the year named, found by name), each
 * with the certificate one click away (GET /candidates/:id/documents/certificate.pdf), the benefits'
 * steps (GET /candidates/:id/benefits when opened, PATCH /benefits/:id) and the register entry as the
 * office reads it (PATCH /masters/:id/register). Auditors and others who may read see the same page
 * without the buttons; the government (whose bureaux grant most benefits) records benefits' steps too.
 */
export function Masters() {
  const w = useWords(words);
  const { name: nameOf } = useI18n();
  const { message } = App.useApp();
  const role = session()?.role;
  const office = role === 'union_office';
  const grants = office || role === 'government';
  const [years, setYears] = useState<number[]>([]);
  // Masters accumulate year after year: the office narrows them to a year, finds one by name.
  const [year, setYear] = useState<number | undefined>();
  const [find, setFind] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => void api.GET('/masters/years').then(({ data }) => setYears(data?.years ?? [])), []);
  const fetchPage = useCallback(
    (page: number, pageSize: number) => api.GET('/masters', { params: { query: { year, name: find.trim() || undefined, page, pageSize } } }),
    [year, find],
  );
  const { result, error: loadError, pagination, reload } = usePagedList(fetchPage, PAGE_SIZE);

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

  const failed = loadError ?? error;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {w.title}
      </Typography.Title>
      <Typography.Paragraph>{w.intro}</Typography.Paragraph>
      {failed && <Alert type="error" showIcon role="alert" message={`${w.loadFailed}: ${failed}`} />}
      <Form layout="inline">
        <Form.Item label={w.yearNamed} htmlFor="masters-year">
          <Select<number>
            id="masters-year"
            allowClear
            placeholder={w.allYears}
            style={{ width: 140 }}
            value={year}
            onChange={setYear}
            options={years.map((y) => ({ value: y, label: String(y) }))}
          />
        </Form.Item>
        <Form.Item>
          <Input.Search allowClear aria-label={w.find} placeholder={w.find} onSearch={setFind} style={{ width: 280 }} />
        </Form.Item>
      </Form>
      <ExpandingTable<Master>
        aria-label={w.title}
        rowKey="candidateId"
        rows={result?.items ?? null}
        failed={!!loadError}
        empty={w.none}
        pagination={{ ...pagination, showSizeChanger: true, showTotal: (n) => fill(w.total, { n }) }}
        expanded={(m) => <MasterDetail master={m} office={office} grants={grants} w={w} onChange={reload} />}
        columns={[
          { title: w.name, dataIndex: 'name' },
          { title: w.yearNamed, dataIndex: 'yearNamed' },
          { title: w.trade, render: (_, m) => `${m.trade}（${nameOf('industry', m.industry)}）` },
          { title: w.area, render: (_, m) => nameOf('area', m.area) },
          {
            title: w.benefits,
            render: (_, m) => (
              <Space wrap size={4}>
                {(['offered', 'taken_up', 'declined', 'granted'] as const).map((s) =>
                  m.benefits[s] ? <Tag key={s} color={STATUS_COLOUR[s]}>{`${w[s]} ${m.benefits[s]}`}</Tag> : null,
                )}
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

/** An opened master: their benefits (read when opened) with the steps, and the office's register entry. */
function MasterDetail({ master, office, grants, w, onChange }: { master: Master; office: boolean; grants: boolean; w: Words; onChange: () => void }) {
  const { message } = App.useApp();
  const [benefits, setBenefits] = useState<Benefit[] | null>(null);
  const [pending, setPending] = useState<{ benefit: Benefit; status: Step } | null>(null);
  const [note, setNote] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);
  const [loadFailed, setLoadFailed] = useState<string | null>(null);

  const loadBenefits = useCallback(async () => {
    const { data, error } = await api.GET('/candidates/{id}/benefits', { params: { path: { id: master.candidateId } } });
    setLoadFailed(data ? null : refusalText(error));
    setBenefits(data?.benefits ?? []);
  }, [master.candidateId]);
  useEffect(() => void loadBenefits(), [loadBenefits]);

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
    void loadBenefits();
    onChange();
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {loadFailed && <Alert type="error" showIcon role="alert" message={`${w.loadFailed}: ${loadFailed}`} />}
      <SmallTable<Benefit>
        aria-label={`${w.benefits}：${master.name}`}
        loading={!benefits}
        dataSource={benefits ?? []}
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
      {office && <RegisterEntry master={master} w={w} onChange={onChange} />}
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

/** The register entry as the office reads it (with GET /masters): the deeds it recorded, though the public may not see them. */
function RegisterEntry({ master, w, onChange }: { master: Master; w: Words; onChange: () => void }) {
  const { message } = App.useApp();
  const [limited, setLimited] = useState(master.register.limited);
  const [deeds, setDeeds] = useState(master.register.deeds ?? '');
  const [withdraw, setWithdraw] = useState(false);
  const { name } = useI18n();
  const [shown, setShown] = useState<PublicEntry>(master.register.public);
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
      <Descriptions size="small" bordered column={1} title={w.publicEntry} style={{ marginTop: 16 }}>
        {(Object.keys(ENTRY_FIELD) as Array<keyof PublicEntry>)
          .filter((k) => k in shown)
          .map((k) => (
            <Descriptions.Item key={k} label={w[ENTRY_FIELD[k]]}>
              {k === 'sex' ? name('sex', shown.sex) : (shown[k] ?? '—')}
            </Descriptions.Item>
          ))}
      </Descriptions>
    </Form>
  );
}
