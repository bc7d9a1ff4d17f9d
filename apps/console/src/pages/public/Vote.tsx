import { Alert, Button, Card, Form, Input, Space, Spin, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router-dom';
import { api, refusalText, type Schemas } from '../../api/client';
import { fill } from '../../fill';
import { useWords } from '../../i18n';
import { shanghai } from '../../time';
import { PersonCard, PublicLinks } from './parts';
import { publicRefusal } from './refusal';
import { words } from './Vote.words';

type Round = Schemas['PublicRoundDto'];
type Candidate = Schemas['PublicCandidateDto'];
type Verification = Schemas['VoterVerificationDto'];
interface Feedback {
  candidateId: string;
  ok: boolean;
  text: string;
}

/** The dev verifier's voter, entered once and kept for the browser session. */
const VOTER_KEY = 'ouhai-public-voter';

/**
 * 网络投票: the round's votable candidates and the vote, for a phone in WeChat's browser. With WeChat
 * configured each vote goes through WeChat's OAuth page (snsapi_base: no prompt), which sends the voter
 * back with a one-time `code` and the candidate in `state`; the vote is then cast with that code.
 * Locally the dev verifier's identifier stands for the voter.
 */
export function Vote() {
  const { roundId = '' } = useParams();
  const w = useWords(words);
  const [round, setRound] = useState<Round | null>(null);
  const [verification, setVerification] = useState<Verification | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [voter, setVoter] = useState<string | null>(() => sessionStorage.getItem(VOTER_KEY));
  const [busy, setBusy] = useState<string | null>(null);
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const returned = useRef(false);

  const load = useCallback(async () => {
    const { data, error: refusal } = await api.GET('/public/rounds/{id}', { params: { path: { id: roundId } } });
    if (data) setRound(data);
    else setError(publicRefusal(refusal, { not_found: w.notFound }));
  }, [roundId, w.notFound]);

  const cast = useCallback(
    async (candidate: Pick<Candidate, 'candidateId' | 'name'>, verifier: 'dev' | 'wechat', credential: string) => {
      setBusy(candidate.candidateId);
      setFeedback(null);
      const { data, error: refusal } = await api.POST('/public/rounds/{id}/votes', {
        params: { path: { id: roundId } },
        body: { candidateId: candidate.candidateId, verifier, credential },
      });
      setBusy(null);
      if (data) {
        setFeedback({ candidateId: candidate.candidateId, ok: true, text: fill(w.voted, { name: candidate.name, day: data.day }) });
        return;
      }
      const text = publicRefusal(refusal, {
        vote_duplicate: w.duplicate,
        vote_daily_limit: w.limit,
        rate_limited: w.limit,
        vote_not_votable: w.notVotable,
        voting_closed: w.notOpenNow,
        unauthenticated: w.credential,
        upstream_failed: w.wechatDown,
        unavailable: w.wechatDown,
        not_found: w.notFound,
      });
      setFeedback({ candidateId: candidate.candidateId, ok: false, text });
      // Voting may have closed meanwhile: show the round as it is now (the totals once closed).
      if ((refusal as { code?: string } | undefined)?.code === 'voting_closed') void load();
    },
    [roundId, w, load],
  );

  useEffect(() => {
    void load();
    void api.GET('/public/voting').then(({ data, error: refusal }) => (data ? setVerification(data) : setError(refusalText(refusal))));
  }, [load]);

  // Back from WeChat's OAuth page: vote once with the one-time code, then drop it from the address.
  useEffect(() => {
    const query = new URLSearchParams(window.location.search);
    const code = query.get('code');
    const candidateId = query.get('state');
    if (returned.current || !code || !candidateId || !round || !verification?.wechat) return;
    returned.current = true;
    window.history.replaceState(null, '', window.location.pathname);
    const candidate = round.candidates.find((c) => c.candidateId === candidateId);
    void cast({ candidateId, name: candidate?.name ?? '' }, 'wechat', code);
  }, [round, verification, cast]);

  if (error) return <Alert type="error" showIcon message={`${w.loadFailed}: ${error}`} role="alert" />;
  if (!round || !verification) return <Spin />;

  const state = round.voting.state;
  const verifier = verification.verifiers[0];
  const vote = (candidate: Candidate) => {
    if (verifier === 'wechat' && verification.wechat) {
      const { appId, authorizeUrl, scope } = verification.wechat;
      const back = `${window.location.origin}${window.location.pathname}`;
      // WeChat reads these parameters in this order, and wants #wechat_redirect at the end.
      const query = new URLSearchParams({ appid: appId, redirect_uri: back, response_type: 'code', scope, state: candidate.candidateId });
      window.location.assign(`${authorizeUrl}?${query.toString()}#wechat_redirect`);
    } else if (voter) void cast(candidate, 'dev', voter);
    else setFeedback({ candidateId: candidate.candidateId, ok: false, text: w.needVoter });
  };
  const candidates = state === 'closed' ? [...round.candidates].sort((a, b) => (b.votes ?? 0) - (a.votes ?? 0)) : round.candidates;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22, marginBottom: 0 }}>
        {fill(w.title, { year: round.year })}
      </Typography.Title>
      {round.voting.opensAt && round.voting.closesAt && (
        <Typography.Text>{fill(w.window, { from: shanghai(round.voting.opensAt), to: shanghai(round.voting.closesAt) })}</Typography.Text>
      )}
      {state === 'open' && <Typography.Text>{fill(w.rules, { limit: verification.dailyCandidateLimit })}</Typography.Text>}
      {state === 'unscheduled' && <Alert type="info" showIcon message={w.unscheduled} />}
      {state === 'not_open' && <Alert type="info" showIcon message={fill(w.notOpen, { from: shanghai(round.voting.opensAt) })} />}
      {state === 'closed' && <Alert type="info" showIcon message={w.closed} />}
      {state === 'open' && !verifier && <Alert type="warning" showIcon message={w.noVerifier} />}
      {state === 'open' && verifier === 'wechat' && <Typography.Text>{w.wechatHint}</Typography.Text>}
      {state === 'open' && verifier === 'dev' && <DevVoter voter={voter} onVoter={setVoter} />}
      {candidates.length === 0 && state !== 'unscheduled' && state !== 'not_open' && <Typography.Text>{w.empty}</Typography.Text>}
      {candidates.map((c) => (
        <PersonCard key={c.candidateId} name={c.name}>
          <Typography.Paragraph style={{ marginBottom: 8 }}>
            {w.employer}：{c.employer}
            <br />
            {w.trade}：{c.trade}
          </Typography.Paragraph>
          {c.deeds && (
            <Typography.Paragraph ellipsis={{ rows: 4, expandable: true, symbol: '…' }} style={{ marginBottom: 12 }}>
              {w.deeds}：{c.deeds}
            </Typography.Paragraph>
          )}
          {state === 'closed' && (
            <Typography.Text strong style={{ fontSize: 18 }}>
              {w.votes}：{c.votes ?? 0}
            </Typography.Text>
          )}
          {state === 'open' && (
            <Button
              type="primary"
              size="large"
              block
              loading={busy === c.candidateId}
              disabled={!verifier}
              aria-label={fill(w.voteFor, { name: c.name })}
              onClick={() => vote(c)}
            >
              {busy === c.candidateId ? w.voting : w.vote}
            </Button>
          )}
          {feedback?.candidateId === c.candidateId &&
            (feedback.ok ? (
              <Alert style={{ marginTop: 12 }} type="success" showIcon message={feedback.text} role="status" />
            ) : (
              <Alert style={{ marginTop: 12 }} type="error" showIcon message={`${w.refused}：${feedback.text}`} role="alert" />
            ))}
        </PersonCard>
      ))}
      <PublicLinks roundId={round.roundId} here="vote" />
    </Space>
  );
}

/** The dev verifier's voter: entered once, kept in the session. */
function DevVoter({ voter, onVoter }: { voter: string | null; onVoter: (voter: string | null) => void }) {
  const w = useWords(words);
  if (voter)
    return (
      <Space wrap>
        <Typography.Text>{fill(w.currentVoter, { who: voter })}</Typography.Text>
        <Button
          onClick={() => {
            sessionStorage.removeItem(VOTER_KEY);
            onVoter(null);
          }}
        >
          {w.changeVoter}
        </Button>
      </Space>
    );
  return (
    <Card
      size="small"
      title={
        <Typography.Title level={2} style={{ fontSize: 17, margin: 0 }}>
          {w.voter}
        </Typography.Title>
      }
    >
      <Typography.Paragraph>{w.devHint}</Typography.Paragraph>
      <Form
        layout="vertical"
        onFinish={({ voterId }: { voterId: string }) => {
          sessionStorage.setItem(VOTER_KEY, voterId.trim());
          onVoter(voterId.trim());
        }}
      >
        <Form.Item name="voterId" label={w.voterId} rules={[{ required: true, whitespace: true, max: 512 }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block>
          {w.confirmVoter}
        </Button>
      </Form>
    </Card>
  );
}
