// The behaviour every Store adapter must have. Run it with a factory for a fresh, empty store.
import type { AuditEvent, Suggestion, Task, User } from '../../../src/core/model';
import type { Query, Store } from '../../../src/server/ports';

export function user(id: string, extra: Partial<User> = {}): User {
  return { id, name: `用户${id}`, roles: ['deputy'], createdAt: '2024-01-01T00:00:00.000Z', version: 1, ...extra };
}

export function suggestion(id: string, extra: Partial<Suggestion> = {}): Suggestion {
  return {
    id,
    number: `S${id}`,
    title: `关于${id}的建议`,
    content: '内容',
    leadDeputyId: 'd1',
    coSignerIds: [],
    delegation: '历下区代表团',
    session: '十八届二次',
    phase: 'session',
    tags: [],
    keySupervised: false,
    createdAt: '2024-01-01T00:00:00.000Z',
    version: 1,
    ...extra,
  };
}

export function task(id: string, extra: Partial<Task> = {}): Task {
  return {
    id,
    suggestionId: 's1',
    unitId: 'u1',
    role: 'lead',
    state: 'assigned',
    round: 1,
    assignedAt: '2024-02-01T02:00:00.000Z',
    due: { reply: '2024-05-01', returnWindow: '2024-02-06' },
    updatedAt: '2024-02-01T02:00:00.000Z',
    version: 1,
    ...extra,
  };
}

export function auditEvent(id: string, extra: Partial<AuditEvent> = {}): AuditEvent {
  return { id, at: '2024-02-01T02:00:00.000Z', actorId: 'c1', action: 'tasks.claim', entity: 'task', entityId: 't1', ...extra };
}

