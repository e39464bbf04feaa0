// The store contract on the production CloudBase adapter, through the real wx-server-sdk, against the
// emulator with a few milliseconds of latency a request so that concurrent transactions interleave.
import type { CloudBaseEmulator } from '../../support/cloudbase-emulator';
import { freshCloudStore, sharedEmulator } from '../../support/cloudbase-emulator/sdk';
import { describeStoreContract, suggestion, task } from './store.contract';

let emulator: CloudBaseEmulator;
beforeAll(async () => {
  emulator = await sharedEmulator({ latencyMs: 2 });
});
afterAll(() => emulator.close());

describeStoreContract('CloudBase (emulated)', () => freshCloudStore(emulator));

describe('CloudBase statistics counters', () => {
  it('keeps a year and 届次’s counters in one document, nested by unit, and moves them with one update a commit', async () => {
    const store = await freshCloudStore(emulator);
    await store.transaction(async (tx) => {
      tx.insert('suggestions', suggestion('s1', { number: '1', session: '十八届.二次', createdAt: '2024-01-05T02:00:00.000Z' }));
      tx.insert('tasks', task('t1', { suggestionId: 's1', unitId: 'u1', role: 'lead' }));
      tx.insert('tasks', task('t2', { suggestionId: 's1', unitId: 'u$2', role: 'co' }));
    });
    const groups = emulator.documents('statCounters');
    expect(groups.map((g) => [g._id, g.year, g.session, Object.keys(g.units as object).sort()])).toEqual([['2024|十八届%2E二次', 2024, '十八届.二次', ['*', 'u%242', 'u1']]]);
    emulator.resetCounter();
    await store.transaction(async (tx) => {
      const t = (await tx.get('tasks', 't1'))!;
      tx.update('tasks', { ...t, state: 'closed', closedAt: '2024-03-01T00:00:00.000Z', version: 2 });
    });
    // The office's and the unit's counters: one update of their year-session document, nothing created.
    expect(emulator.trace.filter((r) => r.includes('statCounters'))).toEqual(['database.modifyDocument statCounters tx']);
    const units = emulator.documents('statCounters')[0]!.units as Record<string, Record<string, number>>;
    expect([units['*']!.done, units.u1!.done, units['u%242']!.done ?? 0]).toEqual([1, 1, 0]);
    // A new year and 届次: its document created with the commit's other new documents.
    emulator.resetCounter();
    await store.transaction(async (tx) => {
      tx.insert('suggestions', suggestion('s2', { number: '2', session: '十八届三次', createdAt: '2025-01-05T02:00:00.000Z' }));
      tx.insert('tasks', task('t3', { suggestionId: 's2', unitId: 'u1', role: 'sole' }));
    });
    expect(emulator.trace.filter((r) => r.includes('statCounters'))).toEqual(['database.modifyDocument statCounters tx', 'database.insertDocument statCounters tx']);
    expect(emulator.documents('statCounters').map((g) => g._id).sort()).toEqual(['2024|十八届%2E二次', '2025|十八届三次']);
    // The stats of one unit read its counters only (a projection of the year-session documents).
    emulator.resetCounter();
    expect((await store.find('statCounters', { where: { unitId: 'u1' } })).map((c) => [c.id, c.received])).toEqual([
      ['2024|十八届%2E二次|u1', 1],
      ['2025|十八届三次|u1', 1],
    ]);
    expect(emulator.requests).toBe(1);
  });
});
