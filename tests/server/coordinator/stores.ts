// The small office of fixture.ts on either store: SQLite, or the production CloudBase adapter (the real
// wx-server-sdk) against the emulator (docs/cloudbase-emulator.md), so a test runs unchanged on both.
// Files go to the folder store or to the emulator's cloud storage through the CloudBase file adapter.
import { createApi } from '../../../src/server/api';
import { openCloudBaseFileStore, type CloudStorageApi } from '../../../src/server/adapters/files/cloudbase.files';
import type { Store } from '../../../src/server/ports';
import type { CloudBaseEmulator } from '../../support/cloudbase-emulator';
import { cloud, freshCloudStore, sharedEmulator } from '../../support/cloudbase-emulator/sdk';
import { NOW, openOffice, UNITS, USERS, type Office } from './fixture';

export type StoreKind = 'sqlite' | 'cloudbase';
export const STORE_KINDS: StoreKind[] = ['sqlite', 'cloudbase'];

export interface OfficeOn extends Omit<Office, 'store' | 'files'> {
  store: Store;
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
    return { api: office.api, call: office.call, ok: office.ok, store: office.store, dump: () => office.store.dump(), close: async () => office.store.close() };
  }
  emulator = await sharedEmulator();
  const store = await freshCloudStore(emulator);
  await store.transaction(async (tx) => {
    for (const unit of UNITS) tx.insert('units', unit);
    for (const user of USERS) tx.insert('users', user);
  });
  const files = openCloudBaseFileStore(cloud as unknown as CloudStorageApi, { now: () => now });
  const api = createApi({ store, files, clock: { now: () => now }, log: () => undefined });
  const call: Office['call'] = (openid, action, data, requestId) => api({ action, data, ...(requestId ? { requestId } : {}) }, openid ? { openid } : {});
  const ok: Office['ok'] = async (openid, action, data) => {
    const response = await call(openid, action, data);
    if (!response.ok) throw new Error(`${action}: ${response.error.code} ${response.error.message}`);
    return response.data as never;
  };
  const running = emulator;
  return { store, api, call, ok, dump: () => running.dump(), close: async () => undefined };
}
