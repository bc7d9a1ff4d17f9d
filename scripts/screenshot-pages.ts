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
  { file: 'sign-in.png', caption: '开发环境登录 · development sign-in', moment: 'voting', path: () => '/sign-in', who: undefined, ready: '开发环境登录' },
  {
    file: 'inbox.png',
    caption: '待办 · the leadership group’s inbox during its review',
    moment: 'leadership_review',
    path: () => '/inbox',
    who: { role: 'leadership', sub: 'demo-leader' },
    ready: '待办',
  },
  {
    file: 'candidate-file.png',
    caption: '人选档案 · a candidate’s file as the programme office sees it',
    moment: 'closed',
    path: (k) => `/files/${k.selected[0]}`,
    who: office,
    ready: '人选档案',
  },
];
