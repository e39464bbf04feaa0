// The store contract on the production CloudBase adapter, through the real wx-server-sdk, against the
// emulator with a few milliseconds of latency a request so that concurrent transactions interleave.
import type { CloudBaseEmulator } from '../../support/cloudbase-emulator';
import type { Store } from '../../../src/server/ports';
import { moveTasksIntoLedgerRows } from '../../../src/server/adapters/cloudbase/cloudbase.setup';
import { CLOUD_COLLECTIONS } from '../../../src/server/adapters/cloudbase/cloudbase.store';
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

describe('CloudBase tasks kept in their ledger rows', () => {
  const writesOf = (trace: readonly string[]) => trace.filter((r) => /insertDocument|modifyDocument|deleteDocument/.test(r));

  it('stores a task and its row as one document, writes them with one request a commit, and reads the task alone back', async () => {
    const store = await freshCloudStore(emulator);
    emulator.resetCounter();
    await store.transaction(async (tx) => {
      tx.insert('users', user('d1', { name: '王建华' }));
      tx.insert('suggestions', suggestion('s1'));
      tx.insert('tasks', task('t1', { suggestionId: 's1', unitId: 'u1', role: 'lead' }));
      tx.insert('tasks', task('t2', { suggestionId: 's1', unitId: 'u2', role: 'co' }));
    });
    // The two tasks with their rows: one batch insert, no collection of tasks.
    expect(writesOf(emulator.trace).filter((r) => /ledgerRows|tasks/.test(r))).toEqual(['database.insertDocument ledgerRows tx']);
    const docs = emulator.documents('ledgerRows');
    expect(docs.map((d) => [d._id, (d.task as { id: string }).id, d.suggestionId, d.unitId])).toEqual([
      ['t1', 't1', 's1', 'u1'],
      ['t2', 't2', 's1', 'u2'],
    ]);
    const t2Before = docs[1]!.task;
    // A change of t1: its task and row set as one document; t2's row, if the suggestion's change moves
    // it, updated with its stored task left as it is.
    emulator.resetCounter();
    await store.transaction(async (tx) => {
      const t = (await tx.get('tasks', 't1'))!;
      tx.update('tasks', { ...t, state: 'handling', responsibleUserId: 'h1', version: 2 });
    });
    const ledgerWrites = writesOf(emulator.trace).filter((r) => /ledgerRows|tasks/.test(r));
    expect(ledgerWrites.length).toBeGreaterThanOrEqual(1);
    expect(ledgerWrites.every((r) => r === 'database.modifyDocument ledgerRows tx')).toBe(true);
    const after = emulator.documents('ledgerRows');
    expect(after[0]).toMatchObject({ _id: 't1', state: 'handling', responsibleUserId: 'h1', task: { state: 'handling', responsibleUserId: 'h1', version: 2 } });
    expect(after[0]!._rev).toBeGreaterThan(1);
    expect(after[1]!.task).toEqual(t2Before);
    // The port's answers: the task alone, by id and by query; each row with its task.
    expect(await store.get('tasks', 't1')).toEqual({ ...task('t1', { suggestionId: 's1', unitId: 'u1', role: 'lead' }), state: 'handling', responsibleUserId: 'h1', version: 2 });
    expect((await store.find('tasks', { where: { responsibleUserId: 'h1' } })).map((t) => t.id)).toEqual(['t1']);
    expect((await store.getMany('tasks', ['t1', 't2', 'none'])).map((t) => t.id).sort()).toEqual(['t1', 't2']);
    expect(await store.count('tasks', { where: { suggestionId: 's1' } })).toBe(2);
    expect((await store.get('ledgerRows', 't1'))?.task).toEqual(await store.get('tasks', 't1'));
    // The read models hold exactly what the records give (the rebuild finds nothing to write).
    expect(await rebuildReadModels(store)).toMatchObject({ rowsWritten: 0, countersWritten: 0 });
  });

  it('holds a task without its row alone, which rows never answer; a row written later keeps the stored task', async () => {
    const store = await freshCloudStore(emulator);
    await store.transaction(async (tx) => {
      tx.insert('suggestions', suggestion('s1'));
      tx.insert('tasks', task('t1', { suggestionId: 's1' }));
      // A task whose suggestion is not there: no row.
      tx.insert('tasks', task('t9', { suggestionId: 'sX', unitId: 'u9' }));
    });
    expect(emulator.documents('ledgerRows').find((d) => d._id === 't9')).toEqual({ _id: 't9', _rev: 1, task: task('t9', { suggestionId: 'sX', unitId: 'u9' }) });
    expect(await store.get('ledgerRows', 't9')).toBeUndefined();
    expect((await store.getMany('ledgerRows', ['t1', 't9'])).map((r) => r.id)).toEqual(['t1']);
    expect((await store.find('ledgerRows')).map((r) => r.id)).toEqual(['t1']);
    expect((await store.find('ledgerRows', { orderBy: [{ field: 'sortKey' }], offset: 0, limit: 10 })).map((r) => r.id)).toEqual(['t1']);
    expect(await store.count('ledgerRows')).toBe(1);
    expect((await store.find('tasks')).map((t) => t.id)).toEqual(['t1', 't9']);
    expect(await store.count('tasks')).toBe(2);
    expect((await store.find('tasks', { limit: 1, afterId: 't1' })).map((t) => t.id)).toEqual(['t9']);

    // A row written for it (the rebuild would): the row's fields, the stored task kept.
    const model = (await store.get('ledgerRows', 't1'))!;
    const row = { ...model, id: 't9', suggestionId: 'sX', unitId: 'u9', note: '旧字段', task: { ...model.task, id: 't9', state: 'closed' } };
    await store.transaction(async (tx) => tx.insert('ledgerRows', row as never));
    expect(await store.get('tasks', 't9')).toEqual(task('t9', { suggestionId: 'sX', unitId: 'u9' }));
    expect(await store.get('ledgerRows', 't9')).toEqual({ ...row, task: task('t9', { suggestionId: 'sX', unitId: 'u9' }) });
    // Written again without a field: the field goes, the task stays.
    await store.transaction(async (tx) => {
      const r = (await tx.get('ledgerRows', 't9'))!;
      const { note: _note, ...rest } = r as typeof r & { note?: string };
      tx.update('ledgerRows', { ...rest, unitId: 'u8' });
    });
    expect(await store.get('ledgerRows', 't9')).toMatchObject({ unitId: 'u8', task: task('t9', { suggestionId: 'sX', unitId: 'u9' }) });
    expect(emulator.documents('ledgerRows').find((d) => d._id === 't9')).not.toHaveProperty('note');
    // Its task changed alone (still no suggestion, so no row is derived): the row stays.
    await store.transaction(async (tx) => {
      const t = (await tx.get('tasks', 't9'))!;
      tx.update('tasks', { ...t, state: 'handling', version: 2 });
    });
    expect(await store.get('ledgerRows', 't9')).toMatchObject({ unitId: 'u8', task: { id: 't9', state: 'handling', version: 2 } });
    // A new task with an id taken: CONFLICT, nothing changed.
    await expect(store.transaction(async (tx) => tx.insert('tasks', task('t9', { suggestionId: 'sX' })))).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await store.get('tasks', 't9'))?.state).toBe('handling');
  });

  it('keeps tasks and rows in step when commits of one suggestion meet (each tried again compares the task and the row it read)', async () => {
    const store = await freshCloudStore(emulator);
    await store.transaction(async (tx) => {
      tx.insert('users', user('d1'));
      tx.insert('suggestions', suggestion('s1'));
      for (const [id, role] of [['t1', 'lead'], ['t2', 'co'], ['t3', 'co']] as const) tx.insert('tasks', task(id, { suggestionId: 's1', unitId: `u-${id}`, role }));
    });
    const answers = await Promise.allSettled(
      ['t1', 't2', 't3', 't1', 't2', 't3'].map((id, i) =>
        store.transaction(async (tx) => {
          const t = (await tx.get('tasks', id))!;
          tx.update('tasks', { ...t, state: i < 3 ? 'handling' : 'closed', version: t.version + 1 });
        }),
      ),
    );
    // Each commit either applied or answered CONFLICT, never another error.
    for (const a of answers) if (a.status === 'rejected') expect(a.reason).toMatchObject({ code: 'CONFLICT' });
    expect(answers.some((a) => a.status === 'fulfilled')).toBe(true);
    const docs = emulator.documents('ledgerRows');
    for (const d of docs) expect(d.state).toBe((d.task as { state: string }).state);
    const detail = (await store.get('suggestionDetails', 's1'))!;
    for (const d of docs) expect(detail.tasks[d._id as string]).toEqual(d.task);
    expect(await rebuildReadModels(store)).toMatchObject({ rowsWritten: 0, countersWritten: 0 });
  });
});

