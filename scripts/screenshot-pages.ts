import type { DemoKnown, DemoMoment } from './demo-round';

/** One page photographed by `npm run screenshots`: where, as whom, when in the demo round, and what to wait for. */
export interface Shot {
  file: string;
  caption: string;
  moment: DemoMoment;
  path: (known: DemoKnown) => string;
  /** Signed in as this user; the public (on a phone) when absent. */
  who?: { role: string; sub: string; area?: string };
  /** Text that shows once the page has its data. */
  ready: string | RegExp;
}

const office = { role: 'union_office', sub: 'demo-office' };

/** The console's main pages, in the order the README shows them. */
export const SHOTS: Shot[] = [
  { file: 'sign-in.png', caption: '开发环境登录 · development sign-in', moment: 'voting', path: () => '/sign-in', ready: '开发环境登录' },
  {
    file: 'vote-phone.png',
    caption: '网络投票（手机） · the public vote on a phone',
    moment: 'voting',
    path: (k) => `/vote/${k.roundId}`,
    ready: '网络投票',
  },
  {
    file: 'round-dashboard.png',
    caption: '年度评选 · the round dashboard during the leadership group’s review',
    moment: 'leadership_review',
    path: (k) => `/selection/${k.roundId}`,
    who: office,
    ready: /年度评选/,
  },
  {
    file: 'formal-list.png',
    caption: '正式候选名单 · the leadership group’s formal list',
    moment: 'leadership_review',
    path: (k) => `/selection/${k.roundId}`,
    who: { role: 'leadership', sub: 'demo-leader' },
    ready: '正式候选名单（领导小组）',
  },
  {
    file: 'inbox.png',
    caption: '待办 · the leadership group’s inbox during its review',
    moment: 'leadership_review',
    path: () => '/inbox',
    who: { role: 'leadership', sub: 'demo-leader' },
    ready: '待办',
  },
  {
    file: 'notice-phone.png',
    caption: '社会公示（手机） · the public notice with the objection button',
    moment: 'objection',
    path: (k) => `/notice/${k.roundId}`,
    ready: '提出异议',
  },
  {
    file: 'candidate-file.png',
    caption: '人选档案 · a candidate’s file as the programme office sees it',
    moment: 'closed',
    path: (k) => `/files/${k.selected[0]}`,
    who: office,
    ready: '人选档案',
  },
  {
    file: 'finance.png',
    caption: '财务 · payment instructions (the bonuses of the new masters)',
    moment: 'closed',
    path: () => '/money?status=all',
    who: { role: 'finance', sub: 'demo-finance' },
    ready: '财务 · 付款指令',
  },
  {
    file: 'masters.png',
    caption: '工匠与待遇 · the new masters and their benefits',
    moment: 'closed',
    path: () => '/craftsmen',
    who: office,
    ready: '工匠与待遇',
  },
  {
    file: 'audit-timeline.png',
    caption: '案件时间线 · a case’s merged timeline for the auditor',
    moment: 'closed',
    path: (k) => `/auditing/cases/${k.selected[0]}`,
    who: { role: 'auditor', sub: 'demo-auditor' },
    ready: '案件时间线',
  },
  {
    file: 'audit-chain.png',
    caption: '审计链校验 · the audit chain’s digest and verification',
    moment: 'closed',
    path: () => '/auditing/chain',
    who: { role: 'auditor', sub: 'demo-auditor' },
    ready: '审计链校验',
  },
  { file: 'register-phone.png', caption: '工匠大师名录（手机） · the public register of masters', moment: 'closed', path: () => '/register', ready: '名录' },
];
