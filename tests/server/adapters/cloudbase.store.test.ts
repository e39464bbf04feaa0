// The CloudBase adapter, driven through the real wx-server-sdk against a local listener given as
// serviceUrl: each port method must send the requests CloudBase expects and read its answers.
import './cloud-env';
import cloud from 'wx-server-sdk';
import { openCloudBaseStore } from '../../../src/server/adapters/cloudbase/cloudbase.store';
import type { Store } from '../../../src/server/ports';
import { defaultResponder, listAnswer, startCloudListener, type CloudListener, type CloudRequest } from './cloud-listener';
import { auditEvent, task, user } from './store.contract';

describe('CloudBase store', () => {
  let listener: CloudListener;
  let store: Store;

  beforeAll(async () => {
    listener = await startCloudListener();
    cloud.init({ env: 'test-env', serviceUrl: listener.url } as unknown as Parameters<typeof cloud.init>[0]);
    store = openCloudBaseStore(cloud);
  });
  afterAll(() => listener.close());
  beforeEach(() => {
    listener.requests.length = 0;
    listener.respond(defaultResponder);
  });

  const without = (r: CloudRequest) => r.action;

  it('gets one document by _id and hands it back without the database fields', async () => {
    listener.respond((r) => (r.action === 'database.getDocument' ? listAnswer([{ _id: 'u1', _rev: 2, ...user('u1') }]) : defaultResponder(r)));
    expect(await store.get('users', 'u1')).toEqual(user('u1'));
    expect(listener.requests).toEqual([
      { action: 'database.getDocument', collectionName: 'users', queryType: 'WHERE', query: { _id: 'u1' }, limit: 1 },
    ]);
  });

  it('gets a task out of its ledger row, asking for the task alone (cloudbase.tasks.ts)', async () => {
    listener.respond((r) => (r.action === 'database.getDocument' ? listAnswer([{ _id: 't1', _rev: 2, task: task('t1') }]) : defaultResponder(r)));
    expect(await store.get('tasks', 't1')).toEqual(task('t1'));
    expect(listener.requests).toEqual([
      { action: 'database.getDocument', collectionName: 'ledgerRows', queryType: 'WHERE', query: { _id: 't1' }, projection: { task: 1, _rev: 1 }, limit: 1 },
    ]);
  });

  it('answers undefined for a missing document', async () => {
    expect(await store.get('users', 'nobody')).toBeUndefined();
  });

  it('queries by index fields (nested path, array element) ordered by _id', async () => {
    await store.find('tasks', { where: { unitId: 'u1', state: 'handling' }, range: { field: 'dueReply', gte: '2024-05-01', lt: '2024-06-01' } });
    await store.find('suggestions', { where: { coSignerIds: 'd3' } });
    expect(listener.requests).toEqual([
      {
        action: 'database.getDocument',
        collectionName: 'ledgerRows',
        queryType: 'WHERE',
        query: { 'task.unitId': 'u1', 'task.state': 'handling', $and: [{ 'task.due.reply': { $gte: '2024-05-01' } }, { 'task.due.reply': { $lt: '2024-06-01' } }] },
        order: { _id: 1 },
        projection: { task: 1, _rev: 1 },
        limit: 1000,
      },
      { action: 'database.getDocument', collectionName: 'suggestions', queryType: 'WHERE', query: { coSignerIds: 'd3' }, order: { _id: 1 }, limit: 1000 },
    ]);
  });

  it('reads the suggestions’ list rows out of their detail documents by row.<field>, asking for the row alone', async () => {
    listener.respond((r) => (r.action === 'database.getDocument' ? listAnswer([{ _id: 's1', _rev: 3, row: { id: 's1', status: 'handling', _searchGrams: ['办'] } }]) : defaultResponder(r)));
    expect(await store.find('suggestionRows', { where: { status: 'handling' }, orderBy: [{ field: 'sortKey' }], limit: 20 })).toEqual([{ id: 's1', status: 'handling' }]);
    await store.count('suggestionRows');
    await store.get('suggestionDetails', 's1');
    expect(listener.requests).toEqual([
      {
        action: 'database.getDocument',
        collectionName: 'suggestionDetails',
        queryType: 'WHERE',
        query: { 'row.status': 'handling' },
        order: { 'row.sortKey': 1, _id: 1 },
        limit: 20,
        projection: { row: 1, _rev: 1 },
      },
      { action: 'database.calculateDocument', collectionName: 'suggestionDetails', queryType: 'WHERE', query: { 'row.id': { $exists: true } } },
      { action: 'database.getDocument', collectionName: 'suggestionDetails', queryType: 'WHERE', query: { _id: 's1' }, limit: 1, projection: { row: 0 } },
    ]);
  });

  it('reads a unit’s statistics counters out of the year-session documents, asking for that unit’s part alone', async () => {
    listener.respond((r) =>
      r.action === 'database.getDocument' ? listAnswer([{ _id: '2024|十八届%2E二次', _rev: 4, year: 2024, session: '十八届.二次', units: { 'u%2E1': { received: 2 } } }]) : defaultResponder(r),
    );
    const [counter] = await store.find('statCounters', { where: { year: 2024, unitId: 'u.1' } });
    expect(counter).toMatchObject({ id: '2024|十八届%2E二次|u%2E1', year: 2024, session: '十八届.二次', unitId: 'u.1', received: 2, done: 0 });
    expect(listener.requests).toEqual([
      {
        action: 'database.getDocument',
        collectionName: 'statCounters',
        queryType: 'WHERE',
        query: { year: 2024 },
        order: { _id: 1 },
        limit: 1000,
        projection: { year: 1, session: 1, _rev: 1, 'units.u%2E1': 1 },
      },
    ]);
  });

  it('reads more than 1000 documents page by page, by _id after the last one seen', async () => {
    const docs = Array.from({ length: 2300 }, (_, i) => ({ _id: `t${String(i).padStart(5, '0')}`, _rev: 1, task: task(`t${String(i).padStart(5, '0')}`) }));
    listener.respond((r) => {
      if (r.action !== 'database.getDocument') return defaultResponder(r);
      const after = ((r.query as { _id?: { $gt?: string } })._id?.$gt) ?? '';
      return listAnswer(docs.filter((d) => d._id > after).slice(0, r.limit));
    });
    const found = await store.find('tasks', { where: { state: 'assigned' } });
    expect(found).toHaveLength(2300);
    expect(listener.requests.map((r) => r.query)).toEqual([
      { 'task.state': 'assigned' },
      { 'task.state': 'assigned', _id: { $gt: 't00999' } },
      { 'task.state': 'assigned', _id: { $gt: 't01999' } },
    ]);
    expect(listener.requests.every((r) => r.limit === 1000)).toBe(true);
  });

  it('asks for no more than a given limit, after a given id', async () => {
    await store.find('users', { where: { openid: 'o1' }, limit: 1, afterId: 'a' });
    expect(listener.requests[0]).toMatchObject({ query: { openid: 'o1', _id: { $gt: 'a' } }, limit: 1 });
  });

  it('counts with calculateDocument', async () => {
    listener.respond((r) => (r.action === 'database.calculateDocument' ? { data: { total: 7 }, requestId: 'r' } : defaultResponder(r)));
    expect(await store.count('tasks', { where: { unitId: 'u1' } })).toBe(7);
    expect(await store.count('tasks')).toBe(7);
    expect(await store.count('ledgerRows')).toBe(7);
    // Tasks in their ledger rows: a count of all of them (or of all rows) counts the documents holding one.
    expect(listener.requests).toEqual([
      { action: 'database.calculateDocument', collectionName: 'ledgerRows', queryType: 'WHERE', query: { 'task.unitId': 'u1' } },
      { action: 'database.calculateDocument', collectionName: 'ledgerRows', queryType: 'WHERE', query: { 'task.suggestionId': { $exists: true } } },
      { action: 'database.calculateDocument', collectionName: 'ledgerRows', queryType: 'WHERE', query: { suggestionId: { $exists: true } } },
    ]);
  });

  it('reads a suggestion\'s events in commit order and a requestId\'s record by _id, kept beside them', async () => {
    listener.respond((r) => {
      if (r.collectionName === 'events' && (r.query as { _id?: string })?._id === 'request:r1') return listAnswer([{ _id: 'request:r1', action: 'me', actorId: 'a', at: 'now', response: { ok: true, data: 1 } }]);
      if (r.collectionName === 'events') return listAnswer([{ _id: 'e1', seq: 'x#0000#e1', ...auditEvent('e1', { suggestionId: 's1' }) }]);
      return defaultResponder(r);
    });
    expect(await store.events({ suggestionId: 's1' })).toEqual([auditEvent('e1', { suggestionId: 's1' })]);
    expect(await store.idempotency('r1')).toEqual({ id: 'r1', action: 'me', actorId: 'a', at: 'now', response: { ok: true, data: 1 } });
    expect(listener.requests).toEqual([
      { action: 'database.getDocument', collectionName: 'events', queryType: 'WHERE', query: { suggestionId: 's1' }, order: { seq: 1 }, limit: 1000 },
      { action: 'database.getDocument', collectionName: 'events', queryType: 'WHERE', query: { _id: 'request:r1' }, limit: 1 },
    ]);
  });

  it('writes new documents in one batch insert per collection, with their events and the requestId record, in one transaction', async () => {
    await store.transaction(async (tx) => {
      tx.insert('tasks', task('t1'));
      tx.insert('tasks', task('t2'));
      tx.appendEvent(auditEvent('e1'));
      tx.appendEvent(auditEvent('e2'));
      tx.rememberResult({ id: 'r1', action: 'tasks.claim', actorId: 'a', at: 'now', response: { ok: true } });
    });
    // The transaction begins with the first read (the snapshot the commit is judged against); then the
    // read models' lookups of the task's suggestion and its records (src/server/read-models/project.ts;
    // no suggestion here), all reads; then the writes.
    expect(listener.requests[0]!.action).toBe('database.startTransaction');
    const first = listener.requests.findIndex((x, i) => i > 0 && x.action !== 'database.getDocument');
    expect(listener.requests.slice(1, first).every((x) => x.action === 'database.getDocument')).toBe(true);
    expect(listener.requests.slice(1, first)).toContainEqual(expect.objectContaining({ collectionName: 'suggestions', query: { _id: { $in: ['s1'] } } }));
    const r = [listener.requests[0]!, ...listener.requests.slice(first)];
    expect(r.map(without)).toEqual(['database.startTransaction', 'database.insertDocument', 'database.modifyDocument', 'database.insertDocument', 'database.commitTransaction']);
    expect(r.slice(1, 4).every((x) => x.transactionId === 'tx-1')).toBe(true);
    const { id: _id, ...fields } = task('t1');
    // No suggestion here, so no rows: each task alone in its ledger document (cloudbase.tasks.ts).
    expect(r[1]).toMatchObject({ collectionName: 'ledgerRows', data: [{ _id: 't1', task: { id: 't1', ...fields }, _rev: 1 }, expect.objectContaining({ _id: 't2', _rev: 1 })] });
    // The suggestion's detail document gets exactly the two tasks, each set whole at its own path.
    expect(r[2]).toMatchObject({ collectionName: 'suggestionDetails', queryType: 'DOC', query: { _id: 's1' } });
    expect(r[2]!.data).toEqual({ $inc: { _rev: 1 }, $set: { 'tasks.t1': task('t1'), 'tasks.t2': task('t2') } });
    r.splice(2, 1);
    expect(r[2]).toMatchObject({
      collectionName: 'events',
      data: [
        expect.objectContaining({ _id: 'e1', action: 'tasks.claim', seq: expect.stringMatching(/#0000#e1$/) }),
        expect.objectContaining({ _id: 'e2', seq: expect.stringMatching(/#0001#e2$/) }),
        // The requestId's record goes in the same insert.
        { _id: 'request:r1', action: 'tasks.claim', actorId: 'a', at: 'now', response: { ok: true } },
      ],
    });
  });

  it('replaces a document read at revision n with revision n + 1', async () => {
    listener.respond((r) =>
      r.action === 'database.getDocument' && r.collectionName === 'users' ? listAnswer([{ _id: 'u1', _rev: 3, ...user('u1') }]) : defaultResponder(r),
    );
    await store.transaction(async (tx) => {
      const current = await tx.get('users', 'u1');
      tx.update('users', { ...current!, name: '王芳', version: 2 });
    });
    const set = listener.requests.find((r) => r.action === 'database.modifyDocument');
    expect(set).toMatchObject({ collectionName: 'users', queryType: 'DOC', query: { _id: 'u1' }, upsert: true, merge: false, transactionId: 'tx-1' });
    expect(set?.data).toMatchObject({ name: '王芳', version: 2, _rev: 4 });
    expect(listener.requests.at(-1)?.action).toBe('database.commitTransaction');
  });

  it('after a reported conflict, writes again when the document is still as it was read, whatever its revision', async () => {
    // A record taken from its detail document is written back with revision 1 (unit-of-work.ts,
    // FROM_DETAIL), so the retry compares content: the same content at another revision is no change.
    let reads = 0;
    let writes = 0;
    listener.respond((r) => {
      if (r.action === 'database.modifyDocument' && r.collectionName === 'ledgerRows') {
        writes += 1;
        if (writes === 1) return { code: 'DATABASE_TRANSACTION_CONFLICT', message: '[ResourceUnavailable.TransactionConflict] Transaction is conflict, maybe resource operated by others.' };
      }
      if (r.action !== 'database.getDocument' || r.collectionName !== 'ledgerRows') return defaultResponder(r);
      reads += 1;
      return listAnswer([{ _id: 't1', _rev: reads === 1 ? 3 : 1, task: task('t1') }]);
    });
    await store.transaction(async (tx) => {
      const current = await tx.get('tasks', 't1');
      tx.update('tasks', { ...current!, state: 'handling' });
    });
    expect(writes).toBe(2);
    expect(listener.requests.at(-1)?.action).toBe('database.commitTransaction');
  });

  it('refuses with CONFLICT and rolls back when the document moved on since it was read', async () => {
    // The service reports the write-write conflict (the document was committed after this
    // transaction's snapshot); tried again, the document is read first: it moved on, so CONFLICT.
    let reads = 0;
    let writes = 0;
    listener.respond((r) => {
      if (r.action === 'database.modifyDocument' && r.collectionName === 'ledgerRows') {
        writes += 1;
        return { code: 'DATABASE_TRANSACTION_CONFLICT', message: '[ResourceUnavailable.TransactionConflict] Transaction is conflict, maybe resource operated by others. Please check your request, but if the problem persists, contact us.' };
      }
      if (r.action !== 'database.getDocument' || r.collectionName !== 'ledgerRows') return defaultResponder(r);
      reads += 1;
      // Someone else's change committed meanwhile: what is stored now differs from what was read.
      return listAnswer([{ _id: 't1', _rev: reads === 1 ? 3 : 4, task: { ...task('t1'), ...(reads === 1 ? {} : { state: 'replied', version: 2 }) } }]);
    });
    await expect(
      store.transaction(async (tx) => {
        const current = await tx.get('tasks', 't1');
        tx.update('tasks', { ...current!, state: 'handling' });
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    const actions = listener.requests.map(without);
    expect(writes).toBe(1);
    // The document read again after the refused write, inside the second transaction.
    const refused = listener.requests.findIndex((x) => x.action === 'database.modifyDocument');
    expect(listener.requests.slice(refused).some((x) => x.action === 'database.getDocument' && x.collectionName === 'ledgerRows' && x.transactionId !== undefined)).toBe(true);
    expect(actions).not.toContain('database.commitTransaction');
    expect(actions.at(-1)).toBe('database.abortTransaction');
  });

  it('sends nothing for a transaction that changed nothing', async () => {
    await store.transaction(async (tx) => {
      tx.rememberResult({ id: 'r1', action: 'me', actorId: 'a', at: 'now', response: null });
    });
    expect(listener.requests).toEqual([]);
  });
});
