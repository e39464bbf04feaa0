// The small office of fixture.ts on either store: SQLite, or the production CloudBase adapter (the real
// wx-server-sdk) against the emulator (docs/cloudbase-emulator.md), so a test runs unchanged on both.
// Files go to the folder store or to the emulator's cloud storage through the CloudBase file adapter.
import type { ApiResponse } from '../../../src/contract';
import { createApi } from '../../../src/server/api';
import { apiEntry } from '../../../src/server/api/entry';
import { openCloudBaseFileStore, type CloudStorageApi } from '../../../src/server/adapters/files/cloudbase.files';
import type { FileStore, Store } from '../../../src/server/ports';
import type { CloudBaseEmulator } from '../../support/cloudbase-emulator';
import { cloud, freshCloudStore, sharedEmulator } from '../../support/cloudbase-emulator/sdk';
import { readLink, uploadAs } from '../../support/uploads';
import { NOW, openOffice, UNITS, USERS, type Office } from './fixture';

export type StoreKind = 'sqlite' | 'cloudbase';
export const STORE_KINDS: StoreKind[] = ['sqlite', 'cloudbase'];

export interface OfficeOn extends Omit<Office, 'store' | 'files'> {
  store: Store;
  files: FileStore;
  /**
   * The call as a phone makes it: on CloudBase through callFunction to the api function deployed on
   * the emulator, with the service's 6 MB request and answer limits and its time limit (one call at a
   * time: the emulator hands the function the caller set for it); on SQLite the same as call.
   */
  invoke(openid: string | undefined, action: string, data?: unknown): Promise<ApiResponse<unknown> | { failed: string }>;
  /** Every document, as stable text: equal dumps mean equal databases. */
  dump(): string;
  close(): Promise<void>;
}

let emulator: CloudBaseEmulator | undefined;

/** Stops the emulator if a test of this file started it (afterAll). */
export async function closeStores(): Promise<void> {
  await emulator?.close();
  emulator = undefined;
}

export async function openOfficeOn(kind: StoreKind, now = NOW): Promise<OfficeOn> {
  if (kind === 'sqlite') {
    const office = await openOffice(now);
    return {
      api: office.api,
      call: office.call,
      ok: office.ok,
      upload: office.upload,
      download: office.download,
      invoke: (openid, action, data) => office.call(openid, action, data),
      store: office.store,
      files: office.files,
      dump: () => office.store.dump(),
      close: async () => office.store.close(),
    };
  }
  emulator = await sharedEmulator();
  const store = await freshCloudStore(emulator);
  await store.transaction(async (tx) => {
    for (const unit of UNITS) tx.insert('units', unit);
    for (const user of USERS) tx.insert('users', user);
  });
  const files = openCloudBaseFileStore(cloud as unknown as CloudStorageApi, { now: () => now });
  const api = createApi({ store, files, clock: { now: () => now }, log: () => undefined });
  emulator.functions.deploy('api', apiEntry(api));
  const call: Office['call'] = (openid, action, data, requestId) => api({ action, data, ...(requestId ? { requestId } : {}) }, openid ? { openid } : {});
  const ok: Office['ok'] = async (openid, action, data) => {
    const response = await call(openid, action, data);
    if (!response.ok) throw new Error(`${action}: ${response.error.code} ${response.error.message}`);
    return response.data as never;
  };
  const running = emulator;
  let queue: Promise<unknown> = Promise.resolve();
  const invoke: OfficeOn['invoke'] = (openid, action, data) => {
    const next = queue.then(async () => {
      running.functions.callAs(openid);
      try {
        return ((await cloud.callFunction({ name: 'api', data: { action, data } })) as unknown as { result: ApiResponse<unknown> }).result;
      } catch (error) {
        return { failed: String((error as { errMsg?: string }).errMsg ?? error) };
      }
    });
    queue = next.catch(() => undefined);
    return next;
  };
  const download: Office['download'] = async (openid, action, data) => {
    const file = await ok<{ url: string }>(openid, action, data);
    const bytes = await readLink(files, file.url, openid);
    return { file: file as never, bytes, text: bytes.toString('utf8') };
  };
  const upload: Office['upload'] = (openid, content, extension) => uploadAs(files, openid, content, extension);
  return { store, files, api, call, ok, invoke, upload, download, dump: () => running.dump(), close: async () => undefined };
}
