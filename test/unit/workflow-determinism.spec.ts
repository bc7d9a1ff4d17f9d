import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/**
 * Workflow code is replayed and must be deterministic: the workflow bundle may only reach the
 * Temporal workflow SDK and the shared contract, and the contract itself may only reach the
 * Temporal SDK's workflow-safe packages and its own files.
 */
const ROOT = resolve(__dirname, '../..');
const WORKFLOWS = join(ROOT, 'workflows');
const CONTRACT = join(ROOT, 'libs', 'contract');

interface ImportRef {
  specifier: string;
  typeOnly: boolean;
  statement: string;
}

const NAMED = String.raw`\{[^}]*\}`;
const STAR = String.raw`\*(?:\s+as\s+[\w$]+)?`;
const DEFAULT = String.raw`[\w$]+`;
const IMPORT_CLAUSE = `(?:${DEFAULT}(?:\\s*,\\s*(?:${NAMED}|${STAR}))?|${NAMED}|${STAR})`;
const PATTERNS: RegExp[] = [
  new RegExp(String.raw`\bimport\s+(type\s+)?(${IMPORT_CLAUSE})\s*from\s*(['"])(.+?)\3`, 'g'),
  new RegExp(String.raw`\bexport\s+(type\s+)?(${NAMED}|${STAR})\s*from\s*(['"])(.+?)\3`, 'g'),
];
const SIDE_EFFECT = /\bimport\s*(['"])(.+?)\1/g;
const DYNAMIC = /\b(?:require|import)\s*\(\s*(['"`])(.+?)\1\s*\)/g;

/** All import, re-export, require and dynamic-import specifiers of a TypeScript source. */
function importsOf(source: string): ImportRef[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  const refs: ImportRef[] = [];
  for (const re of PATTERNS) {
    for (const m of code.matchAll(re)) {
      const clause = m[2].trim();
      // `import { type A, type B } from 'x'` is erased entirely, like `import type`.
      const named = clause.startsWith('{') ? clause.slice(1, -1).split(',').map((s) => s.trim()).filter(Boolean) : null;
      const allTypeNamed = named !== null && named.length > 0 && named.every((s) => s.startsWith('type '));
      refs.push({ specifier: m[4], typeOnly: Boolean(m[1]) || allTypeNamed, statement: m[0] });
    }
  }
  for (const m of code.matchAll(SIDE_EFFECT)) refs.push({ specifier: m[2], typeOnly: false, statement: m[0] });
  for (const m of code.matchAll(DYNAMIC)) refs.push({ specifier: m[2], typeOnly: false, statement: m[0] });
  return refs;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|js|mjs|cjs)$/.test(name) && !/\.(spec|test)\.ts$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

const inside = (path: string, dir: string) => path === dir || path.startsWith(dir + sep);
const isRelative = (s: string) => s.startsWith('./') || s.startsWith('../');

/** Problems with a workflow file's imports, or [] if it stays within the deterministic sandbox. */
function workflowViolations(file: string, source: string): string[] {
  return importsOf(source)
    .filter(({ specifier, typeOnly }) => {
      if (typeOnly) return false;
      if (specifier === '@temporalio/workflow') return false;
      if (isRelative(specifier)) {
        const target = resolve(dirname(file), specifier);
        return !(inside(target, WORKFLOWS) || inside(target, CONTRACT));
      }
      return true;
    })
    .map((r) => `${relative(ROOT, file)}: ${r.statement.replace(/\s+/g, ' ')}`);
}

/** Problems with a contract file's imports, or [] if it is safe to load inside a workflow. */
function contractViolations(file: string, source: string): string[] {
  return importsOf(source)
    .filter(({ specifier }) => {
      if (specifier === '@temporalio/workflow' || specifier === '@temporalio/common') return false;
      if (isRelative(specifier)) return !inside(resolve(dirname(file), specifier), CONTRACT);
      return true;
    })
    .map((r) => `${relative(ROOT, file)}: ${r.statement.replace(/\s+/g, ' ')}`);
}

describe('import parser', () => {
  it('finds single-line, multi-line, type-only, re-export, side-effect, require and dynamic imports', () => {
    const src = [
      "import { a } from './a';",
      'import {',
      '  b,',
      '  type C,',
      "} from '@temporalio/workflow';",
      "import type { D } from '../activities/d';",
      "import { type E, type F } from './ef';",
      "import * as g from 'g';",
      "import h, { i } from 'hi';",
      "export { j } from './j';",
      "export * from './k';",
      "import 'side-effect';",
      "const l = require('l');",
      "const m = await import('m');",
      "// import { commented } from 'commented-out';",
      "/* import { blocked } from 'block-comment'; */",
    ].join('\n');
    expect(importsOf(src).map((r) => [r.specifier, r.typeOnly]).sort()).toEqual(
      [
        ['./a', false],
        ['@temporalio/workflow', false],
        ['../activities/d', true],
        ['./ef', true],
        ['g', false],
        ['hi', false],
        ['./j', false],
        ['./k', false],
        ['side-effect', false],
        ['l', false],
        ['m', false],
      ].sort(),
    );
  });

  it('flags workflow imports that would break determinism', () => {
    const file = join(WORKFLOWS, 'bad.workflow.ts');
    const src = [
      "import { randomUUID } from 'node:crypto';",
      "import { PaymentTaskStore } from '../libs/db';",
      "import { loadConfig } from '../libs/config';",
      "import { pay } from '../activities/payment.activities';",
      "import type { PaymentActivities } from '../activities/payment.activities';",
      "import { proxyActivities } from '@temporalio/workflow';",
      "import { STAGES } from '../libs/contract';",
      "import { yuan } from '../libs/contract/money';",
      "import { helper } from './helper';",
    ].join('\n');
    expect(workflowViolations(file, src)).toEqual([
      "workflows/bad.workflow.ts: import { randomUUID } from 'node:crypto'",
      "workflows/bad.workflow.ts: import { PaymentTaskStore } from '../libs/db'",
      "workflows/bad.workflow.ts: import { loadConfig } from '../libs/config'",
      "workflows/bad.workflow.ts: import { pay } from '../activities/payment.activities'",
    ]);
  });

  it('flags contract imports outside the contract and the Temporal SDK', () => {
    const file = join(CONTRACT, 'bad.ts');
    const src = [
      "import { Injectable } from '@nestjs/common';",
      "import { idNumberProblem } from '../domain/id-number';",
      "import type { AppConfig } from '../config/config';",
      "import { msToNumber } from '@temporalio/common/lib/time';",
      "import { defineQuery } from '@temporalio/workflow';",
      "import { defineSearchAttributeKey } from '@temporalio/common';",
      "import type { Role } from './roles';",
    ].join('\n');
    expect(contractViolations(file, src)).toHaveLength(4);
  });
});

describe('workflow determinism', () => {
  const workflowFiles = sourceFiles(WORKFLOWS);
  const contractFiles = sourceFiles(CONTRACT);

  it('finds the workflow and contract sources (the checks below are not vacuous)', () => {
    expect(workflowFiles.map((f) => relative(ROOT, f))).toContain(join('workflows', 'candidate-file', 'workflow.ts'));
    expect(contractFiles.map((f) => relative(ROOT, f))).toEqual(expect.arrayContaining([join('libs', 'contract', 'index.ts'), join('libs', 'contract', 'candidate', 'messages.ts')]));
    const wf = importsOf(readFileSync(join(WORKFLOWS, 'candidate-file', 'workflow.ts'), 'utf8')).map((r) => r.specifier);
    expect(wf).toEqual(expect.arrayContaining(['@temporalio/workflow', '../../libs/contract']));
  });

  it("lets workflow files import only '@temporalio/workflow', the shared contract, other workflow files, or types", () => {
    expect(workflowFiles.flatMap((f) => workflowViolations(f, readFileSync(f, 'utf8')))).toEqual([]);
  });

  it("lets contract files import only '@temporalio/workflow', '@temporalio/common' or each other", () => {
    expect(contractFiles.flatMap((f) => contractViolations(f, readFileSync(f, 'utf8')))).toEqual([]);
  });
});
