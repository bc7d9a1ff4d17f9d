import { BadRequestException, ConflictException } from '@nestjs/common';
import { RECUSED_ON_CONFIRMATION, RECUSED_SAME_EMPLOYER, screenPanel } from '../../apps/api/src/candidates/panel-screening';
import type { PanelExpertDto } from '../../apps/api/src/candidates/panel.dto';

/** Seating a panel: the same employer is recused, a near match is never seated or recused without the office saying so. */
const CANDIDATE_EMPLOYER = '温州金鹰鞋业有限公司';

const expert = (userId: string, employer: string, nearMatch?: PanelExpertDto['nearMatch']): PanelExpertDto => ({ userId, employer, ...(nearMatch && { nearMatch }) });

function refusal(run: () => unknown): { status: number; body: Record<string, any> } {
  try {
    run();
  } catch (err) {
    if (err instanceof BadRequestException || err instanceof ConflictException) return { status: err.getStatus(), body: err.getResponse() as Record<string, any> };
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('screenPanel', () => {
  it('seats unrelated experts as they are and records nothing', () => {
    expect(screenPanel(CANDIDATE_EMPLOYER, [expert('e1', '温州大学'), expert('e2', '温州金鹿鞋业有限公司')])).toEqual({
      experts: [{ userId: 'e1' }, { userId: 'e2' }],
      checks: [],
    });
  });

  it('recuses an expert of the same employer written another way, and records it as automatic', () => {
    const { experts, checks } = screenPanel(CANDIDATE_EMPLOYER, [expert('e1', '金鹰鞋业'), expert('e2', '温州大学')]);
    expect(experts).toEqual([{ userId: 'e1', recusedBecause: RECUSED_SAME_EMPLOYER }, { userId: 'e2' }]);
    expect(checks).toEqual([
      expect.objectContaining({
        expertUserId: 'e1',
        expertEmployer: '金鹰鞋业',
        candidateEmployer: CANDIDATE_EMPLOYER,
        match: 'same',
        outcome: 'recused',
        automatic: true,
        note: null,
      }),
    ]);
  });

  it('seats nobody while a near match is unconfirmed: a 409 lists each such expert with the field to fill', () => {
    const res = refusal(() => screenPanel(CANDIDATE_EMPLOYER, [expert('e1', '温州大学'), expert('e2', '金鹰眼镜有限公司'), expert('e3', '金鹰')]));
    expect(res.status).toBe(409);
    expect(res.body.nearMatches).toEqual([
      expect.objectContaining({
        field: 'experts.1.nearMatch',
        userId: 'e2',
        employer: '金鹰眼镜有限公司',
        candidateEmployer: CANDIDATE_EMPLOYER,
        why: expect.stringContaining('金鹰'),
      }),
      expect.objectContaining({ field: 'experts.2.nearMatch', userId: 'e3', employer: '金鹰', why: expect.stringContaining('contains') }),
    ]);
    expect(res.body.message).toContain('experts.1 e2 "金鹰眼镜有限公司"');
    expect(res.body.message).toContain('nobody was seated');
  });

  it('recuses or keeps each near match as confirmed, with the note kept for the audit', () => {
    const { experts, checks } = screenPanel(CANDIDATE_EMPLOYER, [
      expert('e1', '金鹰眼镜有限公司', { decision: 'keep', note: '眼镜公司与鞋业公司无隶属关系' }),
      expert('e2', '金鹰', { decision: 'recuse', note: '无法确认，按回避处理' }),
    ]);
    expect(experts).toEqual([{ userId: 'e1' }, { userId: 'e2', recusedBecause: RECUSED_ON_CONFIRMATION }]);
    expect(checks).toEqual([
      expect.objectContaining({ expertUserId: 'e1', match: 'near', outcome: 'kept', automatic: false, note: '眼镜公司与鞋业公司无隶属关系' }),
      expect.objectContaining({ expertUserId: 'e2', match: 'near', outcome: 'recused', automatic: false, note: '无法确认，按回避处理' }),
    ]);
  });

  it('refuses (400) a confirmation where there is nothing to confirm: the same employer cannot be kept, an unrelated one needs none', () => {
    const res = refusal(() =>
      screenPanel(CANDIDATE_EMPLOYER, [
        expert('e1', '温州金鹰鞋业', { decision: 'keep', note: '同名而已' }),
        expert('e2', '温州大学', { decision: 'recuse', note: '以防万一' }),
      ]),
    );
    expect(res.status).toBe(400);
    expect(res.body.fields).toEqual([
      { field: 'experts.0.nearMatch', reason: expect.stringContaining('recused automatically') },
      { field: 'experts.1.nearMatch', reason: expect.stringContaining('does not resemble') },
    ]);
  });
});
