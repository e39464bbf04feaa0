// The service's failures a user can meet reach the user as §7 codes with words, never as a bare
// INTERNAL: a query the service times out (DATABASE_TIMEOUT), a plan's quota or rate reached. Driven
// through the api on the emulator (the real wx-server-sdk), whose answers carry the service's codes.
import { QUOTA_MESSAGE, TIMEOUT_MESSAGE, isDuplicateKey } from '../../../src/server/adapters/cloudbase/cloudbase.errors';
import { cloudBaseIndexes } from '../../../src/server/adapters/cloudbase/cloudbase.indexes';
import { createApi } from '../../../src/server/api';
import { seedDemo } from '../../../src/server/setup/demo-data';
import type { CloudBaseEmulator } from '../../support/cloudbase-emulator';
import { freshCloudStore, sharedEmulator } from '../../support/cloudbase-emulator/sdk';

const NOW = '2025-03-10T02:00:00.000Z';
let emulator: CloudBaseEmulator;
beforeAll(async () => {
  emulator = await sharedEmulator({});
});
afterAll(() => emulator.close());

async function office() {
  const store = await freshCloudStore(emulator);
  await seedDemo(store, NOW);
  const logged: unknown[] = [];
  return createApi({ store, clock: { now: () => NOW }, log: (...args: unknown[]) => logged.push(args) });
}

describe('CloudBase failures as the app\'s errors', () => {
  it('answers a query the service timed out with INTERNAL and words, and changes nothing', async () => {
    const api = await office();
    const before = emulator.dump();
    // An environment whose indexes were never created: every filtered list scans and times out.
    emulator.useIndexes([], 0);
    try {
      const res = await api({ action: 'suggestions.list', data: {} }, { openid: 'demo-coordinator' });
      expect(res).toEqual({ ok: false, error: { code: 'INTERNAL', message: TIMEOUT_MESSAGE } });
    } finally {
      emulator.useIndexes(cloudBaseIndexes(), 0);
    }
    expect(emulator.dump()).toBe(before);
  });

  it('answers a plan\'s quota or rate limit with INTERNAL and words, on a read and on a write', async () => {
    const api = await office();
    emulator.exhaustQuota('EXCEED_REQUEST_LIMIT');
    expect(await api({ action: 'me', data: {} }, { openid: 'demo-coordinator' })).toEqual({ ok: false, error: { code: 'INTERNAL', message: QUOTA_MESSAGE } });
    emulator.exhaustQuota('EXCEED_CONCURRENT_REQUEST_LIMIT');
    expect(await api({ action: 'units.upsert', data: { name: '新单位' } }, { openid: 'demo-admin' })).toMatchObject({ ok: false, error: { message: QUOTA_MESSAGE } });
    emulator.exhaustQuota(undefined);
    expect(await api({ action: 'me', data: {} }, { openid: 'demo-coordinator' })).toMatchObject({ ok: true });
  });

  it('tells a duplicate key by the SDK\'s code with MongoDB\'s error in the message, not by the words alone', () => {
    const message = 'collection.add:fail -502001 database request fail. E11000 duplicate key error collection: env.users index: _id_';
    expect(isDuplicateKey({ errCode: -502001, errMsg: message })).toBe(true);
    expect(isDuplicateKey({ errCode: -501001, errMsg: message })).toBe(false);
    expect(isDuplicateKey(new Error('E11000 duplicate key'))).toBe(false);
  });
});
