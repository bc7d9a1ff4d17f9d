import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Workflow code is replayed and must be deterministic, so ESLint (eslint.config.mjs) keeps workflow files
 * to '@temporalio/workflow', the shared contract, other workflow files and `import type` of activities,
 * and the contract to the workflow-safe Temporal packages and itself; and no promise may float anywhere.
 * These tests lint snippets with the repository's own configuration to show the rules are in force.
 */
const ROOT = resolve(__dirname, '../..');
// Names the configuration lets the project service type-check although no such file exists.
const WORKFLOW = 'workflows/lint-probe.ts';
const CONTRACT = 'libs/contract/lint-probe.ts';
const OTHER = 'libs/lint-probe.ts';
const RESTRICTED = '@typescript-eslint/no-restricted-imports';

interface Snippet {
  filePath: string;
  source: string;
}
interface Problem {
  ruleId: string | null;
  message: string;
  line: number;
}

/** Lints every snippet in one ESLint run (a child process: Jest cannot load the ESM configuration). */
function lint(snippets: Snippet[]): Problem[][] {
  const out = execFileSync(process.execPath, [join(ROOT, 'test/support/lint-snippets.mjs')], {
    cwd: ROOT,
    input: JSON.stringify(snippets),
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(out) as Problem[][];
}

const forbiddenInWorkflows: Array<[string, RegExp]> = [
  ["import { Injectable } from '@nestjs/common';\nexport const used = [Injectable];", /Nest/],
  ["import { readFileSync } from 'node:fs';\nexport const used = [readFileSync];", /Node built-ins/],
  ["import { randomUUID } from 'crypto';\nexport const used = [randomUUID];", /Node built-ins/],
  ["import * as path from 'path';\nexport const used = [path];", /Node built-ins/],
  ["import { DataSource } from 'typeorm';\nexport const used = [DataSource];", /database/],
  ["import { Pool } from 'pg';\nexport const used = [Pool];", /database/],
  ["import 'reflect-metadata';", /reflect-metadata/],
  ["import { Client } from '@temporalio/client';\nexport const used = [Client];", /client, worker, activity and testing/],
  ["import { Worker } from '@temporalio/worker';\nexport const used = [Worker];", /client, worker, activity and testing/],
  ["import { Context } from '@temporalio/activity';\nexport const used = [Context];", /client, worker, activity and testing/],
  ["import { createPaymentActivities } from '../activities/payment.activities';\nexport const used = [createPaymentActivities];", /import only their types/],
  ["import { createReviewActivities } from '../activities';\nexport const used = [createReviewActivities];", /import only their types/],
  ["import { PaymentTaskStore } from '../libs/db';\nexport const used = [PaymentTaskStore];", /may import only '@temporalio\/workflow'/],
  ["export { loadConfig } from '../libs/config';", /may import only '@temporalio\/workflow'/],
  ["import { defineSearchAttributeKey } from '@temporalio/common';\nexport const used = [defineSearchAttributeKey];", /may import only '@temporalio\/workflow'/],
];

const allowedInWorkflows = `
import { proxyActivities, sleep } from '@temporalio/workflow';
import type { PaymentActivities } from '../activities/payment.activities';
import { type ReviewActivities } from '../activities/review.activities';
import { STAGES, type Stage } from '../libs/contract';
import { yuan } from '../libs/contract/money';
import { awaitWithDeadlines } from './deadlines';

const payments = proxyActivities<PaymentActivities>({ startToCloseTimeout: '1 minute' });
const reviews = proxyActivities<ReviewActivities>({ startToCloseTimeout: '1 minute' });
export async function probeWorkflow(stage: Stage): Promise<number> {
  await sleep('1 day');
  void [payments, reviews, awaitWithDeadlines];
  return STAGES.indexOf(stage) * yuan(1);
}
`;

const forbiddenInContract = [
  "import { DataSource } from 'typeorm';\nexport const used = [DataSource];",
  "import { Injectable } from '@nestjs/common';\nexport const used = [Injectable];",
  "import { idNumberProblem } from '../domain/id-number';\nexport const used = [idNumberProblem];",
  "import type { AppConfig } from '../config/config';\nexport type Used = AppConfig;",
  "import { msToNumber } from '@temporalio/common/lib/time';\nexport const used = [msToNumber];",
];

const allowedInContract = `
import { defineQuery } from '@temporalio/workflow';
import { defineSearchAttributeKey } from '@temporalio/common';
import type { Role } from './roles';

export const probeQuery = defineQuery<Role>('probe');
export const PROBE_KEY = defineSearchAttributeKey('Probe', 'KEYWORD');
`;

const floating = `
async function save(): Promise<void> {}
export function handler(): void {
  save();
}
`;
const handled = `
async function save(): Promise<void> {}
export async function handler(): Promise<void> {
  await save();
  void save();
}
`;

/** The real workflow and contract files: each must be clean, and must be caught by one bad import. */
const sourcesIn = (dir: string) =>
  readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'))
    .map((f) => `${dir}/${f}`);
const realFiles = [...sourcesIn('workflows'), ...sourcesIn('test/replay/variants'), ...sourcesIn('libs/contract')];

describe('ESLint rules for replay determinism and promises', () => {
  const groups: Record<string, Snippet[]> = {
    forbiddenInWorkflows: forbiddenInWorkflows.map(([source]) => ({ filePath: WORKFLOW, source })),
    allowedInWorkflows: [{ filePath: WORKFLOW, source: allowedInWorkflows }],
    dynamicImport: [{ filePath: WORKFLOW, source: "export const load = () => import('node:fs');" }],
    forbiddenInContract: forbiddenInContract.map((source) => ({ filePath: CONTRACT, source })),
    allowedInContract: [{ filePath: CONTRACT, source: allowedInContract }],
    promises: [
      { filePath: OTHER, source: floating },
      { filePath: OTHER, source: handled },
    ],
    realFiles: realFiles.map((filePath) => ({ filePath, source: `${readFileSync(join(ROOT, filePath), 'utf8')}\nimport '@nestjs/common';\n` })),
  };
  const found: Record<string, Problem[][]> = {};

  beforeAll(() => {
    const names = Object.keys(groups);
    const results = lint(names.flatMap((name) => groups[name]));
    for (const name of names) found[name] = results.splice(0, groups[name].length);
  }, 120_000);

  it('reports each forbidden import in a workflow file once, saying why', () => {
    forbiddenInWorkflows.forEach(([source, reason], i) => {
      expect({ source, problems: found.forbiddenInWorkflows[i] }).toEqual({
        source,
        problems: [{ ruleId: RESTRICTED, line: 1, message: expect.stringMatching(/replay determinism/) }],
      });
      expect(found.forbiddenInWorkflows[i][0].message).toMatch(reason);
    });
  });

  it('lets a workflow file import the workflow SDK, the contract, other workflow files and activity types', () => {
    expect(found.allowedInWorkflows).toEqual([[]]);
  });

  it('reports a dynamic import in a workflow file', () => {
    expect(found.dynamicImport).toEqual([[expect.objectContaining({ ruleId: 'no-restricted-syntax', message: expect.stringMatching(/Dynamic import/) })]]);
  });

  it('reports a contract file that imports anything but the workflow-safe Temporal packages or its own files', () => {
    forbiddenInContract.forEach((source, i) => {
      expect({ source, problems: found.forbiddenInContract[i] }).toEqual({
        source,
        problems: [expect.objectContaining({ ruleId: RESTRICTED, message: expect.stringMatching(/libs\/contract/) })],
      });
    });
  });

  it('lets a contract file import @temporalio/workflow, @temporalio/common and its own files', () => {
    expect(found.allowedInContract).toEqual([[]]);
  });

  it('reports a floating promise and accepts an awaited or explicitly ignored one', () => {
    const [floatingProblems, handledProblems] = found.promises;
    expect(floatingProblems).toEqual([
      expect.objectContaining({ ruleId: '@typescript-eslint/no-floating-promises', line: floating.split('\n').indexOf('  save();') + 1 }),
    ]);
    expect(handledProblems).toEqual([]);
  });

  it('applies to every real workflow, replay-variant and contract file, which are otherwise clean', () => {
    expect(realFiles).toEqual(
      expect.arrayContaining([
        'workflows/candidate-file/workflow.ts',
        'workflows/legacy/candidate.workflow.ts',
        'test/replay/variants/reordered.workflow.ts',
        'libs/contract/round/messages.ts',
      ]),
    );
    realFiles.forEach((filePath, i) => {
      expect({ filePath, problems: found.realFiles[i] }).toEqual({
        filePath,
        problems: [expect.objectContaining({ ruleId: RESTRICTED, message: expect.stringMatching(/@nestjs\/common/) })],
      });
    });
  });
});
