import { Alert, Button, Descriptions, Space, Spin, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { lazy, Suspense, useCallback, useEffect, useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router-dom';
import { STAGE_LABELS } from '../../../api/src/candidates/candidate-labels';
import { api, refusalText, session, type Schemas } from '../api/client';
import { usePolling } from '../poll';
import { useI18n, useWords, type I18n } from '../i18n';
import { ROUTES } from '../routes';
import { shanghai } from '../time';
import { words } from './RoundDashboard.words';
import { FormalList, GovernmentApproval } from './RoundLists';
import { resolveStep, roundSteps, StepDialog, type Step } from './RoundSteps';
import { fill, ListTable, named, num, objectionColumns, scoreColumns, Section, type W } from './RoundParts';

type Round = Schemas['RoundDto'];
type Objection = Schemas['ObjectionViewDto'];
export type RankingLine = Schemas['RankingEntryDto'];
type Windows = {
  nomination: { opensAt: string; closesAt: string };
  review: { closesAt: string };
  voting: { opensAt: string | null; closesAt: string | null; days: number };
  notice: { startsAt: string | null; endsAt: string | null };
  ceremony: { date: string | null; place: string | null };
};
type QuotaUse = { quota: number; selected: number; approved: number; commended: number; remaining: number };
type AreaCount = { count: number; target: number; meetsTarget: boolean };

const Chart = lazy(async () => ({ default: (await import('./RoundFunnelChart')).RoundFunnelChart }));

/** Roles that read the round's reports, ranking, tally and objections (the API's own list). */
const READERS = ['union_office', 'leadership', 'auditor', 'admin'];
const REFRESH_MS = 5000;

/** Every round, newest first, each opening its dashboard. */
export function Rounds() {
  const w = useWords(words);
  const [rounds, setRounds] = useState<Round[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void api.GET('/rounds').then(({ data, error: refusal }) => (data ? setRounds(data) : setError(refusalText(refusal))));
  }, []);
  if (error) return <Alert type="error" showIcon role="alert" message={`${w.loadFailed}: ${error}`} />;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {w.rounds}
      </Typography.Title>
      <ListTable<Round>
        rowKey="id"
        rows={rounds ?? []}
        empty={rounds ? w.roundsEmpty : '…'}
        columns={[
          { title: w.year, key: 'year', render: (_, r) => <Link to={ROUTES.round(r.id)}>{fill(w.roundTitle, { year: r.year })}</Link> },
          { title: w.phase, key: 'phase', render: (_, r) => named(w, 'phase', r.phase) },
          { title: w.quota, dataIndex: 'quota', key: 'quota' },
          { title: w.nominationWindow, key: 'nom', render: (_, r) => `${shanghai(r.nominationOpensAt)} – ${shanghai(r.nominationClosesAt)}` },
        ]}
      />
    </Space>
  );
}

interface Loaded {
  round: Round;
  ranking?: RankingLine[];
  funnel?: Schemas['RoundFunnelDto'];
  report?: Schemas['RoundReportDto'];
  tally?: Schemas['VoteTallyDto'];
  objections?: Schemas['ObjectionViewDto'][];
  programme?: Schemas['ProgrammeDto'];
  notice?: Schemas['PublicNoticeDto'];
}

