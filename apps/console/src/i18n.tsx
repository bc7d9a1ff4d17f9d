import { createContext, useContext } from 'react';
// The Chinese names are the API's own (the labels its exports and documents print), so both say the same.
import {
  AREA_LABELS,
  ATTACHMENT_KIND_LABELS,
  CHANNEL_LABELS,
  CONDITION_LABELS,
  INDUSTRY_LABELS,
  PRECHECK_LABELS,
  SEX_LABELS,
  SKILL_LEVEL_LABELS,
  STAGE_LABELS,
  STATUS_LABELS,
} from '../../api/src/candidates/candidate-labels';

/** The console's own words, 简体中文 first; antd's own (pagination, dialogs) come from its locale. */
const zh = {
  appName: '瓯海百名工匠 · 工作台',
  signIn: '登录',
  signOut: '退出',
  devSignIn: '开发环境登录',
  devSignInHint: '本地签发令牌，仅用于开发与测试环境。',
  role: '角色',
  userId: '用户标识',
  area: '所属镇街',
  areaHint: '镇街总工会等按地区审核的角色需要填写，如 louqiao',
  inbox: '待办',
  inboxEmpty: '暂无待办事项',
  name: '姓名',
  stage: '阶段',
  status: '状态',
  dueAt: '截止时间',
  action: '待办事项',
  overdue: '已逾期',
  onTime: '未逾期',
  open: '查看',
  file: '人选档案',
  back: '返回待办',
  basics: '基本信息',
  form: '申报表',
  decisions: '已作决定',
  noDecisions: '尚无决定',
  decide: '作出决定',
  outcome: '决定',
  reason: '理由',
  reasonRequired: '请填写理由',
  missing: '缺少的材料（退回时，每行一项）',
  submit: '提交',
  cancel: '取消',
  decided: '决定已提交',
  refused: '决定未被接受',
  actor: '决定人',
  at: '时间',
  channel: '推荐渠道',
  employer: '工作单位',
  industry: '行业',
  trade: '工种',
  idNumber: '身份证号',
  mobile: '手机号',
  homeAddress: '家庭住址',
  loadFailed: '加载失败',
  language: 'English',
  menu: '菜单',
  oidcSignIn: '统一身份认证登录',
  oidcHint: '将转到单位统一身份认证平台登录，完成后自动返回工作台。',
  signInNotConfigured: '工作台登录尚未配置：请管理员设置 OIDC_CONSOLE_CLIENT_ID。',
  signingIn: '正在登录…',
  signInFailed: '登录未成功',
  signInStale: '登录请求已失效或不是从本页面发起，请重新登录',
  signInAgain: '重新登录',
} as const;

export type Words = Record<keyof typeof zh, string>;

const en: Words = {
  appName: 'Ouhai Master Craftsmen · Console',
  signIn: 'Sign in',
  signOut: 'Sign out',
  devSignIn: 'Development sign-in',
  devSignInHint: 'Tokens of the local issuer: development and test only.',
  role: 'Role',
  userId: 'User id',
  area: 'Sub-district',
  areaHint: 'Needed by area-scoped roles such as the sub-district union, e.g. louqiao',
  inbox: 'Inbox',
  inboxEmpty: 'Nothing waits on you',
  name: 'Name',
  stage: 'Stage',
  status: 'Status',
  dueAt: 'Due',
  action: 'To do',
  overdue: 'Overdue',
  onTime: 'On time',
  open: 'Open',
  file: "Candidate's file",
  back: 'Back to inbox',
  basics: 'Basics',
  form: 'Application form',
  decisions: 'Decisions so far',
  noDecisions: 'No decisions yet',
  decide: 'Decide',
  outcome: 'Decision',
  reason: 'Reason',
  reasonRequired: 'A reason is required',
  missing: 'Missing materials (for a return, one per line)',
  submit: 'Submit',
  cancel: 'Cancel',
  decided: 'Decision recorded',
  refused: 'The decision was refused',
  actor: 'By',
  at: 'At',
  channel: 'Channel',
  employer: 'Employer',
  industry: 'Industry',
  trade: 'Trade',
  idNumber: 'ID number',
  mobile: 'Mobile',
  homeAddress: 'Home address',
  loadFailed: 'Could not load',
  language: '中文',
  menu: 'Menu',
  oidcSignIn: 'Sign in with the identity provider',
  oidcHint: "You will sign in at the organisation's identity provider and come back here.",
  signInNotConfigured: 'Console sign-in is not configured: the administrator sets OIDC_CONSOLE_CLIENT_ID.',
  signingIn: 'Signing in…',
  signInFailed: 'Sign-in failed',
  signInStale: 'This sign-in has expired or was not started from this page; sign in again',
  signInAgain: 'Sign in again',
};

