// npm run deploy: builds the cloud functions and deploys them to CloudBase with their runtime,
// timeout, memory, variables and timer, then creates every collection and index that is missing
// (scripts/deploy/plan.ts). Running it again changes only the functions' code and settings.
// npm run deploy -- --dry-run prints the plan and touches nothing. docs/deployment.md.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { applyPlan, deployPlan, describePlan } from './deploy/plan';

const root = path.resolve(__dirname, '..');

async function main() {
  const plan = deployPlan(root, process.env);
  console.log(describePlan(plan));
  if (process.argv.includes('--dry-run')) return;
  const { managerTarget } = await import('./deploy/manager');
  const target = managerTarget(root, process.env);
  execFileSync(process.execPath, [path.join(root, 'scripts/build-functions.mjs')], { cwd: root, stdio: 'inherit' });
  const report = await applyPlan(plan, target, (line) => console.log(line));
  console.log(`\nDone: ${report.functions.length} functions, ${report.collectionsCreated.length} collections and ${report.indexesCreated.length} indexes created.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
