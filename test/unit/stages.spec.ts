import { CHANNELS, DECISION_STAGES, isDecisionStage, STAGES, stagesFor } from '../../libs/contract/stages';

const NOTICE_ORDER_WITHOUT_ENDORSEMENT = ['qualification', 'inspection', 'expert_review', 'voting', 'leadership', 'public_notice', 'government_approval', 'commendation'];

describe('stagesFor', () => {
  it('routes an organisational nomination through the sub-district union endorsement first', () => {
    expect(stagesFor('organisational')).toEqual(['endorsement', ...NOTICE_ORDER_WITHOUT_ENDORSEMENT]);
  });

  it.each([['association'], ['self'], ['competition']] as const)('skips endorsement for the %s channel', (channel) => {
    expect(stagesFor(channel)).toEqual(NOTICE_ORDER_WITHOUT_ENDORSEMENT);
  });

  it('gives endorsement to the organisational channel only', () => {
    expect(CHANNELS.filter((c) => stagesFor(c).includes('endorsement'))).toEqual(['organisational']);
  });

  it('keeps the order of the notice for every channel: public notice after leadership, approval before commendation', () => {
    for (const channel of CHANNELS) {
      const stages = stagesFor(channel);
      expect(stages.indexOf('leadership')).toBeLessThan(stages.indexOf('public_notice'));
      expect(stages.indexOf('public_notice')).toBeLessThan(stages.indexOf('government_approval'));
      expect(stages[stages.length - 1]).toBe('commendation');
      expect(stages.filter((s) => STAGES.includes(s))).toEqual(stages);
    }
  });

  it('returns a fresh list, so a caller cannot corrupt the programme stages', () => {
    const list = stagesFor('organisational');
    list.pop();
    expect(stagesFor('organisational')).toHaveLength(9);
    expect(STAGES).toHaveLength(9);
  });
});

describe('decision stages', () => {
  it('are every stage but the public notice', () => {
    expect(DECISION_STAGES).toEqual(STAGES.filter((s) => s !== 'public_notice'));
    expect(isDecisionStage('public_notice')).toBe(false);
    expect(isDecisionStage('payments')).toBe(false);
    expect(isDecisionStage('qualification')).toBe(true);
    expect(isDecisionStage(42)).toBe(false);
  });
});
