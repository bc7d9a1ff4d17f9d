// ESLint for the whole tree: @eslint/js and typescript-eslint (type-aware, for the promise rules),
// Prettier owns the layout. The import rules below keep workflow code replayable.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import prettier from 'eslint-config-prettier/flat';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

const REPLAY = 'Workflow code is replayed from its history and must decide the same way every time (replay determinism).';

// Things a workflow may not reach, each with the reason. Regexes, so the catch-all below can exclude them
// and an import is reported once.
const WORKFLOW_BANS = [
  { regex: '^@nestjs/', message: `${REPLAY} Nest (dependency injection, HTTP, I/O) belongs in the API or the worker; call it from an activity.` },
  { regex: '^(typeorm|pg|pg-[^/]+)(/|$)', message: `${REPLAY} The database is reached only from activities (libs/db), never from a workflow.` },
  {
    regex: `^(node:|(${builtinModules.join('|')})(/|$))`,
    message: `${REPLAY} Node built-ins (fs, crypto, path, os, …) do I/O or give different answers on replay; use an activity, or Temporal's deterministic Date and Math.random.`,
  },
  { regex: '^reflect-metadata$', message: `${REPLAY} reflect-metadata patches globals for Nest; workflows have no decorators or injection.` },
  {
    regex: '^@temporalio/(client|worker|activity|testing)(/|$)',
    message: `${REPLAY} Only '@temporalio/workflow' is meant for workflow code; the client, worker, activity and testing packages run outside the sandbox.`,
  },
  {
    regex: '^(\\.\\./)+activities(/|$)',
    allowTypeImports: true,
    message: `${REPLAY} Activities run outside the workflow; import only their types (\`import type\`) and call them through proxyActivities.`,
  },
];
// What a workflow may import: the workflow SDK, other workflow files, the shared contract (libs/contract);
// and the workflow files themselves from a replay variant under test/.
const WORKFLOW_ALLOWED = ['^@temporalio/workflow$', '^\\./', '^(\\.\\./)+(libs/contract|workflows)(/|$)'];
const WORKFLOW_MESSAGE = `${REPLAY} A workflow file may import only '@temporalio/workflow', other workflow files, the shared contract (libs/contract) and \`import type\` of activities.`;
const othersThan = (allowed) => ({
  regex: `^(?!${[...allowed, ...WORKFLOW_BANS.map((b) => b.regex)].map((r) => `(?:${r})`).join('|')})`,
  message: WORKFLOW_MESSAGE,
});
const WORKFLOW_OTHERS = othersThan(WORKFLOW_ALLOWED);
// A workflow type's folder (workflows/<type>/) may also reach the shared workflow files one level up.
const WORKFLOW_FOLDER_OTHERS = othersThan([...WORKFLOW_ALLOWED, '^\\.\\./[\\w-]+(/[\\w.-]+)?$']);

// The contract is loaded inside the workflow sandbox too, by the API and the worker as well:
// only the Temporal SDK's workflow-safe packages and its own files (its top level, and one folder per
// workflow: candidate/, payments/, round/, which may reach the shared files one level up).
const CONTRACT_MESSAGE = `${REPLAY} libs/contract is imported by workflows, so it may import only '@temporalio/workflow', '@temporalio/common' and its own files.`;
const CONTRACT_OTHERS = { regex: '^(?!(?:@temporalio/workflow|@temporalio/common)$|\\./)', message: CONTRACT_MESSAGE };
const CONTRACT_FOLDER_OTHERS = { regex: '^(?!(?:@temporalio/workflow|@temporalio/common)$|\\./|\\.\\./(?!\\.\\.))', message: CONTRACT_MESSAGE };

const NO_DYNAMIC_IMPORT = {
  selector: 'ImportExpression',
  message: `${REPLAY} Dynamic import() is not allowed in workflow code or the contract.`,
};

export default defineConfig(
  globalIgnores(['dist/', 'data/', '.tools/', 'node_modules/', 'coverage/', 'test/replay/histories/', 'apps/console/dist/', 'apps/console/src/api/schema.d.ts']),
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        // The probe files do not exist: test/unit/lint-rules.spec.ts lints snippets under these names.
        projectService: { allowDefaultProject: ['workflows/lint-probe.ts', 'libs/contract/lint-probe.ts', 'libs/lint-probe.ts'], defaultProject: 'tsconfig.json' },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // A promise nobody awaits loses its error and races shutdown (the Temporal samples' worker.run()).
      '@typescript-eslint/no-floating-promises': 'error',
      // The code reads `any` from HTTP bodies, raw SQL rows and JSON in a few places on purpose; these
      // rules would flag every use of such a value, which is noise here. `any` itself is allowed.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // Nest keys class-validator rules by constructor (`Function`).
      '@typescript-eslint/no-unsafe-function-type': 'off',
      // Stylistic: an assertion or a `Stage | string` parameter that documents intent harms nothing.
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
      '@typescript-eslint/no-redundant-type-constituents': 'off',
      // In-memory fakes implement async store interfaces without awaiting anything.
      '@typescript-eslint/require-await': 'off',
      // `const { content: _content, ...meta } = row` drops a field on purpose.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true, argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // A destructuring assignment that mixes an outer `let` with a new one cannot be const.
      'prefer-const': ['error', { destructuring: 'all' }],
      // Attachment names are matched against control and Latin-1 ranges (\u0000-…) on purpose; a
      // disable comment per line would not survive the Prettier reformat.
      'no-control-regex': 'off',
    },
  },
  {
    files: ['**/*.{js,cjs}'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly', __dirname: 'readonly', process: 'readonly' } },
  },
  { files: ['**/*.{js,mjs,cjs}'], extends: [tseslint.configs.disableTypeChecked] },
  {
    // The web console runs in the browser; its own tsconfig (JSX, DOM) types it.
    files: ['apps/console/**/*.{ts,tsx}'],
    languageOptions: {
      globals: { window: 'readonly', document: 'readonly', localStorage: 'readonly', sessionStorage: 'readonly', console: 'readonly' },
    },
  },
  {
    // The replay variant is bundled as workflow code too.
    files: ['workflows/*.ts', 'test/replay/variants/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [...WORKFLOW_BANS, WORKFLOW_OTHERS] }],
      'no-restricted-syntax': ['error', NO_DYNAMIC_IMPORT],
    },
  },
  {
    files: ['workflows/*/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [...WORKFLOW_BANS, WORKFLOW_FOLDER_OTHERS] }],
      'no-restricted-syntax': ['error', NO_DYNAMIC_IMPORT],
    },
  },
  {
    files: ['libs/contract/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [CONTRACT_OTHERS] }],
      'no-restricted-syntax': ['error', NO_DYNAMIC_IMPORT],
    },
  },
  {
    files: ['libs/contract/*/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [CONTRACT_FOLDER_OTHERS] }],
      'no-restricted-syntax': ['error', NO_DYNAMIC_IMPORT],
    },
  },
  prettier,
);
