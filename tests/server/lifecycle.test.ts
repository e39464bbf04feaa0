// The full lifecycle of issue 4 through createApi over a real SQLite store, every refusal checked
// against a dump of the database.
import { createApi } from '../../src/server/api';
import { openSqliteStore, type SqliteStore } from '../../src/server/adapters/sqlite/sqlite.store';
import { seedDemo } from '../../src/server/demo-data';
import { runLifecycle } from './lifecycle.scenario';

const NOW = '2025-03-10T02:00:00.000Z';

describe('a suggestion\'s whole life through the api', () => {
  let store: SqliteStore;
  beforeEach(async () => {
    store = openSqliteStore(':memory:');
    await seedDemo(store, NOW);
  });
  afterEach(() => store.close());

  it('runs import → assign → return → claim → opinions → draft/review/sign → feedback → re-handling → disclosure → archive, refusing every wrong step without a trace', async () => {
    const api = createApi({ store, clock: { now: () => NOW }, log: () => undefined });
    const result = await runLifecycle(
      { call: (openid, action, data, requestId) => api({ action, data, requestId }, { openid }), snapshot: () => store.dump() },
      NOW,
    );
    expect(result.refusals).toBeGreaterThan(40);
    const events = await store.events({ suggestionId: result.suggestionIds.split });
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(['suggestions.import', 'tasks.claim', 'feedback.submit', 'suggestions.archive']));
  });
});
