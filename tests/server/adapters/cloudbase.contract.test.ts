// The store contract on the production CloudBase adapter, through the real wx-server-sdk, against the
// emulator with a few milliseconds of latency a request so that concurrent transactions interleave.
import type { CloudBaseEmulator } from '../../support/cloudbase-emulator';
import { rebuildReadModels } from '../../../src/server/read-models/rebuild';
import { cloud, freshCloudStore, sharedEmulator } from '../../support/cloudbase-emulator/sdk';
import { describeStoreContract, suggestion, task, user } from './store.contract';

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

describe('CloudBase suggestion rows', () => {
  const setUp = async () => {
    const store = await freshCloudStore(emulator);
    await store.transaction(async (tx) => {
      tx.insert('users', user('d1', { name: '王建华' }));
      tx.insert('suggestions', suggestion('s1', { number: '1001', title: '关于公交线路的建议' }));
      tx.insert('tasks', task('t1', { suggestionId: 's1', unitId: 'u1', role: 'lead' }));
      tx.insert('tasks', task('t2', { suggestionId: 's1', unitId: 'u2', role: 'co' }));
    });
    return store;
  };
  const detailDoc = () => emulator.documents('suggestionDetails').find((d) => d._id === 's1')!;

  it('keeps a suggestion’s list row inside its detail document, set by the same update as its records', async () => {
    const store = await setUp();
    expect(emulator.collectionNames()).not.toContain('suggestionRows');
    expect(detailDoc().row).toMatchObject({ id: 's1', number: '1001', status: 'handling', _searchGrams: expect.arrayContaining(['公交']) });
    expect(await store.get('suggestionDetails', 's1')).not.toHaveProperty('row');
    emulator.resetCounter();
    await store.transaction(async (tx) => {
      const t = (await tx.get('tasks', 't1'))!;
      tx.update('tasks', { ...t, state: 'handling', version: 2 });
    });
    expect(emulator.trace.filter((r) => r.includes('suggestionDetails') && !r.includes('getDocument'))).toEqual(['database.modifyDocument suggestionDetails tx']);
    expect((await store.find('suggestionRows', { every: { facets: ['u1|state:handling'] } })).map((r) => r.id)).toEqual(['s1']);
    expect(await store.count('suggestionRows', { search: '公交线路' })).toBe(1);
  });

  it('keeps the row when the rebuild writes a detail document whole, and restores a row or a document lost', async () => {
    const store = await setUp();
    const rowBefore = await store.get('suggestionRows', 's1');
    const db = cloud.database();
    const _ = db.command;
    // A record in the detail document made wrong: the rebuild writes the document whole; the row stays.
    await db.collection('suggestionDetails').doc('s1').update({ data: { 'tasks.t1.state': 'closed' } });
    expect(await rebuildReadModels(store)).toMatchObject({ rowsWritten: 1 });
    expect(await store.get('suggestionRows', 's1')).toEqual(rowBefore);
    expect(detailDoc().tasks).toMatchObject({ t1: { state: 'assigned' } });
    // The row lost: the rebuild sets it again.
    await db.collection('suggestionDetails').doc('s1').update({ data: { row: _.remove() } });
    expect(await store.count('suggestionRows')).toBe(0);
    expect(await rebuildReadModels(store)).toMatchObject({ rowsWritten: 1 });
    expect(await store.get('suggestionRows', 's1')).toEqual(rowBefore);
    // The whole document lost (a data file from before them): a change writes the row with its record, the rebuild the rest.
    await db.collection('suggestionDetails').doc('s1').remove();
    await store.transaction(async (tx) => {
      const t = (await tx.get('tasks', 't2'))!;
      tx.update('tasks', { ...t, state: 'handling', version: 2 });
    });
    expect((await store.get('suggestionRows', 's1'))?.tasks.map((b) => b.state)).toEqual(['assigned', 'handling']);
    await rebuildReadModels(store);
    expect(await rebuildReadModels(store)).toMatchObject({ rowsWritten: 0, countersWritten: 0 });
    expect((await store.get('suggestionDetails', 's1'))?.suggestion?.id).toBe('s1');
  });

  it('tries a detail document written whole again after a conflict elsewhere, comparing it without its row', async () => {
    const store = await setUp();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let read!: () => void;
    const hasRead = new Promise<void>((resolve) => (read = resolve));
    const first = store.transaction(async (tx) => {
      const detail = (await tx.get('suggestionDetails', 's1'))!;
      const deputy = (await tx.get('users', 'd1'))!;
      read();
      await gate;
      tx.update('suggestionDetails', { ...detail, deputyName: '王建华' });
      tx.update('users', deputy);
    });
    await hasRead;
    // Another commit rewrites the deputy unchanged: the first commit meets it (a conflict), and its retry finds both as read.
    await store.transaction(async (tx) => tx.update('users', (await tx.get('users', 'd1'))!));
    release();
    await first;
    expect((await store.get('suggestionDetails', 's1'))?.deputyName).toBe('王建华');
    expect((await store.get('suggestionRows', 's1'))?.id).toBe('s1');
  });

  it('leaves the row as the records say after concurrent changes of one suggestion (a retry compares the row it read)', async () => {
    const store = await setUp();
    const states = ['handling', 'inReview'] as const;
    const answers = await Promise.allSettled(
      ['t1', 't2'].map((id, i) =>
        store.transaction(async (tx) => {
          const t = (await tx.get('tasks', id))!;
          tx.update('tasks', { ...t, state: states[i]!, version: 2 });
        }),
      ),
    );
    for (const a of answers) if (a.status === 'rejected') expect(a.reason).toMatchObject({ code: 'CONFLICT' });
    expect(answers.some((a) => a.status === 'fulfilled')).toBe(true);
    const tasks = await store.find('tasks', { where: { suggestionId: 's1' } });
    expect((await store.get('suggestionRows', 's1'))?.tasks.map((b) => b.state)).toEqual(tasks.map((t) => t.state));
    expect(await rebuildReadModels(store)).toMatchObject({ rowsWritten: 0, countersWritten: 0 });
  });
});
