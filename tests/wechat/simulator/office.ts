// The office the simulated mini-program talks to: the real api entry (the cloud function's own entry)
// over a SQLite store holding the demo data set, the same store and data the local stack starts with.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createApi } from '../../../src/server/api';
import { apiEntry } from '../../../src/server/api/entry';
import { openFolderFileStore, type FolderFileStore } from '../../../src/server/adapters/files/folder.files';
import { openSqliteStore } from '../../../src/server/adapters/sqlite/sqlite.store';
import { seedDemo } from '../../../src/server/setup/demo-data';
import type { CloudAnswer } from './runtime';

export const NOW = '2026-11-20T02:00:00.000Z';

export interface SimOffice {
  cloud: CloudAnswer;
  /** The office's file store: behind wx.cloud.uploadFile and the links the api makes (files.ts). */
  files: FolderFileStore;
  store: ReturnType<typeof openSqliteStore>;
  close(): void;
}

export async function openSimOffice(): Promise<SimOffice> {
  const store = openSqliteStore(':memory:');
  await seedDemo(store, NOW);
  const files = openFolderFileStore({ dir: mkdtempSync(path.join(tmpdir(), 'jyt-sim-files-')), now: () => NOW });
  const entry = apiEntry(createApi({ store, files, clock: { now: () => NOW }, log: () => undefined }));
  return {
    cloud: (data, openid) => entry(data, { OPENID: openid }),
    files,
    store,
    close: () => store.close(),
  };
}