/** Enumerations by their Chinese (or English) names. */
const names = {
  zh: {
    stage: STAGE_LABELS,
    role: {
      union_office: '区总工会（项目办）',
      street_union: '镇街总工会',
      inspector: '考察组',
      expert: '评审专家',
      leadership: '领导小组',
      government: '区政府',
      finance: '财务',
      auditor: '审计',
      admin: '系统管理员',
      nominator: '推荐单位',
    },
    outcome: { approve: '通过', reject: '不通过', return: '退回补充' },
    status: STATUS_LABELS,
    channel: CHANNEL_LABELS,
    industry: INDUSTRY_LABELS,
    area: AREA_LABELS,
    sex: SEX_LABELS,
    skillLevel: SKILL_LEVEL_LABELS,
    // 'overall': the one score of a form that claims no condition.
    condition: { ...CONDITION_LABELS, overall: '综合评分' },
    precheck: PRECHECK_LABELS,
    attachmentKind: ATTACHMENT_KIND_LABELS,
    seat: { assigned: '待评分', recused: '已回避', conflict: '利益冲突', scored: '已评分' },
    // A file's outcome on the round's re-review list ('pending': none yet), and an objection's status.
    entryOutcome: {
      pending: '待定',
      selected: '列入正式候选名单',
      left_out: '未列入正式候选名单',
      disqualified: '取消资格',
      approved: '区政府审定通过',
      not_approved: '未获区政府审定',
      commended: '已表彰',
      withdrawn: '已撤回',
    },
    objection: { open: '待处理', upheld: '异议成立', dismissed: '异议不成立' },
  },
  en: {
    stage: {
      endorsement: 'Endorsement',
      qualification: 'Qualification',
      inspection: 'Inspection',
      expert_review: 'Expert review',
      voting: 'Public vote',
      leadership: 'Leadership group',
      public_notice: 'Public notice',
      government_approval: 'Government approval',
      commendation: 'Commendation',
      payments: 'Payments',
      closed: 'Closed',
    },
    role: {
      union_office: 'Programme office',
      street_union: 'Sub-district union',
      inspector: 'Inspector',
      expert: 'Expert',
      leadership: 'Leadership group',
      government: 'District government',
      finance: 'Finance',
      auditor: 'Auditor',
      admin: 'Administrator',
      nominator: 'Nominator',
    },
    outcome: { approve: 'Approve', reject: 'Reject', return: 'Return' },
    status: {
      awaiting_decision: 'Awaiting decision',
      returned: 'Returned',
      awaiting_panel: 'Awaiting panel',
      scoring: 'Scoring',
      rejected: 'Rejected',
      withdrawn: 'Withdrawn',
      completed: 'Completed',
    },
    channel: { organisational: 'Organisational', association: 'Association', self: 'Self', competition: 'Competition', imported: 'Imported' },
    industry: {},
    area: {},
    sex: { male: 'Male', female: 'Female' },
    skillLevel: {},
    condition: {
      craft_specialty: 'Craft specialty',
      superb_skill: 'Superb skill',
      leading_role: 'Leading role',
      outstanding_contribution: 'Outstanding contribution',
      overall: 'Overall',
    },
    precheck: {},
    attachmentKind: {},
    seat: { assigned: 'Assigned', recused: 'Recused', conflict: 'Conflict of interest', scored: 'Scored' },
    entryOutcome: {
      pending: 'Pending',
      selected: 'On the formal list',
      left_out: 'Left out',
      disqualified: 'Disqualified',
      approved: 'Approved',
      not_approved: 'Not approved',
      commended: 'Commended',
      withdrawn: 'Withdrawn',
    },
    objection: { open: 'Open', upheld: 'Upheld', dismissed: 'Dismissed' },
  },
};

export type Lang = 'zh' | 'en';
type Kind = keyof (typeof names)['zh'];

export interface I18n {
  lang: Lang;
  t: Words;
  /** An enumeration's name; the value itself when the dictionary does not know it. */
  name: (kind: Kind, value: string | null | undefined) => string;
  setLang: (lang: Lang) => void;
}

export function i18n(lang: Lang, setLang: (lang: Lang) => void): I18n {
  const dict = names[lang] as Record<Kind, Record<string, string | undefined>>;
  return { lang, t: lang === 'zh' ? zh : en, name: (kind, value) => (value ? (dict[kind][value] ?? value) : '—'), setLang };
}

export const I18nContext = createContext<I18n>(i18n('zh', () => undefined));
export const useI18n = () => useContext(I18nContext);

/**
 * A page's own words, 简体中文 and English, kept beside the page (pages/*.words.ts) rather than here,
 * so each page brings its vocabulary with it. English must name every key Chinese has.
 */
export function useWords<T extends Record<string, string>>(words: { zh: T; en: Record<keyof T, string> }): Record<keyof T, string> {
  return useI18n().lang === 'zh' ? words.zh : words.en;
}
