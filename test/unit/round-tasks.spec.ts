import { byDue, roundTasks, type RoundFacts } from '../../apps/api/src/tasks/round-tasks';

const now = new Date('2031-05-10T04:00:00Z');
const round = (over: Partial<RoundFacts> = {}): RoundFacts => ({
  roundId: 'r1',
  year: 2031,
  phase: 'reviewing',
  reviewClosesAt: new Date('2031-05-20T16:00:00Z'),
  noticeEndsAt: null,
  ceremonyDate: null,
  undecided: 0,
  selected: 0,
  openObjections: [],
  ...over,
});
const steps = (role: Parameters<typeof roundTasks>[0], r: RoundFacts) => roundTasks(role, r, now).map((t) => t.step);

describe('round steps in the inbox', () => {
  it('asks the office to freeze the re-review list while reviewing, due when the review window closes, overdue after', () => {
    const [task] = roundTasks('union_office', round(), now);
    expect(task).toEqual({
      kind: 'round',
      roundId: 'r1',
      year: 2031,
      phase: 'reviewing',
      step: 'freeze_re_review_list',
      action: expect.stringContaining('re-review list'),
      endpoint: 'POST /rounds/r1/re-review-list',
      dueAt: '2031-05-20T16:00:00.000Z',
      overdue: false,
    });
    expect(roundTasks('union_office', round({ reviewClosesAt: new Date('2031-05-01T00:00:00Z') }), now)[0].overdue).toBe(true);
  });

  it('gives each phase that waits on people to its role, and nothing to the others', () => {
    const cases: Array<[Partial<RoundFacts>, Record<'union_office' | 'leadership' | 'government', string[]>]> = [
      [{ phase: 'nominating' }, { union_office: [], leadership: [], government: [] }],
      [
        { phase: 're_review_list', undecided: 4 },
        { union_office: ['open_voting'], leadership: [], government: [] },
      ],
      [
        { phase: 'voting', undecided: 4 },
        { union_office: [], leadership: [], government: [] },
      ],
      [
        { phase: 'leadership_review', undecided: 4 },
        { union_office: [], leadership: ['approve_formal_list'], government: [] },
      ],
      [
        { phase: 'leadership_review', undecided: 0, selected: 3 },
        { union_office: ['start_public_notice'], leadership: [], government: [] },
      ],
      [
        { phase: 'public_notice', selected: 3 },
        { union_office: [], leadership: [], government: [] },
      ],
      [
        { phase: 'government_approval', selected: 3 },
        { union_office: [], leadership: [], government: ['approve_list'] },
      ],
      [{ phase: 'commendation' }, { union_office: ['record_ceremony'], leadership: [], government: [] }],
      [
        { phase: 'commendation', ceremonyDate: '2031-06-01' },
        { union_office: [], leadership: [], government: [] },
      ],
      [{ phase: 'closed' }, { union_office: [], leadership: [], government: [] }],
    ];
    for (const [over, expected] of cases) {
      for (const role of ['union_office', 'leadership', 'government'] as const)
        expect({ ...over, role, steps: steps(role, round(over)) }).toEqual({ ...over, role, steps: expected[role] });
    }
    expect(steps('expert', round({ phase: 'leadership_review', undecided: 2 }))).toEqual([]);
  });

  it('lists each open objection during the notice, due when the notice ends, naming the candidate and not the objector', () => {
    const r = round({
      phase: 'public_notice',
      noticeEndsAt: new Date('2031-05-09T00:00:00Z'),
      openObjections: [
        { objectionId: 'o1', candidateId: 'c1', candidateName: '甲大师' },
        { objectionId: 'o2', candidateId: 'c2', candidateName: '乙大师' },
      ],
    });
    const tasks = roundTasks('union_office', r, now);
    expect(tasks.map((t) => [t.step, t.endpoint, t.candidateId, t.dueAt, t.overdue])).toEqual([
      ['resolve_objection', 'POST /objections/o1/resolution', 'c1', '2031-05-09T00:00:00.000Z', true],
      ['resolve_objection', 'POST /objections/o2/resolution', 'c2', '2031-05-09T00:00:00.000Z', true],
    ]);
    expect(tasks[0].action).toContain('甲大师');
  });

  it('sorts round steps soonest due first, those without a due date last', () => {
    const later = roundTasks('union_office', round({ roundId: 'late', year: 2030, reviewClosesAt: new Date('2031-06-01T00:00:00Z') }), now);
    const sooner = roundTasks('union_office', round({ roundId: 'soon', year: 2032 }), now);
    const undated = roundTasks('union_office', round({ roundId: 'none', year: 2029, phase: 're_review_list' }), now);
    expect([...undated, ...later, ...sooner].sort(byDue).map((t) => t.roundId)).toEqual(['soon', 'late', 'none']);
  });
});
