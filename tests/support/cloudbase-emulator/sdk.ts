// The real wx-server-sdk pointed at an emulator. wx-server-sdk initialises once per module registry
// (its defaultInit ignores later calls), so a test file or a benchmark shares one emulator and resets
// it between cases.
import './cloud-env';
import cloud from 'wx-server-sdk';
import { openCloudBaseStore, CLOUD_COLLECTIONS } from '../../../src/server/adapters/cloudbase/cloudbase.store';
import { cloudBaseIndexes } from '../../../src/server/adapters/cloudbase/cloudbase.indexes';
import type { Store } from '../../../src/server/ports';
import { startCloudBaseEmulator, type CloudBaseEmulator, type EmulatorOptions } from './index';

let shared: Promise<CloudBaseEmulator> | undefined;

/**
 * The emulator this module registry's wx-server-sdk talks to (started on first use), with the indexes
 * the deployment creates (cloudbase.indexes.ts) and a scan limit of 0: a query none of them serves
 * fails at once with DATABASE_TIMEOUT, however small the test's data, so every test on the emulator
 * also shows that each query it makes is indexed.
 */
export function sharedEmulator(options: EmulatorOptions = {}): Promise<CloudBaseEmulator> {
  shared ??= startCloudBaseEmulator({ indexes: cloudBaseIndexes(), scanLimit: 0, ...options }).then((emulator) => {
    cloud.init({ env: 'test-env', serviceUrl: emulator.url } as unknown as Parameters<typeof cloud.init>[0]);
    return emulator;
  });
  return shared;
}

export { cloud };

/** A fresh environment with every collection the adapter needs, and the production store over it. */
export async function freshCloudStore(emulator: CloudBaseEmulator, collections: readonly string[] = CLOUD_COLLECTIONS): Promise<Store> {
  emulator.reset(collections);
  return openCloudBaseStore(cloud);
}