describe('CloudBase: a commit tried again after a conflict, for a task and its row', () => {
  /**
   * A unit of work that reads the suggestion's detail document and a task (taken from it, as a task
   * action does), waits for `gate`, then changes the task's handler: its commit comes after the other's.
   */
  const late = (store: Store, gate: Promise<void>, id = 't1') =>
    store.transaction(async (tx) => {
      await tx.get('suggestionDetails', 's1');
      const t = (await tx.get('tasks', id))!;
      await gate;
      tx.update('tasks', { ...t, responsibleUserId: 'h-late', version: t.version + 1 });
    });

  async function office() {
    const store = await freshCloudStore(emulator);
    await store.transaction(async (tx) => {
      tx.insert('users', user('d1'));
      tx.insert('suggestions', suggestion('s1'));
      tx.insert('tasks', task('t1', { suggestionId: 's1', role: 'lead', state: 'handling', responsibleUserId: 'h1' }));
      tx.insert('tasks', task('t2', { suggestionId: 's1', unitId: 'u2', role: 'co' }));
    });
    return store;
  }

  it('refuses with CONFLICT when the row it read moved on meanwhile, though its task did not', async () => {
    const store = await office();
    let open!: () => void;
    const waiting = late(store, new Promise<void>((resolve) => (open = resolve)));
    await new Promise((resolve) => setTimeout(resolve, 50));
    // Meanwhile the co task changes: the lead task's row shows it (its guards hold the co tasks), the
    // lead task itself does not move.
    await store.transaction(async (tx) => {
      const t = (await tx.get('tasks', 't2'))!;
      tx.update('tasks', { ...t, updatedAt: '2024-02-02T00:00:00.000Z', version: t.version + 1 });
    });
    open();
    await expect(waiting).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await store.get('ledgerRows', 't1')).toMatchObject({ responsibleUserId: 'h1', task: { responsibleUserId: 'h1' }, guards: { coTasks: [{ id: 't2', version: 2 }] } });
    expect(await rebuildReadModels(store)).toMatchObject({ rowsWritten: 0 });
  });

  it('refuses with CONFLICT when the task it read moved on meanwhile, though its row’s own fields did not', async () => {
    const store = await office();
    let open!: () => void;
    const waiting = late(store, new Promise<void>((resolve) => (open = resolve)));
    await new Promise((resolve) => setTimeout(resolve, 50));
    // Meanwhile the task changes in a field its row does not show: only the task in the row moves.
    await store.transaction(async (tx) => {
      const t = (await tx.get('tasks', 't1'))!;
      tx.update('tasks', { ...t, updatedAt: '2024-02-02T00:00:00.000Z', version: t.version + 1 });
    });
    open();
    await expect(waiting).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await store.get('tasks', 't1')).toMatchObject({ responsibleUserId: 'h1', updatedAt: '2024-02-02T00:00:00.000Z', version: 2 });
    expect(await rebuildReadModels(store)).toMatchObject({ rowsWritten: 0 });
  });

  it('applies when what it read is still as stored (the meeting was elsewhere in the suggestion)', async () => {
    const store = await office();
    let open!: () => void;
    const waiting = late(store, new Promise<void>((resolve) => (open = resolve)), 't2');
    await new Promise((resolve) => setTimeout(resolve, 50));
    // Meanwhile the lead task changes where neither the co task nor its row shows it (the two commits
    // meet on the suggestion's detail document).
    await store.transaction(async (tx) => {
      const t = (await tx.get('tasks', 't1'))!;
      tx.update('tasks', { ...t, updatedAt: '2024-02-02T00:00:00.000Z', version: t.version + 1 });
    });
    open();
    await waiting;
    expect(await store.get('tasks', 't2')).toMatchObject({ responsibleUserId: 'h-late', version: 2 });
    expect(await store.get('tasks', 't1')).toMatchObject({ updatedAt: '2024-02-02T00:00:00.000Z', version: 2 });
    expect(await rebuildReadModels(store)).toMatchObject({ rowsWritten: 0 });
  });
});