/** One round: its phase and windows, quota use, nominations per area, the funnel, the ranked list and every batch step. */
export function RoundPage() {
  const { id = '' } = useParams();
  const w = useWords(words);
  const { name } = useI18n();
  const role = session()?.role ?? '';
  const reader = READERS.includes(role);
  const office = role === 'union_office';
  const [state, setState] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dialog, setDialog] = useState<ReactNode>(null);

  const load = useCallback(async () => {
    const path = { params: { path: { id } } };
    const { data: round, error: refusal } = await api.GET('/rounds/{id}', path);
    if (!round) return setError(refusalText(refusal));
    const began = (at: string | null | undefined) => !!at;
    const win = round.windows as unknown as Windows;
    const [ranking, funnel, report, tally, objections, programme, notice] = await Promise.all([
      reader ? api.GET('/rounds/{id}/ranking', path) : null,
      reader ? api.GET('/rounds/{id}/funnel', path) : null,
      reader ? api.GET('/rounds/{id}/report', path) : null,
      reader && began(win.voting.opensAt) ? api.GET('/rounds/{id}/tally', path) : null,
      reader && began(win.notice.startsAt) ? api.GET('/rounds/{id}/objections', path) : null,
      api.GET('/programme'),
      began(win.notice.startsAt) ? api.GET('/public/rounds/{id}/notice', path) : null,
    ]);
    setState({
      round,
      ranking: ranking?.data?.ranking,
      funnel: funnel?.data,
      report: report?.data,
      tally: tally?.data,
      objections: objections?.data,
      programme: programme.data,
      notice: notice?.data,
    });
  }, [id, reader]);

  // The office keeps this page open through the vote: the live tally moves.
  usePolling(load, REFRESH_MS);

  if (error) return <Alert type="error" showIcon role="alert" message={`${w.loadFailed}: ${error}`} />;
  if (!state) return <Spin />;
  const { round } = state;
  const win = round.windows as unknown as Windows;
  const quota = round.quotaUse as unknown as QuotaUse;
  const phase = round.phase;
  const close = () => setDialog(null);
  const done = () => {
    setDialog(null);
    void load();
  };
  const open = (step: Step) => setDialog(<StepDialog step={step} w={w} onClose={close} onDone={done} />);
  const steps = roundSteps(id, w);
  /** The office's button for a step, while the round is where the step needs it. */
  const take = (when: boolean, step: Step) =>
    office &&
    when && (
      <Button type="primary" onClick={() => open(step)}>
        {step.title}
      </Button>
    );

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Link to={ROUTES.rounds}>← {w.backToRounds}</Link>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {fill(w.roundTitle, { year: round.year })} <Tag color="#a8200d">{named(w, 'phase', phase)}</Tag>
        {!office && role !== 'leadership' && role !== 'government' && <Tag>{w.readOnly}</Tag>}
      </Typography.Title>

      <Section title={w.windows} extra={take(['nominating', 'reviewing', 'voting', 'public_notice'].includes(phase), steps.phase)}>
        <Descriptions bordered size="small" column={1}>
          <Descriptions.Item label={w.phase}>
            <span data-testid="phase">{named(w, 'phase', phase)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={w.win_nomination}>{`${shanghai(win.nomination.opensAt)} – ${shanghai(win.nomination.closesAt)}`}</Descriptions.Item>
          <Descriptions.Item label={w.win_review}>{`– ${shanghai(win.review.closesAt)}`}</Descriptions.Item>
          <Descriptions.Item label={w.win_voting}>
            {`${shanghai(win.voting.opensAt)} – ${shanghai(win.voting.closesAt)}（${fill(w.votingDays, { days: win.voting.days })}）`}
          </Descriptions.Item>
          <Descriptions.Item label={w.win_notice}>{`${shanghai(win.notice.startsAt)} – ${shanghai(win.notice.endsAt)}`}</Descriptions.Item>
          <Descriptions.Item label={w.win_ceremony}>{[win.ceremony.date ?? '—', win.ceremony.place].filter(Boolean).join(' · ')}</Descriptions.Item>
        </Descriptions>
      </Section>

      <Section title={w.quotaUse}>
        <Descriptions bordered size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={w.quota}>{quota.quota}</Descriptions.Item>
          <Descriptions.Item label={w.selected}>{quota.selected}</Descriptions.Item>
          <Descriptions.Item label={w.approved}>{quota.approved}</Descriptions.Item>
          <Descriptions.Item label={w.commended}>{quota.commended}</Descriptions.Item>
          <Descriptions.Item label={w.remaining}>{quota.remaining}</Descriptions.Item>
        </Descriptions>
        {state.programme && (
          <Descriptions bordered title={w.programme} size="small" column={3} style={{ marginTop: 16 }}>
            <Descriptions.Item label={w.programmeTarget}>{state.programme.target}</Descriptions.Item>
            <Descriptions.Item label={w.programmeCommended}>{state.programme.commended}</Descriptions.Item>
            <Descriptions.Item label={w.programmeRemaining}>{state.programme.remaining}</Descriptions.Item>
          </Descriptions>
        )}
      </Section>

      {state.funnel && <Funnel funnel={state.funnel} w={w} />}

      {state.report && <Areas byArea={state.report.byArea as Record<string, AreaCount>} w={w} />}

      {state.ranking && (
        <Section title={w.ranking} extra={take(phase === 'reviewing', steps.freeze)}>
          <ListTable<RankingLine> rowKey="candidateId" rows={state.ranking} empty={w.rankingEmpty} columns={rankingColumns(w, name)} />
        </Section>
      )}

      {(state.tally || (office && phase === 're_review_list')) && (
        <Section title={w.voting} extra={take(phase === 're_review_list', steps.voting)}>
          {state.tally && <Tally tally={state.tally} w={w} />}
        </Section>
      )}

      {role === 'leadership' && phase === 'leadership_review' && state.ranking && quota.selected === 0 && (
        <FormalList id={id} quota={round.quota} lines={state.ranking} w={w} onDone={done} />
      )}

      {(state.notice || (office && phase === 'leadership_review')) && (
        <Section title={w.notice} extra={take(phase === 'leadership_review', steps.notice)}>
          {state.notice && (
            <Descriptions bordered size="small" column={1}>
              <Descriptions.Item label={w.noticeWindow}>{state.notice.window}</Descriptions.Item>
            </Descriptions>
          )}
          {state.objections && (
            <ListTable<Objection>
              rowKey="id"
              rows={state.objections}
              empty={w.objectionsEmpty}
              columns={objectionColumns(w, name, (o) =>
                office ? (
                  <Button size="small" onClick={() => open(resolveStep(o, w, name))}>
                    {w.resolve}
                  </Button>
                ) : (
                  '—'
                ),
              )}
            />
          )}
        </Section>
      )}

      {role === 'government' && phase === 'government_approval' && state.notice && (
        <GovernmentApproval id={id} candidates={state.notice.candidates as Array<{ candidateId: string; name: string; employer: string }>} w={w} onDone={done} />
      )}

      {office && phase === 'commendation' && !win.ceremony.date && (
        <Section title={w.ceremony} extra={take(true, steps.ceremony)}>
          {name('stage', 'commendation')}
        </Section>
      )}
      {dialog}
    </Space>
  );
}

