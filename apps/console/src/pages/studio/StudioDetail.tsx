import { Alert, Button, Descriptions, Space, Spin, Typography } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { api, refusalText, type Schemas } from '../../api/client';
import { fill } from '../../fill';
import { useI18n, useWords } from '../../i18n';
import { yuan } from '../../money';
import { SmallTable } from '../../tables';
import { shanghai } from '../../time';
import type { words as pageWords } from '../Studios.words';
import { AddApprenticeDialog, OutcomeDialog } from './ApprenticeDialogs';
import { BankAccountDialog, OFFICE_ACTIONS, ResubmitDialog, ScreenDialog, WithdrawDialog, type StudioAction } from './StudioDialogs';
import { words } from './StudioForms.words';

type View = Schemas['StudioViewDto'];
type Apprentice = View['apprentices'][number];
export type Words = Record<keyof (typeof pageWords)['zh'], string>;

interface Screening {
  outcome?: 'pass' | 'fail' | 'return';
  reason?: string;
  criteria?: Array<{ criterion: string; met: boolean; evidence: string }>;
  by?: { userId?: string };
  at?: string;
}
interface Outcome {
  skillLevel?: string;
  competition?: { name: string; year: number; placing: number };
  note?: string;
}

const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '—');

/**
 * One studio (GET /studios/:id): its application, screenings, grant, bank account and apprentices; for the
 * office, the actions its status allows, each answered with the studio as it now stands, shown here
 * and passed to `onChange` (the list's row follows).
 */
export function StudioDetail({ id, w, office, onChange }: { id: string; w: Words; office: boolean; onChange: (view: View) => void }) {
  const fw = useWords(words);
  const { name } = useI18n();
  const [view, setView] = useState<View | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dialog, setDialog] = useState<ReactNode>(null);
  useEffect(() => {
    void api.GET('/studios/{id}', { params: { path: { id } } }).then(({ data, error: e }) => (data ? setView(data) : setError(refusalText(e))));
  }, [id]);
  if (error) return <Alert type="error" showIcon role="alert" message={`${w.loadFailed}: ${error}`} />;
  if (!view) return <Spin />;

  const close = () => setDialog(null);
  const done = (next: View) => {
    setView(next);
    onChange(next);
    close();
  };
  const props = { view, w: fw, onDone: done, onClose: close };
  const open = async (action: StudioAction) => {
    if (action !== 'screen') {
      const Dialog = { bankAccount: BankAccountDialog, resubmit: ResubmitDialog, withdraw: WithdrawDialog, addApprentice: AddApprenticeDialog }[action];
      return setDialog(<Dialog {...props} />);
    }
    // Screening checks the batch's creation standard, criterion by criterion.
    const batch = await api.GET('/studio-batches/{id}', { params: { path: { id: str(view.batch.id) } } });
    if (!batch.data) return setError(refusalText(batch.error));
    setDialog(<ScreenDialog {...props} criteria={batch.data.criteria} />);
  };
  const actions = office ? OFFICE_ACTIONS[view.status] : [];
  const outcomeOf = (o: Outcome | null) =>
    o ? [o.skillLevel && name('skillLevel', o.skillLevel), o.competition && fill(w.placed, o.competition), o.note].filter(Boolean).join('；') || '—' : '—';
  const screenings = view.screenings as Screening[];
  const grant = view.grant as { amountFen?: number; dueOn?: string; status?: string } | null;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {actions.length > 0 && (
        <Space wrap aria-label={fill(w.actionsFor, { name: view.name })}>
          {actions.map((a) => (
            <Button key={a} aria-label={`${fw[a]}：${view.name}`} onClick={() => void open(a)}>
              {fw[a]}
            </Button>
          ))}
        </Space>
      )}
      {dialog}
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={w.status}>{name('studioStatus', view.status)}</Descriptions.Item>
        <Descriptions.Item label={w.master}>{str(view.master.name)}</Descriptions.Item>
        <Descriptions.Item label={w.hostUnit}>{view.hostUnit}</Descriptions.Item>
        <Descriptions.Item label={w.trade}>{view.trade}</Descriptions.Item>
        <Descriptions.Item label={w.premises}>{view.premises}</Descriptions.Item>
        <Descriptions.Item label={w.appliedAt}>{shanghai(view.appliedAt)}</Descriptions.Item>
        <Descriptions.Item label={w.plan} span={2}>
          {view.plan}
        </Descriptions.Item>
        <Descriptions.Item label={w.bankAccount}>
          {view.bankAccount ? `${view.bankAccount.bank ?? ''} ${view.bankAccount.accountName ?? ''} ${view.bankAccount.accountNumber}` : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={w.grant}>{grant ? `¥${yuan(grant.amountFen)} · ${grant.dueOn ?? ''} · ${grant.status ?? ''}` : '—'}</Descriptions.Item>
        {view.closure && <Descriptions.Item label={w.closure}>{str(view.closure.reason)}</Descriptions.Item>}
      </Descriptions>
      <Typography.Title level={3} style={{ fontSize: 16 }}>
        {w.screenings}
      </Typography.Title>
      {screenings.length === 0 && <Typography.Text>{w.noScreenings}</Typography.Text>}
      {screenings.map((s, i) => (
        <Space key={i} direction="vertical" style={{ width: '100%' }}>
          <Typography.Text>
            {s.outcome ? w[s.outcome] : '—'} · {s.reason ?? ''} · {s.by?.userId ?? '—'} · {s.at ? shanghai(s.at) : '—'}
          </Typography.Text>
          <SmallTable
            aria-label={`${w.screenings} ${i + 1}`}
            rowKey="criterion"
            dataSource={s.criteria ?? []}
            columns={[
              { title: w.criterion, dataIndex: 'criterion' },
              { title: w.met, render: (_, c) => (c.met ? w.yes : w.no) },
              { title: w.evidence, dataIndex: 'evidence' },
            ]}
          />
        </Space>
      ))}
      <Typography.Title level={3} style={{ fontSize: 16 }}>
        {w.apprentices}
      </Typography.Title>
      <SmallTable<Apprentice>
        aria-label={`${w.apprentices}：${view.name}`}
        dataSource={view.apprentices}
        columns={[
          { title: w.apprentice, dataIndex: 'name' },
          { title: w.startOn, dataIndex: 'startOn' },
          { title: w.endOn, render: (_, a) => a.endOn ?? '—' },
          { title: w.result, render: (_, a) => outcomeOf(a.outcome as Outcome | null) },
          ...(actions.length
            ? [
                {
                  title: w.actions,
                  render: (_: unknown, a: Apprentice) => (
                    <Button size="small" aria-label={`${fw.recordOutcome}：${a.name}`} onClick={() => setDialog(<OutcomeDialog {...props} apprentice={a} />)}>
                      {fw.recordOutcome}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Space>
  );
}