describe('CloudBase: an environment that kept its tasks in a collection of their own', () => {
  it('has each task moved into its ledger row by the setup, the newer copy kept, once', async () => {
    const store = await freshCloudStore(emulator, [...CLOUD_COLLECTIONS, 'tasks']);
    // This version's data: a suggestion with two tasks (each in its ledger row).
    await store.transaction(async (tx) => {
      tx.insert('users', user('d1'));
      tx.insert('suggestions', suggestion('s1'));
      tx.insert('tasks', task('t1', { suggestionId: 's1', role: 'lead', state: 'handling', version: 3 }));
      tx.insert('tasks', task('t2', { suggestionId: 's1', unitId: 'u2', role: 'co' }));
    });
    // What the earlier version left: every task in `tasks` (t1's copy older than its ledger row's), and
    // t2's ledger row written before rows held their task; t3 without a row.
    const t2 = emulator.documents('ledgerRows').find((d) => d._id === 't2')!;
    const { task: _t2, _id: _i, ...rowOnly } = t2;
    emulator.load('tasks', [
      { _id: 't1', _rev: 1, ...task('t1', { suggestionId: 's1', role: 'lead' }) },
      { _id: 't2', _rev: 4, ...task('t2', { suggestionId: 's1', unitId: 'u2', role: 'co', state: 'replied', version: 4 }) },
      { _id: 't3', _rev: 1, ...task('t3', { suggestionId: 's9', unitId: 'u3' }) },
    ]);
    // The row without its task, as the earlier version stored it.
    const raw = cloud.database() as unknown as { collection(n: string): { doc(id: string): { set(o: { data: unknown }): Promise<unknown> } } };
    await raw.collection('ledgerRows').doc('t2').set({ data: rowOnly });
    const db = cloud.database() as unknown as Parameters<typeof moveTasksIntoLedgerRows>[0];
    expect(await store.get('tasks', 't2')).toBeUndefined();
    expect(await store.get('tasks', 't3')).toBeUndefined();

    expect(await moveTasksIntoLedgerRows(db)).toEqual({ moved: 2 });
    // t1 kept its newer copy; t2 and t3 have theirs from the old collection, t2's row as it was.
    expect(await store.get('tasks', 't1')).toMatchObject({ state: 'handling', version: 3 });
    expect(await store.get('tasks', 't2')).toEqual(task('t2', { suggestionId: 's1', unitId: 'u2', role: 'co', state: 'replied', version: 4 }));
    expect(await store.get('tasks', 't3')).toEqual(task('t3', { suggestionId: 's9', unitId: 'u3' }));
    expect((await store.get('ledgerRows', 't2'))?.unitId).toBe('u2');
    expect(await store.get('ledgerRows', 't3')).toBeUndefined();
    expect(await moveTasksIntoLedgerRows(db)).toEqual({ moved: 0 });
  });

  it('moves nothing where there is no such collection', async () => {
    await freshCloudStore(emulator);
    expect(await moveTasksIntoLedgerRows(cloud.database() as unknown as Parameters<typeof moveTasksIntoLedgerRows>[0])).toEqual({ moved: 0 });
  });
});
