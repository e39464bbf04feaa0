// What a deployment to CloudBase consists of, from the repository's own declarations: the functions
// of cloudbaserc.json (runtime, timeout, memory, timer) with the variables the deployer sets, every
// collection the store uses and every index of the one list (src/server/adapters/cloudbase/
// cloudbase.indexes.ts — the list the emulator holds and docs/cloudbase-indexes.md prints).
// docs/deployment.md explains the command.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { cloudBaseIndexes, type IndexDefinition } from '../../src/server/adapters/cloudbase/cloudbase.indexes';
import { CLOUD_COLLECTIONS } from '../../src/server/adapters/cloudbase/cloudbase.store';

export interface FunctionPlan {
  name: string;
  /** The folder uploaded (its index.js, built by npm run build:functions, and package.json). */
  dir: string;
  handler: string;
  runtime: string;
  timeoutSeconds: number;
  memoryMB: number;
  installDependency: boolean;
  variables: Record<string, string>;
  timers: { name: string; cron: string }[];
}

export interface DeployPlan {
  envId: string;
  functions: FunctionPlan[];
  collections: readonly string[];
  indexes: IndexDefinition[];
}

interface RcFunction {
  name: string;
  handler: string;
  runtime: string;
  timeout: number;
  memorySize: number;
  installDependency?: boolean;
  triggers?: { name: string; type: string; config: string }[];
}

/** The deployer's settings the functions read (REMINDER_*, SMS_*), passed on as set. The deployment's name is set up in the store (docs/papers.md). */
const VARIABLE = /^(REMINDER_[A-Z0-9_]+|SMS_[A-Z0-9_]+)$/;

export function deployPlan(root: string, env: NodeJS.ProcessEnv): DeployPlan {
  const rc = JSON.parse(readFileSync(path.join(root, 'cloudbaserc.json'), 'utf8')) as { functionRoot: string; functions: RcFunction[] };
  const variables = Object.fromEntries(Object.entries(env).filter(([k, v]) => VARIABLE.test(k) && v !== undefined && v !== '')) as Record<string, string>;
  return {
    envId: env.CLOUDBASE_ENV_ID ?? env.TCB_ENV_ID ?? '',
    functions: rc.functions.map((f) => ({
      name: f.name,
      dir: path.join(rc.functionRoot, f.name),
      handler: f.handler,
      runtime: f.runtime,
      timeoutSeconds: f.timeout,
      memoryMB: f.memorySize,
      installDependency: f.installDependency ?? true,
      variables,
      timers: (f.triggers ?? []).filter((t) => t.type === 'timer').map((t) => ({ name: t.name, cron: t.config })),
    })),
    collections: CLOUD_COLLECTIONS,
    indexes: cloudBaseIndexes(),
  };
}

/** The plan as people read it (npm run deploy -- --dry-run). */
export function describePlan(plan: DeployPlan): string {
  const lines = [`CloudBase environment: ${plan.envId || '(CLOUDBASE_ENV_ID not set)'}`, '', `Functions (${plan.functions.length}):`];
  for (const f of plan.functions) {
    lines.push(`  ${f.name}: ${f.runtime}, handler ${f.handler}, timeout ${f.timeoutSeconds} s, memory ${f.memoryMB} MB, from ${f.dir}${f.installDependency ? ', dependencies installed in the cloud' : ''}`);
    for (const t of f.timers) lines.push(`    timer ${t.name}: ${t.cron}`);
    const names = Object.keys(f.variables);
    lines.push(`    variables: ${names.length ? names.join(', ') : '(none set)'}`);
  }
  lines.push('', `Collections (${plan.collections.length}), each created if missing:`, `  ${plan.collections.join(', ')}`);
  lines.push('', `Indexes (${plan.indexes.length}), each created if missing:`);
  for (const i of plan.indexes) lines.push(`  ${i.collection}.${i.name}: ${i.keys.map((k) => `${k.field} ${k.direction === 1 ? 'asc' : 'desc'}`).join(', ')}${i.unique ? ' (unique)' : ''}`);
  return lines.join('\n');
}

/** What a deployment talks to: CloudBase's management API (manager-node), or a recording in tests. */
export interface DeployTarget {
  functionExists(name: string): Promise<boolean>;
  createFunction(f: FunctionPlan): Promise<void>;
  updateFunction(f: FunctionPlan): Promise<void>;
  collectionExists(name: string): Promise<boolean>;
  createCollection(name: string): Promise<void>;
  indexExists(collection: string, name: string): Promise<boolean>;
  createIndex(index: IndexDefinition): Promise<void>;
}

export interface DeployReport {
  functions: { name: string; action: 'created' | 'updated' }[];
  collectionsCreated: string[];
  indexesCreated: string[];
}

/** Applies the plan: functions created or updated, collections and indexes created only when missing. */
export async function applyPlan(plan: DeployPlan, target: DeployTarget, log: (line: string) => void = () => undefined): Promise<DeployReport> {
  const report: DeployReport = { functions: [], collectionsCreated: [], indexesCreated: [] };
  for (const f of plan.functions) {
    if (await target.functionExists(f.name)) {
      await target.updateFunction(f);
      report.functions.push({ name: f.name, action: 'updated' });
    } else {
      await target.createFunction(f);
      report.functions.push({ name: f.name, action: 'created' });
    }
    log(`function ${f.name}: ${report.functions[report.functions.length - 1]!.action}`);
  }
  for (const name of plan.collections) {
    if (await target.collectionExists(name)) continue;
    await target.createCollection(name);
    report.collectionsCreated.push(name);
    log(`collection ${name}: created`);
  }
  for (const index of plan.indexes) {
    if (await target.indexExists(index.collection, index.name)) continue;
    await target.createIndex(index);
    report.indexesCreated.push(`${index.collection}.${index.name}`);
    log(`index ${index.collection}.${index.name}: created`);
  }
  return report;
}
