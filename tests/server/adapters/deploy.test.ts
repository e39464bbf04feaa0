// npm run deploy's plan, applied to a fresh environment on the emulator (collections and indexes as the
// management API creates them): afterwards a suggestion's whole life runs with every query served by
// an index the deployment made, and a second run changes nothing but the functions.
import { uploadAs } from '../../support/uploads';
import path from 'node:path';
import { applyPlan, deployPlan, describePlan, type DeployTarget, type FunctionPlan } from '../../../scripts/deploy/plan';
import { openCloudBaseStore } from '../../../src/server/adapters/cloudbase/cloudbase.store';
import { openCloudBaseFileStore, type CloudStorageApi } from '../../../src/server/adapters/files/cloudbase.files';
import { createApi } from '../../../src/server/api';
import { seedDemo } from '../../../src/server/setup/demo-data';
import type { CloudBaseEmulator } from '../../support/cloudbase-emulator';
import { cloud, sharedEmulator } from '../../support/cloudbase-emulator/sdk';
import { runLifecycle } from '../tasks/lifecycle.scenario';

const ROOT = path.resolve(__dirname, '../../..');
const NOW = '2025-03-10T02:00:00.000Z';
let emulator: CloudBaseEmulator;
beforeAll(async () => {
  emulator = await sharedEmulator({});
});
afterAll(() => emulator.close());

/** The emulator as the management API: functions recorded, collections and indexes created in it. */
function emulatorTarget(functions: Map<string, FunctionPlan>): DeployTarget {
  return {
    functionExists: async (name) => functions.has(name),
    createFunction: async (f) => void functions.set(f.name, f),
    updateFunction: async (f) => void functions.set(f.name, f),
    collectionExists: async (name) => emulator.collectionNames().includes(name),
    createCollection: async (name) => emulator.createCollection(name),
    indexExists: async (collection, name) => (emulator.indexes ?? []).some((i) => i.collection === collection && i.name === name),
    createIndex: async (index) => emulator.addIndex(index),
  };
}

describe('npm run deploy', () => {
  it('plans every function with its runtime, timeout, memory, variables and timer, every collection and index', () => {
    const plan = deployPlan(ROOT, { CLOUDBASE_ENV_ID: 'prod-1', REMINDER_QUIET_HOURS: '22-7', HOME: '/root' });
    const api = plan.functions.find((f) => f.name === 'api')!;
    expect(api).toMatchObject({ runtime: expect.stringMatching(/^Nodejs18/), variables: { REMINDER_QUIET_HOURS: '22-7' } });
    // At 50 ms a request the heaviest action needs more than the platform's default of 3 s.
    expect(api.timeoutSeconds).toBeGreaterThan(3);
    expect(plan.functions.find((f) => f.name === 'reminders')!.timers).toEqual([{ name: 'sweep', cron: expect.any(String) }]);
    const text = describePlan(plan);
    expect(text).toContain('prod-1');
    expect(text).toContain(`Indexes (${plan.indexes.length})`);
    for (const index of plan.indexes) expect(text).toContain(`${index.collection}.${index.name}:`);
    expect(text).not.toContain('/root');
  });

  it('creates on a new environment what a whole life of a suggestion needs, and a second run creates nothing', async () => {
    emulator.reset([]);
    emulator.useIndexes([], 0);
    const functions = new Map<string, FunctionPlan>();
    const plan = deployPlan(ROOT, { CLOUDBASE_ENV_ID: 'prod-1' });
    const first = await applyPlan(plan, emulatorTarget(functions));
    expect(first.functions.map((f) => f.action)).toEqual(plan.functions.map(() => 'created'));
    expect(first.collectionsCreated).toEqual([...plan.collections]);
    expect(first.indexesCreated).toHaveLength(plan.indexes.length);

    const store = openCloudBaseStore(cloud);
    await seedDemo(store, NOW);
    const files = openCloudBaseFileStore(cloud as unknown as CloudStorageApi, { now: () => NOW });
    const api = createApi({ store, files, clock: { now: () => NOW }, log: () => undefined });
    const result = await runLifecycle({ call: (openid, action, data, requestId) => api({ action, data, requestId }, { openid }), snapshot: () => emulator.dump(), upload: (openid, text) => uploadAs(files, openid, text) }, NOW);
    expect(result.refusals).toBeGreaterThan(40);
    expect(emulator.unindexed).toEqual([]);

    const second = await applyPlan(plan, emulatorTarget(functions));
    expect(second).toEqual({ functions: plan.functions.map((f) => ({ name: f.name, action: 'updated' })), collectionsCreated: [], indexesCreated: [] });
  }, 120_000);
});
