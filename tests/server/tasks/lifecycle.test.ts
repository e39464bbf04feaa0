// The full lifecycle of issue 4 through createApi, over a real SQLite store and over the production
// CloudBase adapter against the emulator; every refusal checked against a dump of the database.
import { uploadAs } from '../../support/uploads';
import { createApi } from '../../../src/server/api';
import { openSqliteStore } from '../../../src/server/adapters/sqlite/sqlite.store';
import { seedDemo } from '../../../src/server/setup/demo-data';
import type { Store } from '../../../src/server/ports';
import type { CloudBaseEmulator } from '../../support/cloudbase-emulator';
import { cloud, freshCloudStore, sharedEmulator } from '../../support/cloudbase-emulator/sdk';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openCloudBaseFileStore, type CloudStorageApi } from '../../../src/server/adapters/files/cloudbase.files';
import { openFolderFileStore } from '../../../src/server/adapters/files/folder.files';
import type { FileStore } from '../../../src/server/ports';
import { runLifecycle } from './lifecycle.scenario';

const NOW = '2025-03-10T02:00:00.000Z';

let emulator: CloudBaseEmulator;
beforeAll(async () => {
  emulator = await sharedEmulator({ latencyMs: 1 });
});
afterAll(() => emulator.close());

// Each adapter with its file store: a folder beside the database, or the emulator's cloud storage.
const adapters: [string, () => Promise<{ store: Store; files: FileStore; dump: () => string; close: () => void }>][] = [
  [
    'SQLite',
    async () => {
      const store = openSqliteStore(':memory:');
      const files = openFolderFileStore({ dir: mkdtempSync(path.join(tmpdir(), 'jyt-life-')), now: () => NOW });
      return { store, files, dump: () => store.dump(), close: () => store.close() };
    },
  ],
  [
    'CloudBase (emulated)',
    async () => ({
      store: await freshCloudStore(emulator),
      files: openCloudBaseFileStore(cloud as unknown as CloudStorageApi, { now: () => NOW }),
      dump: () => emulator.dump(),
      // Every query of the whole life is served by an index the deployment creates (an unindexed
      // one fails at once on the emulator's scan limit of 0; this also catches it over an empty collection).
      close: () => expect(emulator.unindexed).toEqual([]),
    }),
  ],
];

describe.each(adapters)('a suggestion\'s whole life through the api on %s', (_name, open) => {
  it('runs import → assign → return → claim → opinions → draft/review/sign → feedback → re-handling → disclosure → archive, refusing every wrong step without a trace', async () => {
    const { store, files, dump, close } = await open();
    await seedDemo(store, NOW);
    const api = createApi({ store, files, clock: { now: () => NOW }, log: () => undefined });
    const result = await runLifecycle({ call: (openid, action, data, requestId) => api({ action, data, requestId }, { openid }), snapshot: dump, upload: (openid, text) => uploadAs(files, openid, text) }, NOW);
    expect(result.refusals).toBeGreaterThan(40);
    const events = await store.events({ suggestionId: result.suggestionIds.split });
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(['suggestions.import', 'tasks.claim', 'feedback.submit', 'suggestions.archive']));
    // Every reply signed in the scenario has its letter (asked for right after signing, as the app does), kept in the file store.
    const signed = (await store.find('replies')).filter((r) => r.signedAt && r.createdAt === NOW);
    expect(signed.length).toBeGreaterThan(0);
    for (const reply of signed) {
      expect(reply.letter?.fileName).toMatch(/^答复函-.+\.docx$/);
      expect((await files.read(reply.letter!.ref))?.subarray(0, 2).toString()).toBe('PK');
    }
    close();
  }, 120_000);
});
