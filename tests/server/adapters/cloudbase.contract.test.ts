// The store contract on the production CloudBase adapter, through the real wx-server-sdk, against the
// emulator with a few milliseconds of latency a request so that concurrent transactions interleave.
import type { CloudBaseEmulator } from '../../support/cloudbase-emulator';
import { freshCloudStore, sharedEmulator } from '../../support/cloudbase-emulator/sdk';
import { describeStoreContract } from './store.contract';

let emulator: CloudBaseEmulator;
beforeAll(async () => {
  emulator = await sharedEmulator({ latencyMs: 2 });
});
afterAll(() => emulator.close());

describeStoreContract('CloudBase (emulated)', () => freshCloudStore(emulator));
