// The per-suggestion detail documents (suggestionDetails): the detail page read from one equals the
// page read from the record collections, and commits writing records of one suggestion at the same
// moment all apply (their patches of the document meet; CloudBase retries them), on both stores.
import { createApi, type Api } from '../../../src/server/api';
import { openSqliteStore } from '../../../src/server/adapters/sqlite/sqlite.store';
import { seedDemo } from '../../../src/server/setup/demo-data';
import type { Store } from '../../../src/server/ports';
import { detailsFromCollections } from '../../../src/server/read-models/details';
import { detailRecords } from '../../../src/server/read-models/project';
import { rebuildReadModels } from '../../../src/server/read-models/rebuild';
import { freshCloudStore, sharedEmulator } from '../../support/cloudbase-emulator/sdk';

const NOW = '2026-05-20T02:00:00.000Z';
let emulator: Awaited<ReturnType<typeof sharedEmulator>> | undefined;
afterAll(async () => {
  await emulator?.close();
});

describe.each([
  ['SQLite', async () => openSqliteStore(':memory:') as Store],
  ['the CloudBase emulator', async () => freshCloudStore((emulator = await sharedEmulator({ latencyMs: 2 })))],
])('detail documents on %s', (_name, open) => {
  let store: Store;
  let api: Api;
  beforeAll(async () => {
    store = await open();
    await seedDemo(store, NOW);
    api = createApi({ store, clock: { now: () => NOW }, log: () => undefined });
  }, 60_000);
  afterAll(async () => {
    await store.close?.();
  });

  const call = async (openid: string, action: string, data: unknown) => {
    const res = await api({ action, data }, { openid });
    if (!res.ok) throw new Error(`${action}: ${res.error.code} ${res.error.message}`);
    return res.data;
  };

  it('hold exactly the records of the collections, for every suggestion', async () => {
    const suggestions = await store.find('suggestions');
    expect(suggestions.length).toBeGreaterThan(5);
    const fromCollections = await detailsFromCollections(store, suggestions.map((s) => s.id));
    for (const want of fromCollections) {
      const got = await store.get('suggestionDetails', want.id);
      expect(got && { suggestion: got.suggestion, ...detailRecords(got) }).toEqual({ suggestion: want.suggestion, ...detailRecords(want) });
    }
  });

  it('let 10 phone calls logged at once on one task all apply, the document and the read models holding every one', async () => {
    const { items } = (await call('demo-handler', 'tasks.mine', {})) as { items: { id: string; suggestionId: string; allowedActions: string[] }[] };
    const task = items.find((t) => t.allowedActions.includes('tasks.logContact'))!;
    const before = (await store.find('contacts', { where: { taskId: task.id } })).length;
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        api({ action: 'tasks.logContact', data: { taskId: task.id, at: NOW, mode: 'phone', people: '代表、承办人', notes: `第${i + 1}次沟通` } }, { openid: 'demo-handler' }),
      ),
    );
    expect(answers.filter((a) => !a.ok)).toEqual([]);
    const contacts = await store.find('contacts', { where: { taskId: task.id } });
    expect(contacts).toHaveLength(before + 10);
    const detail = (await store.get('suggestionDetails', task.suggestionId))!;
    expect(detailRecords(detail).contacts.filter((c) => c.taskId === task.id)).toEqual(contacts);
    expect(await rebuildReadModels(store)).toMatchObject({ rowsWritten: 0, countersWritten: 0 });
  }, 60_000);

  it('give the detail page the same answer as the collections do for every caller', async () => {
    const suggestions = await store.find('suggestions');
    const callers = ['demo-coordinator', 'demo-handler', 'demo-handler-co', 'demo-leader', 'demo-deputy'];
    const answers = async () => {
      const out: unknown[] = [];
      for (const s of suggestions) for (const openid of callers) out.push(await api({ action: 'suggestions.get', data: { id: s.id } }, { openid }));
      return out;
    };
    const fromDocuments = await answers();
    expect(fromDocuments.filter((a) => (a as { ok: boolean }).ok).length).toBeGreaterThan(suggestions.length);
    // Without the documents (a data file from before them) the page reads the collections.
    await store.transaction(async (tx) => {
      for (const d of await tx.getMany('suggestionDetails', suggestions.map((s) => s.id))) tx.update('suggestionDetails', { id: d.id } as never);
    });
    expect(await answers()).toEqual(fromDocuments);
  }, 60_000);
});