function Funnel({ funnel, w }: { funnel: Schemas['RoundFunnelDto']; w: W }) {
  const { name } = useI18n();
  const byStage = funnel.byStage as Record<string, number>;
  const order = Object.keys(STAGE_LABELS);
  const stages = Object.keys(byStage).sort((a, b) => order.indexOf(a) - order.indexOf(b));
  const labels = stages.map((s) => name('stage', s));
  const values = stages.map((s) => byStage[s]);
  const summary = labels.map((l, i) => `${l} ${values[i]}`).join('，');
  return (
    <Section title={w.funnel}>
      {stages.length ? (
        <Suspense fallback={<Spin />}>
          <Chart labels={labels} values={values} description={fill(w.funnelChart, { summary })} />
        </Suspense>
      ) : (
        '—'
      )}
    </Section>
  );
}

function Areas({ byArea, w }: { byArea: Record<string, AreaCount>; w: W }) {
  const { name } = useI18n();
  const rows = Object.entries(byArea).map(([area, c]) => ({ area, ...c }));
  return (
    <Section title={fill(w.byArea, { target: rows[0]?.target ?? 3 })}>
      <ListTable
        rowKey="area"
        rows={rows}
        columns={[
          { title: w.area, key: 'area', render: (_, r) => name('area', r.area) },
          { title: w.nominations, dataIndex: 'count', key: 'count' },
          { title: w.target, dataIndex: 'target', key: 'target' },
          { title: w.meetsTarget, key: 'meets', render: (_, r) => <span style={{ color: r.meetsTarget ? '#1f6f00' : '#a8071a' }}>{r.meetsTarget ? w.yes : w.no}</span> },
        ]}
      />
    </Section>
  );
}

/** The ranked list: rank (equal expert scores share it), the scores, the combined rank, whether listed, the outcome and why. */
const rankingColumns = (w: W, name: I18n['name']): ColumnsType<RankingLine> => [
  { title: w.rank, dataIndex: 'rank', key: 'rank' },
  ...scoreColumns(w),
  { title: w.combinedRank, key: 'combinedRank', render: (_, l) => num(l.combinedRank) },
  { title: w.onList, key: 'listed', render: (_, l) => (l.outcome !== undefined ? w.listed : w.notListed) },
  { title: w.outcome, key: 'outcome', render: (_, l) => (l.outcome === undefined ? '—' : name('entryOutcome', l.outcome ?? 'pending')) },
  { title: w.reason, key: 'reason', render: (_, l) => l.reason ?? '—' },
];

function Tally({ tally, w }: { tally: Schemas['VoteTallyDto']; w: W }) {
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Descriptions bordered size="small" column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label={w.win_voting}>{tally.voting.window}</Descriptions.Item>
        <Descriptions.Item label={w.totalVotes}>{tally.totalVotes}</Descriptions.Item>
        <Descriptions.Item label={w.distinctVoters}>{tally.distinctVoters}</Descriptions.Item>
      </Descriptions>
      <ListTable
        rowKey="candidateId"
        rows={tally.candidates}
        empty={w.noVotes}
        columns={[
          { title: w.rank, dataIndex: 'rank', key: 'rank' },
          { title: w.name, dataIndex: 'name', key: 'name' },
          { title: w.votes, dataIndex: 'votes', key: 'votes' },
        ]}
      />
    </Space>
  );
}
