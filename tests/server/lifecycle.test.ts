// The full lifecycle of issue 4 through createApi, over a real SQLite store and over the production
// CloudBase adapter against the emulator; every refusal checked against a dump of the database.
import { createApi } from '../../src/server/api';
import { openSqliteStore } from '../../src/server/adapters/sqlite/sqlite.store';
import { seedDemo } from '../../src/server/demo-data';
import type { Store } from '../../src/server/ports';
import type { CloudBaseEmulator } from '../support/cloudbase-emulator';
import { freshCloudStore, sharedEmulator } from '../support/cloudbase-emulator/sdk';
import { runLifecycle } from './lifecycle.scenario';

const NOW = '2025-03-10T02:00:00.000Z';

let emulator: CloudBaseEmulator;
beforeAll(async () => {
  emulator = await sharedEmulator({ latencyMs: 1 });
});
afterAll(() => emulator.close());

const adapters: [string, () => Promise<{ store: Store; dump: () => string; close: () => void }>][] = [
  [
    'SQLite',
    async () => {
      const store = openSqliteStore(':memory:');
      return { store, dump: () => store.dump(), close: () => store.close() };
    },
  ],
  [
    'CloudBase (emulated)',
    async () => ({ store: await freshCloudStore(emulator), dump: () => emulator.dump(), close: () => undefined }),
  ],
];

describe.each(adapters)('a suggestion\'s whole life through the api on %s', (_name, open) => {
  it('runs import → assign → return → claim → opinions → draft/review/sign → feedback → re-handling → disclosure → archive, refusing every wrong step without a trace', async () => {
    const { store, dump, close } = await open();
    await seedDemo(store, NOW);
    const api = createApi({ store, clock: { now: () => NOW }, log: () => undefined });
    const result = await runLifecycle({ call: (openid, action, data, requestId) => api({ action, data, requestId }, { openid }), snapshot: dump }, NOW);
    expect(result.refusals).toBeGreaterThan(40);
    const events = await store.events({ suggestionId: result.suggestionIds.split });
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(['suggestions.import', 'tasks.claim', 'feedback.submit', 'suggestions.archive']));
    close();
  }, 120_000);
});
