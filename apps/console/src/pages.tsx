import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { Schemas } from './api/client';
import { Inbox } from './pages/Inbox';

export type Role = Schemas['DevTokenRequestDto']['role'];

export interface ConsolePage {
  /** The route (react-router syntax); its first segment is listed in CONSOLE_SEGMENTS. */
  path: string;
  component: ComponentType | LazyExoticComponent<ComponentType>;
  /** Shown in the header's menu under this name, to these roles ('all': every signed-in role). */
  menu?: { zh: string; en: string; roles: readonly Role[] | 'all' };
}

// Pages other than the inbox are loaded when first opened, which keeps the first load small.
export const page = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) => lazy(async () => ({ default: (await load())[name] }));

/** The signed-in console's pages, one entry each, in the menu's order. */
export const PAGES: ConsolePage[] = [
  { path: '/inbox', component: Inbox, menu: { zh: '待办', en: 'Inbox', roles: 'all' } },
  { path: '/files/:id', component: page(() => import('./pages/CandidateFile'), 'CandidateFile') },
  {
    path: '/money',
    component: page(() => import('./pages/Finance'), 'Finance'),
    menu: { zh: '财务', en: 'Finance', roles: ['finance', 'auditor', 'union_office', 'admin'] },
  },
  {
    path: '/auditing/search',
    component: page(() => import('./pages/AuditSearch'), 'AuditSearch'),
    menu: { zh: '审计查询', en: 'Audit search', roles: ['auditor', 'admin'] },
  },
  { path: '/auditing/cases/:id', component: page(() => import('./pages/AuditCase'), 'AuditCase') },
  {
    path: '/auditing/chain',
    component: page(() => import('./pages/AuditChain'), 'AuditChain'),
    menu: { zh: '审计链校验', en: 'Audit chain', roles: ['auditor', 'admin'] },
  },
  { path: '/scoring', component: page(() => import('./pages/Scoring'), 'ScoringList'), menu: { zh: '专家评分', en: 'Scoring', roles: ['expert'] } },
  { path: '/scoring/:id', component: page(() => import('./pages/Scoring'), 'Scoring') },
  { path: '/visits', component: page(() => import('./pages/Visit'), 'VisitList'), menu: { zh: '人选考察', en: 'Inspection', roles: ['inspector'] } },
  { path: '/visits/:id', component: page(() => import('./pages/Visit'), 'Visit') },
  {
    path: '/batches',
    component: page(() => import('./pages/Batches'), 'Batches'),
    menu: { zh: '考察批次', en: 'Inspection batches', roles: ['union_office', 'inspector'] },
  },
  {
    path: '/selection',
    component: page(() => import('./pages/RoundDashboard'), 'Rounds'),
    menu: { zh: '年度评选', en: 'Rounds', roles: ['union_office', 'leadership', 'government', 'auditor', 'admin'] },
  },
  {
    path: '/craftsmen',
    component: page(() => import('./pages/Masters'), 'Masters'),
    menu: { zh: '工匠与待遇', en: 'Masters', roles: ['union_office', 'government', 'auditor', 'admin'] },
  },
  {
    path: '/workshops',
    component: page(() => import('./pages/Studios'), 'Studios'),
    menu: { zh: '工匠工作室', en: 'Studios', roles: ['union_office', 'leadership', 'government', 'auditor', 'admin'] },
  },
  { path: '/selection/:id', component: page(() => import('./pages/RoundDashboard'), 'RoundPage') },
];
