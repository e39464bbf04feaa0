// The deployment's target over CloudBase's management API (@cloudbase/manager-node), with the
// environment id and the deployer's API key from the environment (CLOUDBASE_ENV_ID,
// TENCENTCLOUD_SECRETID, TENCENTCLOUD_SECRETKEY, TENCENTCLOUD_SESSIONTOKEN for a temporary key).
import path from 'node:path';
import type { IndexDefinition } from '../../src/server/adapters/cloudbase/cloudbase.indexes';
import type { DeployTarget, FunctionPlan } from './plan';

/** The part of @cloudbase/manager-node's API the deployment uses (its types/function, types/database). */
interface Manager {
  functions: {
    getFunctionDetail(name: string): Promise<unknown>;
    createFunction(param: { func: Record<string, unknown>; functionRootPath: string; force?: boolean }): Promise<unknown>;
    updateFunctionCode(param: { func: Record<string, unknown>; functionRootPath: string }): Promise<unknown>;
    waitFunctionActive(name: string): Promise<void>;
    updateFunctionConfig(func: Record<string, unknown>): Promise<unknown>;
    deleteFunctionTrigger(name: string, triggerName: string): Promise<unknown>;
    createFunctionTriggers(name: string, triggers: { name: string; type: string; config: string }[]): Promise<unknown>;
  };
  database: {
    checkCollectionExists(name: string): Promise<{ Exists: boolean }>;
    createCollectionIfNotExists(name: string): Promise<unknown>;
    checkIndexExists(collection: string, name: string): Promise<{ Exists: boolean }>;
    updateCollection(collection: string, info: { CreateIndexes: { IndexName: string; MgoKeySchema: { MgoIsUnique: boolean; MgoIndexKeys: { Name: string; Direction: string }[] } }[] }): Promise<unknown>;
  };
}
type ManagerClass = new (config: { envId?: string; secretId?: string; secretKey?: string; token?: string }) => Manager;

/** Loaded only when deploying for real (a dry run, the tests and the typecheck never need it). */
function loadManager(): ManagerClass {
  const loaded = require('@cloudbase/manager-node') as ManagerClass | { default: ManagerClass };
  return 'default' in loaded ? loaded.default : loaded;
}

export function managerTarget(root: string, env: NodeJS.ProcessEnv): DeployTarget {
  const missing = ['CLOUDBASE_ENV_ID', 'TENCENTCLOUD_SECRETID', 'TENCENTCLOUD_SECRETKEY'].filter((k) => !env[k]);
  if (missing.length) throw new Error(`Set ${missing.join(', ')} (docs/deployment.md) or run with --dry-run.`);
  const CloudBase = loadManager();
  const app = new CloudBase({ envId: env.CLOUDBASE_ENV_ID, secretId: env.TENCENTCLOUD_SECRETID, secretKey: env.TENCENTCLOUD_SECRETKEY, token: env.TENCENTCLOUD_SESSIONTOKEN });
  const functionRootPath = path.join(root, 'cloudfunctions');
  const config = (f: FunctionPlan) => ({
    name: f.name,
    handler: f.handler,
    runtime: f.runtime,
    timeout: f.timeoutSeconds,
    memorySize: f.memoryMB,
    installDependency: f.installDependency,
    envVariables: f.variables,
    // Only the built bundle and its package.json go up (npm run build:functions writes index.js).
    ignore: ['index.ts', 'node_modules', 'node_modules/**/*', '*.test.*'],
  });
  return {
    async functionExists(name) {
      try {
        await app.functions.getFunctionDetail(name);
        return true;
      } catch (error) {
        if (/ResourceNotFound|not exist|不存在/i.test(String((error as Error).message))) return false;
        throw error;
      }
    },
    async createFunction(f) {
      await app.functions.createFunction({ func: { ...config(f), triggers: f.timers.map((t) => ({ name: t.name, type: 'timer', config: t.cron })) }, functionRootPath, force: false });
    },
    async updateFunction(f) {
      await app.functions.updateFunctionCode({ func: config(f), functionRootPath });
      await app.functions.waitFunctionActive(f.name);
      await app.functions.updateFunctionConfig(config(f));
      // Timers replaced by name: the same name is updated, none is left twice.
      for (const t of f.timers) {
        await app.functions.deleteFunctionTrigger(f.name, t.name).catch(() => undefined);
        await app.functions.createFunctionTriggers(f.name, [{ name: t.name, type: 'timer', config: t.cron }]);
      }
    },
    async collectionExists(name) {
      return (await app.database.checkCollectionExists(name)).Exists;
    },
    async createCollection(name) {
      await app.database.createCollectionIfNotExists(name);
    },
    async indexExists(collection, name) {
      return (await app.database.checkIndexExists(collection, name)).Exists;
    },
    async createIndex(index: IndexDefinition) {
      await app.database.updateCollection(index.collection, {
        CreateIndexes: [
          {
            IndexName: index.name,
            MgoKeySchema: { MgoIsUnique: index.unique, MgoIndexKeys: index.keys.map((k) => ({ Name: k.field, Direction: String(k.direction) })) },
          },
        ],
      });
    },
  };
}
