import { FailureType, type Actor, type Condition, type PanelSeatState } from '../../libs/contract';
import { ExpertPanel } from '../../workflows/candidate-file/expert-panel';

const OFFICE: Actor = { userId: 'office-1', role: 'union_office' };
const expert = (n: number): Actor => ({ userId: `expert-${n}`, role: 'expert' });
const CLAIMED: Condition[] = ['superb_skill', 'leading_role'];
const AT = '2017-04-20T08:00:00.000Z';

function seated(n: number, recused: number[] = []) {
  const panel = new ExpertPanel([], 5);
  const experts = Array.from({ length: n }, (_, i) => ({
    userId: `expert-${i + 1}`,
    ...(recused.includes(i + 1) && { recusedBecause: "works for the candidate's employer" }),
  }));
  panel.assign({ experts, actor: OFFICE }, AT);
  return panel;
}
const both = (mark: number) => ({ superb_skill: mark, leading_role: mark });

describe(ExpertPanel.name, () => {
  it('waits for the office until five experts who may score are seated; a recused expert does not count', () => {
    expect(seated(4).status()).toBe('awaiting_panel');
    expect(seated(5, [3]).status()).toBe('awaiting_panel');
    const panel = seated(6, [3]);
    expect(panel.status()).toBe('scoring');
    expect(panel.seats.find((s) => s.userId === 'expert-3')).toMatchObject({ status: 'recused', reason: "works for the candidate's employer" });
  });

  it('refuses an expert named twice, or one already seated, and an empty list', () => {
    const panel = seated(5);
    expect(panel.refuseAssignment({ experts: [{ userId: 'expert-2' }], actor: OFFICE })).toMatchObject({
      type: FailureType.InvalidRequest,
      message: expect.stringContaining('expert-2'),
    });
    expect(panel.refuseAssignment({ experts: [{ userId: 'x' }, { userId: 'x' }], actor: OFFICE })?.message).toMatch(/named twice/);
    expect(panel.refuseAssignment({ experts: [], actor: OFFICE })?.message).toMatch(/at least one/);
    expect(panel.refuseAssignment({ experts: [{ userId: 'expert-9' }], actor: OFFICE })).toBeNull();
  });

  it('drops the highest and lowest of five or more experts and averages the rest, in hundredths', () => {
    const panel = seated(5);
    [80, 85, 90, 70, 95].forEach((mark, i) => panel.score(expert(i + 1), both(mark), CLAIMED, AT));
    expect(panel.isComplete()).toBe(true);
    expect(panel.result()).toEqual({ scoreCenti: 8500, counted: 3, dropped: 2 });
  });

  it('is not complete while a seated expert has yet to score; a conflicted expert leaves the count', () => {
    const panel = seated(6);
    [80, 85, 90, 70, 95].forEach((mark, i) => panel.score(expert(i + 1), both(mark), CLAIMED, AT));
    expect(panel.isComplete()).toBe(false);
    expect(panel.refuseConflict(expert(6), '  ')).toMatchObject({ type: FailureType.InvalidRequest });
    panel.declareConflict(expert(6), ' 曾与候选人同一班组 ', AT);
    expect(panel.seats[5]).toMatchObject({ status: 'conflict', reason: '曾与候选人同一班组' });
    expect(panel.isComplete()).toBe(true);
  });

  it('takes scores once, from a seated expert, for exactly the conditions claimed, whole numbers 0-100', () => {
    const panel = seated(5);
    expect(panel.refuseScores({ userId: 'stranger', role: 'expert' }, both(80), CLAIMED)).toMatchObject({ type: FailureType.WrongRole });
    expect(panel.refuseScores(expert(1), { ...both(80), craft_specialty: 70 }, CLAIMED)?.message).toMatch(/claims no craft_specialty/);
    expect(panel.refuseScores(expert(1), { superb_skill: 80 }, CLAIMED)?.message).toMatch(/scores.leading_role must be a whole number/);
    expect(panel.refuseScores(expert(1), both(100.5), CLAIMED)?.message).toMatch(/whole number from 0 to 100/);
    expect(panel.refuseScores(expert(1), both(-1), CLAIMED)).not.toBeNull();
    expect(panel.refuseScores(expert(1), both(100), CLAIMED)).toBeNull();
    panel.score(expert(1), both(100), CLAIMED, AT);
    expect(panel.refuseScores(expert(1), both(90), CLAIMED)).toMatchObject({ type: FailureType.NotAwaitingDecision, message: expect.stringMatching(/given once/) });
    expect(panel.refuseConflict(expert(1), 'late')).toMatchObject({ type: FailureType.NotAwaitingDecision });
  });

  it("scores one overall mark when the file claims no condition, and keeps each expert's mean", () => {
    const panel = seated(5);
    expect(panel.refuseScores(expert(1), { overall: 77 }, [])).toBeNull();
    panel.score(expert(1), { overall: 77 }, [], AT);
    panel.score(expert(2), { superb_skill: 90, leading_role: 81 }, CLAIMED, AT);
    const [first, second] = panel.seats as Array<PanelSeatState>;
    expect(first).toMatchObject({ scores: { overall: 77 }, averageCenti: 7700 });
    expect(second).toMatchObject({ averageCenti: 8550 });
  });

  it('shares its seats with the state it was given, so a query sees every change', () => {
    const seats: PanelSeatState[] = [];
    const panel = new ExpertPanel(seats, 5);
    panel.assign({ experts: [{ userId: 'expert-1' }], actor: OFFICE }, AT);
    expect(seats).toHaveLength(1);
  });
});
