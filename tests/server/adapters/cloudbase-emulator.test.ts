// The emulator refuses what the CloudBase service refuses, answering through the real wx-server-sdk
// exactly as the service's answers arrive there (errCode from wx-server-sdk's TCB_ERR_CODE table).
import './cloud-env';
import cloud from 'wx-server-sdk';
import { startCloudBaseEmulator, TRANSACTION_TTL_MS, type CloudBaseEmulator } from '../../support/cloudbase-emulator';

interface SdkError {
  errCode: number;
  message: string;
}

describe('CloudBase emulator, driven by wx-server-sdk', () => {
  let emulator: CloudBaseEmulator;
  // The SDK's database handle, typed loosely: these tests use the SDK's own API as an app would.
  let db: any;

  beforeAll(async () => {
    emulator = await startCloudBaseEmulator();
    cloud.init({ env: 'test-env', serviceUrl: emulator.url } as unknown as Parameters<typeof cloud.init>[0]);
    db = cloud.database();
  });
  afterAll(() => emulator.close());
  beforeEach(() => emulator.reset(['todos']));

  const failure = async (promise: Promise<unknown>): Promise<SdkError> => {
    try {
      await promise;
    } catch (error) {
      return error as SdkError;
    }
    throw new Error('expected the call to fail');
  };

  it('refuses any read or write of a collection that was never created (-502005)', async () => {
    expect(await failure(db.collection('missing').where({ a: 1 }).get())).toMatchObject({ errCode: -502005 });
    expect(await failure(db.collection('missing').add({ data: { a: 1 } }))).toMatchObject({ errCode: -502005 });
    expect(await failure(db.collection('missing').count())).toMatchObject({ errCode: -502005 });
    await db.createCollection('missing');
    expect((await db.collection('missing').where({ a: 1 }).get()).data).toEqual([]);
    expect(emulator.collectionNames()).toEqual(['missing', 'todos']);
  });

  it('refuses a second document with the same _id (-502001, E11000)', async () => {
    await db.collection('todos').add({ data: { _id: 'a', n: 1 } });
    const error = await failure(db.collection('todos').add({ data: { _id: 'a', n: 2 } }));
    expect(error.errCode).toBe(-502001);
    expect(error.message).toContain('E11000 duplicate key error');
    expect(emulator.documents('todos')).toEqual([{ _id: 'a', n: 1 }]);
  });

  it('reports a write-write conflict between transactions as the service does and keeps the first writer', async () => {
    await db.collection('todos').add({ data: { _id: 'a', n: 1 } });
    const first = await db.startTransaction();
    const second = await db.startTransaction();
    await second.collection('todos').doc('a').get();
    await first.collection('todos').doc('a').set({ data: { n: 2 } });
    const error = await failure(second.collection('todos').doc('a').set({ data: { n: 3 } }));
    expect(error.errCode).toBe(-501001);
    expect(error.message).toContain('[ResourceUnavailable.TransactionConflict]');
    await first.commit();
    expect(emulator.documents('todos')).toEqual([{ _id: 'a', n: 2 }]);
    // The service aborted the loser: it can neither write nor commit any more.
    await expect(second.commit()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_FAIL' });
  });

  it('reads a transaction\'s snapshot and refuses its write to a document committed since (读偏)', async () => {
    await db.collection('todos').add({ data: { _id: 'a', n: 1 } });
    await db.collection('todos').add({ data: { _id: 'b', n: 1 } });
    const tx = await db.startTransaction();
    // The snapshot is taken at the transaction's first operation, not when it starts.
    await db.collection('todos').doc('b').set({ data: { n: 2 } });
    expect((await tx.collection('todos').doc('b').get()).data).toEqual({ _id: 'b', n: 2 });
    await db.collection('todos').doc('a').set({ data: { n: 5 } });
    expect((await tx.collection('todos').doc('a').get()).data).toEqual({ _id: 'a', n: 1 });
    const error = await failure(tx.collection('todos').doc('a').set({ data: { n: 9 } }));
    expect(error.message).toContain('TransactionConflict');
    expect(emulator.documents('todos')).toEqual([
      { _id: 'a', n: 5 },
      { _id: 'b', n: 2 },
    ]);
  });

  it('refuses a field name with . or a leading $ in a stored document, as MongoDB does', async () => {
    const inserted = await failure(db.collection('todos').add({ data: { _id: 'a', counts: { '2024|十六届.一次': 1 } } }));
    expect(inserted.errCode).toBe(-502001);
    expect(inserted.message).toContain('not valid for storage');
    await db.collection('todos').add({ data: { _id: 'b', n: 1 } });
    expect(await failure(db.collection('todos').doc('b').set({ data: { $bad: 1 } }))).toMatchObject({ errCode: -502001 });
    expect(await failure(db.collection('todos').doc('b').update({ data: { nested: db.command.set({ 'x.y': 1 }) } }))).toMatchObject({ errCode: -502001 });
    expect(emulator.documents('todos')).toEqual([{ _id: 'b', n: 1 }]);
  });

  it('refuses an update path with an empty part or a part starting with $, and one through a value that is no document', async () => {
    await db.collection('todos').add({ data: { _id: 'b', n: 1, units: { u1: { done: 1 } } } });
    const _ = db.command;
    expect(await failure(db.collection('todos').doc('b').update({ data: { 'units.$u.done': _.inc(1) } }))).toMatchObject({ errCode: -502001 });
    expect(await failure(db.collection('todos').doc('b').update({ data: { 'units..done': _.inc(1) } }))).toMatchObject({ errCode: -502001 });
    expect((await failure(db.collection('todos').doc('b').update({ data: { 'n.x': _.inc(1) } }))).message).toContain("Cannot create field 'x'");
    expect(emulator.documents('todos')).toEqual([{ _id: 'b', n: 1, units: { u1: { done: 1 } } }]);
  });

  it('adds to nested paths with _.inc, starting a path not there yet at zero, in one update', async () => {
    await db.collection('todos').add({ data: { _id: 'g', units: { '*': { received: 2 } } } });
    const _ = db.command;
    const res = await db.collection('todos').doc('g').update({ data: { 'units.*.received': _.inc(1), 'units.*.done': _.inc(2), 'units.u1.received': _.inc(1), 'total.n': _.inc(-1) } });
    expect(res.stats.updated).toBe(1);
    expect(emulator.documents('todos')).toEqual([{ _id: 'g', units: { '*': { received: 3, done: 2 }, u1: { received: 1 } }, total: { n: -1 } }]);
  });

  it('answers only the fields a projection (Query.field) names, _id included unless excluded', async () => {
    await db.collection('todos').add({
      data: [
        { _id: 'a', year: 2024, units: { '*': { n: 1 }, u1: { n: 2 }, u2: { n: 3 } }, list: [{ x: 1, y: 2 }, 5] },
        { _id: 'b', year: 2025, units: { u2: { n: 4 } } },
      ],
    });
    const get = async (projection: Record<string, unknown>) => (await db.collection('todos').where({}).orderBy('_id', 'asc').field(projection).get()).data;
    expect(await get({ year: true, 'units.u1': true })).toEqual([
      { _id: 'a', year: 2024, units: { u1: { n: 2 } } },
      { _id: 'b', year: 2025, units: {} },
    ]);
    expect(await get({ 'list.x': true, _id: false })).toEqual([{ list: [{ x: 1 }] }, {}]);
    expect(await get({ units: false, list: false })).toEqual([
      { _id: 'a', year: 2024 },
      { _id: 'b', year: 2025 },
    ]);
    expect((await failure(get({ year: true, units: false }))).message).toContain('Cannot do exclusion');
  });

  it('answers the quota errors of a plan until the limit lifts', async () => {
    emulator.exhaustQuota('EXCEED_REQUEST_LIMIT');
    expect(await failure(db.collection('todos').where({}).get())).toMatchObject({ errCode: -501003 });
    emulator.exhaustQuota('EXCEED_CONCURRENT_REQUEST_LIMIT');
    expect(await failure(db.collection('todos').add({ data: { n: 1 } }))).toMatchObject({ errCode: -501004 });
    emulator.exhaustQuota(undefined);
    expect((await db.collection('todos').where({}).get()).data).toEqual([]);
  });

  it('writes nothing of a transaction until it commits, and nothing of one rolled back', async () => {
    const tx = await db.startTransaction();
    await tx.collection('todos').add({ data: { _id: 'a', n: 1 } });
    expect((await db.collection('todos').where({}).get()).data).toEqual([]);
    await tx.rollback();
    expect(emulator.documents('todos')).toEqual([]);
    expect(emulator.openTransactions()).toBe(0);
  });

  it('expires a transaction after 30 seconds: its commit is refused and its writes are gone', async () => {
    const tx = await db.startTransaction();
    await tx.collection('todos').add({ data: { _id: 'a', n: 1 } });
    emulator.advance(TRANSACTION_TTL_MS + 1);
    await expect(tx.commit()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_FAIL', message: expect.stringContaining('30 seconds') });
    expect(emulator.documents('todos')).toEqual([]);
    // Its lock is gone too: another transaction writes the same _id.
    await db.runTransaction(async (t: typeof tx) => {
      await t.collection('todos').add({ data: { _id: 'a', n: 2 } });
    });
    expect(emulator.documents('todos')).toEqual([{ _id: 'a', n: 2 }]);
  });

  it('lets the SDK\'s runTransaction retry only what carries the service\'s conflict code', async () => {
    await db.collection('todos').add({ data: { _id: 'a', n: 1 } });
    let attempts = 0;
    await db.runTransaction(async (t: { collection(n: string): { doc(id: string): { set(o: unknown): Promise<unknown> } } }) => {
      attempts += 1;
      if (attempts === 1) throw { code: 'DATABASE_TRANSACTION_CONFLICT', message: 'conflict' };
      await t.collection('todos').doc('a').set({ data: { n: 2 } });
    });
    expect(attempts).toBe(2);
    expect(emulator.documents('todos')).toEqual([{ _id: 'a', n: 2 }]);
  });

  it('returns at most 1000 documents a get, 100 without a limit, and refuses a larger limit', async () => {
    const docs = Array.from({ length: 1200 }, (_, i) => ({ _id: `d${String(i).padStart(4, '0')}`, i }));
    for (let i = 0; i < docs.length; i += 400) await db.collection('todos').add({ data: docs.slice(i, i + 400) });
    expect((await db.collection('todos').where({}).get()).data).toHaveLength(100);
    expect((await db.collection('todos').where({}).limit(1000).get()).data).toHaveLength(1000);
    // The SDK itself caps limit at 1000 (query.js get()), so a raw request shows the service's refusal.
    const raw = await fetch(emulator.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'database.getDocument', collectionName: 'todos', queryType: 'WHERE', query: '{}', limit: 1001 }),
    });
    expect(await raw.json()).toMatchObject({ code: 'INVALID_PARAM' });
  });

  it('queries by nested paths, array elements and ranges, ordered, and counts', async () => {
    await db.collection('todos').add({
      data: [
        { _id: 'a', due: { reply: '2024-05-03' }, tags: ['x', 'y'] },
        { _id: 'b', due: { reply: '2024-05-01' }, tags: ['y'] },
        { _id: 'c', due: { reply: '2024-06-01' }, tags: [] },
      ],
    });
    const _ = db.command;
    const inMay = await db.collection('todos').where({ 'due.reply': _.gte('2024-05-01').and(_.lt('2024-06-01')) }).orderBy('due.reply', 'asc').get();
    expect(inMay.data.map((d: { _id: string }) => d._id)).toEqual(['b', 'a']);
    expect((await db.collection('todos').where({ tags: 'x' }).get()).data.map((d: { _id: string }) => d._id)).toEqual(['a']);
    expect((await db.collection('todos').where({ _id: _.gt('a') }).count()).total).toBe(2);
  });

  it('counts every request, adds latency, and cuts connections after the n-th request', async () => {
    emulator.resetCounter();
    await db.collection('todos').where({}).get();
    await db.collection('todos').count();
    expect(emulator.requests).toBe(2);
    expect(emulator.byAction).toEqual({ 'database.getDocument': 1, 'database.calculateDocument': 1 });
    emulator.setLatency(0, 50);
    const before = emulator.now();
    await db.collection('todos').where({}).get();
    expect(emulator.now() - before).toBeGreaterThanOrEqual(50);
    emulator.setLatency(0, 0);
    emulator.cutAfter(1);
    await db.collection('todos').where({}).get();
    await expect(db.collection('todos').where({}).get()).rejects.toBeTruthy();
    emulator.cutAfter(undefined);
  });

  it('answers DATABASE_TIMEOUT to a query no index serves over a large collection, and records it on a small one', async () => {
    emulator.useIndexes([{ collection: 'todos', keys: [{ field: 'owner' }, { field: '_id' }] }], 50);
    try {
      emulator.load('todos', Array.from({ length: 40 }, (_, i) => ({ _id: `t${String(i).padStart(3, '0')}`, owner: `o${i % 4}`, tag: `g${i % 5}` })));
      expect((await db.collection('todos').where({ tag: 'g1' }).get()).data).toHaveLength(8);
      expect(emulator.unindexed).toEqual([{ collection: 'todos', fields: ['tag'], documents: 40 }]);
      emulator.load('todos', Array.from({ length: 20 }, (_, i) => ({ _id: `u${i}`, owner: 'o9', tag: 'g9' })));
      const error = await failure(db.collection('todos').where({ tag: 'g1' }).get());
      expect(error.errCode).toBe(-501001);
      expect(error.message).toContain('Database request timeout');
      // Served by an index: its leading field, or _id; an unfiltered sort by a field no index leads is not.
      expect((await db.collection('todos').where({ owner: 'o1', tag: 'g1' }).get()).data.length).toBeGreaterThan(0);
      expect((await db.collection('todos').where({ _id: db.command.in(['t001', 'u1']) }).get()).data).toHaveLength(2);
      expect((await failure(db.collection('todos').orderBy('tag', 'asc').get())).message).toContain('timeout');
    } finally {
      emulator.useIndexes(undefined);
    }
  });
});
