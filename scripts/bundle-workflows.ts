import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { FAILURE_CONVERTER_PATH } from '../libs/temporal/encryption-codec';

/**
 * Prebuilds the workflow bundle at image build time (see Dockerfile), so the production worker
 * loads it through WORKFLOW_BUNDLE_PATH instead of running webpack at every boot.
 *
 *   node dist/scripts/bundle-workflows.js dist/workflow-bundle.js
 */
async function main(): Promise<void> {
  const out = process.argv[2];
  if (!out) throw new Error('usage: node dist/scripts/bundle-workflows.js <output file>');
  const { code } = await bundleWorkflowCode({ workflowsPath: require.resolve('../workflows'), failureConverterPath: FAILURE_CONVERTER_PATH });
  const target = resolve(out);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, code);
  console.log(`workflow bundle written to ${target} (${code.length} bytes)`);
}

main().catch((err) => {
  console.error((err as Error).message);
  process.exit(1);
});
