/**
 * Every refusal the API answers carries a stable `code` beside its English `message`: clients (the
 * web console) show the text for the code in the reader's language and keep the message as detail.
 * A code never changes meaning once published; add new ones instead. No framework imports: the
 * console reads this file too.
 */
export const REFUSALS = {
  // By status, when nothing more precise applies.
  invalid_request: { status: 400, zh: '提交的内容有误，请按提示修改标出的项目', en: 'Some of what was sent is not valid; correct the fields named' },
  unauthenticated: { status: 401, zh: '登录已失效或未登录，请重新登录', en: 'Not signed in, or the sign-in has expired; sign in again' },
  forbidden: { status: 403, zh: '您的角色或所辖范围无权进行此操作', en: 'Your role or scope does not allow this' },
  not_found: { status: 404, zh: '未找到要查看或办理的对象', en: 'Not found' },
  conflict: { status: 409, zh: '当前状态不允许此操作，请刷新后查看最新情况', en: 'Not possible in the present state; reload to see it' },
  payload_too_large: { status: 413, zh: '提交的内容过大', en: 'What was sent is too large' },
  unprocessable: { status: 422, zh: '内容不符合规则，无法办理', en: 'Breaks a rule, so it cannot be done' },
  rate_limited: { status: 429, zh: '操作过于频繁，请稍后再试', en: 'Too many requests; try again shortly' },
  upstream_failed: {
    status: 502,
    zh: '外部服务（如微信）暂时没有给出有效答复，请稍后再试',
    en: 'An outside service (e.g. WeChat) gave no usable answer; try again shortly',
  },
  internal: { status: 500, zh: '系统内部错误，请稍后再试或联系管理员', en: 'Internal error; try again later or ask the administrator' },
  unavailable: {
    status: 503,
    zh: '流程引擎暂时没有响应：请稍后刷新档案查看操作是否已生效，再决定是否重试',
    en: 'The workflow engine did not answer in time; check the file before trying again',
  },
  // The candidate file's and the round's workflows (libs/contract FailureType).
  wrong_role: { status: 403, zh: '此环节不由您的角色办理', en: 'This stage is not decided by your role' },
  wrong_stage: { status: 409, zh: '该档案已不在此环节（可能已由他人办理），请刷新后查看', en: 'The file is no longer at this stage (someone may have decided it)' },
  not_awaiting_decision: { status: 409, zh: '该档案当前不在等待决定的状态（如已退回补充材料）', en: 'The file is not awaiting a decision (e.g. it was returned)' },
  candidate_closed: { status: 409, zh: '该档案已结束（未通过、已撤回或已办结），不能再作决定', en: 'The file is closed; no decision can be taken' },
  wrong_phase: { status: 409, zh: '评选年度当前所处阶段不允许此操作', en: 'The round is not in the phase this needs' },
  list_rule: { status: 422, zh: '名单不符合规则（如超出名额，或未逐一说明未入选理由）', en: 'The list breaks a rule (over the quota, or a reason missing)' },
  // Public online voting.
  vote_duplicate: { status: 409, zh: '今天已为这位候选人投过票，每位候选人每天限投一票', en: 'Already voted for this candidate today; one vote per candidate a day' },
  vote_daily_limit: { status: 429, zh: '今天投票的候选人已达上限，明天 0 点后可继续投票', en: 'The most candidates a day already voted for; more from midnight' },
  vote_not_votable: { status: 422, zh: '该候选人不在本年度投票名单中，或已不能接受投票', en: 'This candidate is not on the voting list, or can no longer be voted for' },
  voting_closed: { status: 403, zh: '投票尚未开始或已经结束', en: 'Voting is not open' },
  // Finance.
  four_eyes: {
    status: 403,
    zh: '四眼原则：审核通过该笔款项的财务人员不能同时登记付款，须由另一名财务人员确认',
    en: 'Four eyes: the clerk who approved a payment may not also record it; another finance clerk must',
  },
} as const;

export type RefusalCode = keyof typeof REFUSALS;

export const isRefusalCode = (code: unknown): code is RefusalCode => typeof code === 'string' && Object.hasOwn(REFUSALS, code);

/** The code for a status when the refusal names none. */
export function codeForStatus(status: number): RefusalCode {
  const found = (Object.keys(REFUSALS) as RefusalCode[]).find((code) => REFUSALS[code].status === status);
  if (found) return found;
  return status >= 500 ? 'internal' : 'invalid_request';
}