export function describeStoreContract(name: string, makeStore: () => Promise<Store> | Store) {
  describe(`${name} store contract`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await makeStore();
    });
    afterEach(async () => {
      await store.close?.();
    });

    it('returns nothing for a document that was never written', async () => {
      expect(await store.get('users', 'nobody')).toBeUndefined();
      expect(await store.find('users')).toEqual([]);
    });

    it('keeps a document written in a transaction and gives it back unchanged', async () => {
      const doc = user('a', { openid: 'o-a', roles: ['handler', 'reviewer'], unitId: 'u1' });
      await store.transaction(async (tx) => tx.insert('users', doc));
      expect(await store.get('users', 'a')).toEqual(doc);
    });

    it('finds documents by an index field, by an element of an array field, and by both', async () => {
      await store.transaction(async (tx) => {
        tx.insert('users', user('a', { roles: ['handler'], unitId: 'u1' }));
        tx.insert('users', user('b', { roles: ['reviewer', 'handler'], unitId: 'u1' }));
        tx.insert('users', user('c', { roles: ['handler'], unitId: 'u2' }));
      });
      expect((await store.find('users', { where: { unitId: 'u1' } })).map((u) => u.id)).toEqual(['a', 'b']);
      expect((await store.find('users', { where: { roles: 'reviewer' } })).map((u) => u.id)).toEqual(['b']);
      expect((await store.find('users', { where: { roles: 'handler', unitId: 'u2' } })).map((u) => u.id)).toEqual(['c']);
      expect(await store.count('users', { where: { roles: 'handler' } })).toBe(3);
    });

    it('finds by a nested field within a range, ordered by id, page by page', async () => {
      await store.transaction(async (tx) => {
        tx.insert('tasks', task('t3', { due: { reply: '2024-05-03', returnWindow: '2024-02-06' } }));
        tx.insert('tasks', task('t1', { due: { reply: '2024-05-01', returnWindow: '2024-02-06' } }));
        tx.insert('tasks', task('t2', { due: { reply: '2024-05-02', returnWindow: '2024-02-06' } }));
        tx.insert('tasks', task('t4', { due: { reply: '2024-06-01', returnWindow: '2024-02-06' } }));
      });
      const inMay = await store.find('tasks', { range: { field: 'dueReply', gte: '2024-05-01', lt: '2024-06-01' } });
      expect(inMay.map((t) => t.id)).toEqual(['t1', 't2', 't3']);
      const first = await store.find('tasks', { limit: 2 });
      const next = await store.find('tasks', { limit: 2, afterId: first[1]?.id });
      expect([...first, ...next].map((t) => t.id)).toEqual(['t1', 't2', 't3', 't4']);
    });

    it('finds suggestions a deputy co-signed and those that were disclosed', async () => {
      await store.transaction(async (tx) => {
        tx.insert('suggestions', suggestion('s1', { coSignerIds: ['d2', 'd3'] }));
        tx.insert('suggestions', suggestion('s2', { disclosure: { mode: 'full', decidedAt: 'x', decidedBy: 'c1' } }));
      });
      expect((await store.find('suggestions', { where: { coSignerIds: 'd3' } })).map((s) => s.id)).toEqual(['s1']);
      expect((await store.find('suggestions', { where: { disclosed: 'full' } })).map((s) => s.id)).toEqual(['s2']);
    });

    it('updates a document read in the same transaction and moves its index entries', async () => {
      await store.transaction(async (tx) => tx.insert('suggestions', suggestion('s1', { coSignerIds: ['d2'] })));
      await store.transaction(async (tx) => {
        const current = await tx.get('suggestions', 's1');
        tx.update('suggestions', { ...current!, coSignerIds: ['d3'], version: 2 });
      });
      expect(await store.find('suggestions', { where: { coSignerIds: 'd2' } })).toEqual([]);
      expect((await store.get('suggestions', 's1'))?.version).toBe(2);
    });

    it('writes a change and its audit event together, or neither', async () => {
      await store.transaction(async (tx) => tx.insert('tasks', task('t1')));
      await expect(
        store.transaction(async (tx) => {
          const current = await tx.get('tasks', 't1');
          tx.update('tasks', { ...current!, state: 'handling' });
          tx.appendEvent(auditEvent('e1'));
          throw new Error('the use case failed half way');
        }),
      ).rejects.toThrow('half way');
      expect((await store.get('tasks', 't1'))?.state).toBe('assigned');
      expect(await store.events({ entityId: 't1' })).toEqual([]);
    });

    it('refuses with CONFLICT a commit whose document changed after it was read', async () => {
      await store.transaction(async (tx) => tx.insert('tasks', task('t1')));
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const slow = store.transaction(async (tx) => {
        const current = await tx.get('tasks', 't1');
        await gate;
        tx.update('tasks', { ...current!, state: 'handling', version: 2 });
        tx.appendEvent(auditEvent('slow'));
      });
      await store.transaction(async (tx) => {
        const current = await tx.get('tasks', 't1');
        tx.update('tasks', { ...current!, state: 'returnRequested', version: 2 });
        tx.appendEvent(auditEvent('fast'));
      });
      release();
      await expect(slow).rejects.toMatchObject({ code: 'CONFLICT' });
      expect((await store.get('tasks', 't1'))?.state).toBe('returnRequested');
      expect((await store.events({ entityId: 't1' })).map((e) => e.id)).toEqual(['fast']);
    });

    it('refuses with CONFLICT to insert a document whose id exists', async () => {
      await store.transaction(async (tx) => tx.insert('units', { id: 'u1', name: '市民政局', departments: [] }));
      await expect(
        store.transaction(async (tx) => tx.insert('units', { id: 'u1', name: '另一个', departments: [] })),
      ).rejects.toMatchObject({ code: 'CONFLICT' });
      expect((await store.get('units', 'u1'))?.name).toBe('市民政局');
    });

    it('answers CONFLICT, never another error, to every loser of concurrent updates of one document', async () => {
      await store.transaction(async (tx) => tx.insert('tasks', task('t1')));
      const results = await Promise.allSettled(
        Array.from({ length: 8 }, (_, i) =>
          store.transaction(async (tx) => {
            const current = await tx.get('tasks', 't1');
            tx.update('tasks', { ...current!, state: i % 2 ? 'handling' : 'returnRequested', version: 2 });
            tx.appendEvent(auditEvent(`e${i}`));
          }),
        ),
      );
      const won = results.filter((r) => r.status === 'fulfilled').length;
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(won).toBeGreaterThanOrEqual(1);
      expect(lost.map((r) => (r.reason as { code?: string }).code)).toEqual(lost.map(() => 'CONFLICT'));
      expect(await store.events({ entityId: 't1' })).toHaveLength(won);
    });

    it('keeps one document when concurrent transactions insert the same id; the others answer CONFLICT', async () => {
      const results = await Promise.allSettled(
        Array.from({ length: 8 }, (_, i) => store.transaction(async (tx) => tx.insert('units', { id: 'u1', name: `单位${i}`, departments: [] }))),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(lost.map((r) => (r.reason as { code?: string }).code)).toEqual(lost.map(() => 'CONFLICT'));
      expect(await store.find('units')).toHaveLength(1);
    });

    it('keeps natural keys unique under races, frees a key a document gives up, and lets documents without one be', async () => {
      const results = await Promise.allSettled(
        Array.from({ length: 8 }, (_, i) => store.transaction(async (tx) => tx.insert('suggestions', suggestion(`s${i}`, { number: '1001' })))),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(lost.map((r) => (r.reason as { code?: string }).code)).toEqual(lost.map(() => 'CONFLICT'));
      expect(await store.find('suggestions', { where: { number: '1001' } })).toHaveLength(1);
      // Another session may use the number.
      await store.transaction(async (tx) => tx.insert('suggestions', suggestion('other', { number: '1001', session: '十八届三次' })));

      await store.transaction(async (tx) => tx.insert('units', { id: 'u1', name: '市民政局', departments: [] }));
      await expect(store.transaction(async (tx) => tx.insert('units', { id: 'u2', name: '市民政局', departments: [] }))).rejects.toMatchObject({ code: 'CONFLICT' });
      await store.transaction(async (tx) => {
        const unit = await tx.get('units', 'u1');
        tx.update('units', { ...unit!, name: '市民政局（新）' });
      });
      await store.transaction(async (tx) => tx.insert('units', { id: 'u2', name: '市民政局', departments: [] }));
      await expect(store.transaction(async (tx) => tx.insert('units', { id: 'u3', name: '市民政局（新）', departments: [] }))).rejects.toMatchObject({ code: 'CONFLICT' });

      await store.transaction(async (tx) => {
        tx.insert('users', user('a'));
        tx.insert('users', user('b'));
      });
      await store.transaction(async (tx) => tx.insert('users', user('c', { openid: 'o1' })));
      await expect(store.transaction(async (tx) => tx.insert('users', user('d', { openid: 'o1' })))).rejects.toMatchObject({ code: 'CONFLICT' });
    });

    it('lists events of a suggestion in the order they were appended', async () => {
      await store.transaction(async (tx) => {
        tx.appendEvent(auditEvent('e2', { suggestionId: 's1', at: '2024-02-02T00:00:00.000Z' }));
        tx.appendEvent(auditEvent('e1', { suggestionId: 's1', at: '2024-02-03T00:00:00.000Z' }));
        tx.appendEvent(auditEvent('e3', { suggestionId: 's2' }));
      });
      expect((await store.events({ suggestionId: 's1' })).map((e) => e.id)).toEqual(['e2', 'e1']);
    });

    it('keeps the result of a requestId with the change, once', async () => {
      await store.transaction(async (tx) => {
        tx.insert('units', { id: 'u1', name: '市民政局', departments: [] });
        tx.rememberResult({ id: 'r1', action: 'units.upsert', actorId: 'a1', at: 'now', response: { ok: true, data: { id: 'u1' } } });
      });
      expect(await store.idempotency('r1')).toEqual({
        id: 'r1',
        action: 'units.upsert',
        actorId: 'a1',
        at: 'now',
        response: { ok: true, data: { id: 'u1' } },
      });
      await expect(
        store.transaction(async (tx) => {
          tx.insert('units', { id: 'u2', name: '市交通运输局', departments: [] });
          tx.rememberResult({ id: 'r1', action: 'units.upsert', actorId: 'a1', at: 'now', response: null });
        }),
      ).rejects.toMatchObject({ code: 'CONFLICT' });
      expect(await store.get('units', 'u2')).toBeUndefined();
    });

    it('remembers no requestId for a transaction that changed nothing', async () => {
      await store.transaction(async (tx) => {
        tx.rememberResult({ id: 'r1', action: 'me', actorId: 'a1', at: 'now', response: null });
      });
      expect(await store.idempotency('r1')).toBeUndefined();
    });

    it('lets a transaction read its own writes', async () => {
      await store.transaction(async (tx) => {
        tx.insert('units', { id: 'u1', name: '市民政局', departments: [] });
        const seen = await tx.get('units', 'u1');
        tx.update('units', { ...seen!, departments: ['养老服务处'] });
      });
      expect((await store.get('units', 'u1'))?.departments).toEqual(['养老服务处']);
    });

    it('matches any of a list of values, every one of a list on an array field, and ids in one call', async () => {
      await store.transaction(async (tx) => {
        tx.insert('users', user('a', { roles: ['handler'], unitId: 'u1' }));
        tx.insert('users', user('b', { roles: ['reviewer', 'handler'], unitId: 'u2' }));
        tx.insert('users', user('c', { roles: ['leader'], unitId: 'u3' }));
      });
      expect((await store.find('users', { where: { unitId: ['u1', 'u3'] } })).map((u) => u.id)).toEqual(['a', 'c']);
      expect((await store.find('users', { where: { roles: ['reviewer', 'leader'] } })).map((u) => u.id)).toEqual(['b', 'c']);
      expect(await store.count('users', { where: { unitId: [] } })).toBe(0);
      expect((await store.getMany('users', ['c', 'a', 'nobody', 'a'])).map((u) => u.id).sort()).toEqual(['a', 'c']);
      expect(await store.getMany('users', [])).toEqual([]);
    });

    it('gets 2,500 documents by id in one call, past the 1,000 a CloudBase query answers', async () => {
      const ids = Array.from({ length: 2500 }, (_, i) => `p${String(i).padStart(4, '0')}`);
      await store.transaction(async (tx) => {
        for (const id of ids) tx.insert('users', user(id));
      });
      const found = await store.getMany('users', [...ids, 'nobody', ids[0]!]);
      expect(found.map((u) => u.id).sort()).toEqual(ids);
    }, 60_000);

    it('keeps a 届次 holding . and $ (a key of the statistics built from it) and reads it back', async () => {
      const sessions = ['十六届.一次', '$十六届二次', '十六届$.三次'];
      await store.transaction(async (tx) => {
        sessions.forEach((session, i) => tx.insert('suggestions', suggestion(`s${i}`, { session, number: `${i + 1}` })));
      });
      for (const [i, session] of sessions.entries()) {
        expect((await store.get('suggestions', `s${i}`))?.session).toBe(session);
        expect((await store.find('suggestionRows', { where: { session } })).map((r) => r.id)).toEqual([`s${i}`]);
        expect((await store.find('statCounters', { where: { session } })).length).toBeGreaterThan(0);
      }
    });

    it('answers the statistics counters by id, by year, 届次 and unit in any combination, and takes them written whole', async () => {
      const A = '十八届二次';
      const B = '十八届.三次';
      await store.transaction(async (tx) => {
        tx.insert('suggestions', suggestion('s1', { number: '1', session: A, createdAt: '2024-01-05T02:00:00.000Z' }));
        tx.insert('suggestions', suggestion('s2', { number: '2', session: B, createdAt: '2025-01-05T02:00:00.000Z' }));
        tx.insert('suggestions', suggestion('s3', { number: '3', session: A, createdAt: '2025-01-05T02:00:00.000Z' }));
        // Unit ids holding . and $: keys inside the stored counters, escaped as the session is.
        tx.insert('tasks', task('t1', { suggestionId: 's1', unitId: 'u1', role: 'sole' }));
        tx.insert('tasks', task('t2', { suggestionId: 's2', unitId: 'u.2', role: 'lead' }));
        tx.insert('tasks', task('t3', { suggestionId: 's2', unitId: 'u1', role: 'co' }));
        tx.insert('tasks', task('t4', { suggestionId: 's3', unitId: '$u3', role: 'sole' }));
      });
      const key = (c: { year: number; session: string; unitId: string; received: number }) => `${c.year}/${c.session}/${c.unitId}=${c.received}`;
      const keys = async (query?: Query<'statCounters'>) => (await store.find('statCounters', query)).map(key);
      const all = ['2024/十八届二次/*=1', '2024/十八届二次/u1=1', '2025/十八届.三次/*=1', '2025/十八届.三次/u.2=1', '2025/十八届.三次/u1=1', '2025/十八届二次/$u3=1', '2025/十八届二次/*=1'];
      expect((await keys()).sort()).toEqual([...all].sort());
      const ids = (await store.find('statCounters')).map((c) => c.id);
      expect(ids).toEqual([...ids].sort());
      expect(await store.count('statCounters')).toBe(7);
      expect(await keys({ where: { unitId: '*' } })).toEqual(['2024/十八届二次/*=1', '2025/十八届.三次/*=1', '2025/十八届二次/*=1']);
      expect(await keys({ where: { unitId: 'u1' } })).toEqual(['2024/十八届二次/u1=1', '2025/十八届.三次/u1=1']);
      expect((await keys({ where: { unitId: ['u.2', '$u3'] } })).sort()).toEqual(['2025/十八届.三次/u.2=1', '2025/十八届二次/$u3=1']);
      expect((await keys({ where: { year: 2025 } })).length).toBe(5);
      expect((await keys({ where: { session: A, unitId: '*' } })).sort()).toEqual(['2024/十八届二次/*=1', '2025/十八届二次/*=1']);
      expect(await keys({ where: { year: 2025, session: B, unitId: 'u.2' } })).toEqual(['2025/十八届.三次/u.2=1']);
      expect(await keys({ where: { year: 2026 } })).toEqual([]);
      expect(await store.count('statCounters', { where: { year: [2024, 2025], unitId: 'u1' } })).toBe(2);
      expect(await keys({ where: { unitId: '*' }, orderBy: [{ field: 'year', desc: true }], limit: 2 })).toEqual(['2025/十八届二次/*=1', '2025/十八届.三次/*=1']);
      expect(await keys({ where: { unitId: '*' }, range: { field: 'year', gte: 2025 }, offset: 1 })).toEqual(['2025/十八届二次/*=1']);
      expect(await keys({ afterId: ids[4] })).toEqual((await keys()).slice(5));
      const one = (await store.find('statCounters', { where: { unitId: 'u.2' } }))[0]!;
      expect(await store.get('statCounters', one.id)).toEqual(one);
      expect((await store.getMany('statCounters', [one.id, ids[0]!, 'nobody', '2024|x|'])).map((c) => c.id).sort()).toEqual([one.id, ids[0]!].sort());
      expect(await store.get('statCounters', 'nobody')).toBeUndefined();
      // Written whole, as the rebuild does: a counter changed and a new one beside the others.
      await store.transaction(async (tx) => {
        const counter = (await tx.get('statCounters', one.id))!;
        tx.update('statCounters', { ...counter, received: 5 });
        tx.insert('statCounters', { ...counter, id: `${one.id.slice(0, one.id.lastIndexOf('|'))}|u9`, unitId: 'u9', received: 2 });
      });
      expect(await keys({ where: { session: B } })).toEqual(['2025/十八届.三次/*=1', '2025/十八届.三次/u.2=5', '2025/十八届.三次/u1=1', '2025/十八届.三次/u9=2']);
      // A change moves the counters written whole.
      await store.transaction(async (tx) => {
        const t = (await tx.get('tasks', 't2'))!;
        tx.update('tasks', { ...t, state: 'closed', closedAt: '2025-03-01T00:00:00.000Z', version: 2 });
      });
      expect((await store.find('statCounters', { where: { session: B, unitId: ['u.2', '*'] } })).map((c) => [c.unitId, c.received, c.done])).toEqual([
        ['*', 1, 1],
        ['u.2', 5, 1],
      ]);
    });

    it('orders by index fields then id, skips, and searches the text of the read models, Chinese included', async () => {
      await store.transaction(async (tx) => {
        tx.insert('users', user('d1', { name: '王建华' }));
        tx.insert('users', user('d2', { name: '李秀英' }));
        tx.insert('suggestions', suggestion('s1', { number: '1010', title: '关于加快充电桩建设的建议', leadDeputyId: 'd1' }));
        tx.insert('suggestions', suggestion('s2', { number: '1002', title: '关于社区养老服务的建议', leadDeputyId: 'd2', coSignerIds: ['d1'] }));
        tx.insert('suggestions', suggestion('s3', { number: '1003', title: '关于黄河"滩区"保障的建议', leadDeputyId: 'd2', keySupervised: true }));
        tx.insert('tasks', task('t1', { suggestionId: 's1', unitId: 'u1', role: 'sole' }));
        tx.insert('tasks', task('t2', { suggestionId: 's2', unitId: 'u2', role: 'lead', state: 'handling' }));
        tx.insert('tasks', task('t3', { suggestionId: 's2', unitId: 'u1', role: 'co' }));
      });
      const ids = async (query: Query<'suggestionRows'>) => (await store.find('suggestionRows', query)).map((r) => r.id);
      expect(await ids({ orderBy: [{ field: 'sortKey' }] })).toEqual(['s2', 's3', 's1']);
      expect(await ids({ orderBy: [{ field: 'sortKey', desc: true }] })).toEqual(['s1', 's3', 's2']);
      expect(await ids({ orderBy: [{ field: 'sortKey' }], offset: 1, limit: 1 })).toEqual(['s3']);
      expect(await ids({ orderBy: [{ field: 'keySupervised', desc: true }, { field: 'sortKey', desc: true }] })).toEqual(['s3', 's1', 's2']);
      expect(await ids({ search: '养老服务' })).toEqual(['s2']);
      expect(await ids({ search: '建议' })).toEqual(['s1', 's2', 's3']);
      expect(await ids({ search: '秀' })).toEqual(['s2', 's3']);
      expect(await ids({ search: '"滩区"' })).toEqual(['s3']);
      expect(await ids({ search: '100' })).toEqual(['s2', 's3']);
      expect(await ids({ search: '养老建设' })).toEqual([]);
      expect(await store.count('suggestionRows', { search: '李秀英' })).toBe(2);
      expect(await ids({ where: { viewers: ['deputy:d1'] } })).toEqual(['s1', 's2']);
      expect(await ids({ every: { facets: ['u1|live', '*|state:handling'] } })).toEqual(['s2']);
      expect(await ids({ every: { facets: ['u1|state:handling'] } })).toEqual([]);
      expect((await store.find('ledgerRows', { where: { unitId: 'u1' }, orderBy: [{ field: 'sortKey' }] })).map((r) => r.id)).toEqual(['t3', 't1']);
    });

    it('moves the read models with each change of a suggestion and its tasks', async () => {
      await store.transaction(async (tx) => {
        tx.insert('users', user('d1', { name: '王建华' }));
        tx.insert('suggestions', suggestion('s1', { title: '关于公交线路的建议' }));
        tx.insert('tasks', task('t1', { suggestionId: 's1', role: 'sole' }));
      });
      expect((await store.get('suggestionRows', 's1'))?.status).toBe('handling');
      await store.transaction(async (tx) => {
        const t = (await tx.get('tasks', 't1'))!;
        tx.update('tasks', { ...t, state: 'closed', closedAt: '2024-03-01T00:00:00.000Z', version: 2 });
        const s = (await tx.get('suggestions', 's1'))!;
        tx.update('suggestions', { ...s, title: '关于优化公交线路的建议', version: 2 });
      });
      expect(await store.get('suggestionRows', 's1')).toMatchObject({ status: 'closed', title: '关于优化公交线路的建议' });
      expect(await store.get('ledgerRows', 't1')).toMatchObject({ state: 'closed', status: 'closed', activeDue: '9999-12-31' });
      expect(await store.count('suggestionRows', { search: '优化公交' })).toBe(1);
      expect(await store.count('suggestionRows', { search: '于公交' })).toBe(0);
      await store.transaction(async (tx) => {
        const d = (await tx.get('users', 'd1'))!;
        tx.update('users', { ...d, name: '王建国', version: 2 });
      });
      expect(await store.count('ledgerRows', { search: '王建国' })).toBe(1);
      const counters = await store.find('statCounters', { where: { unitId: '*' } });
      expect(counters.map((c) => [c.received, c.done])).toEqual([[1, 1]]);
    });
  });
}
