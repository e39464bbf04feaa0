// Requests that race, on SQLite and on the CloudBase adapter against the emulator (a few ms a request,
// so that reads and commits of concurrent requests interleave as they would on the network): natural
// keys stay unique and a requestId never hands one caller's result to another.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ATTACHMENT_MAX_PER_RECORD } from '../../../src/contract';
import { createApi, type Api } from '../../../src/server/api';
import { openFolderFileStore } from '../../../src/server/adapters/files/folder.files';
import { openSqliteStore } from '../../../src/server/adapters/sqlite/sqlite.store';
import { seedDemo } from '../../../src/server/setup/demo-data';
import type { FileStore, Store } from '../../../src/server/ports';
import type { CloudBaseEmulator } from '../../support/cloudbase-emulator';
import { freshCloudStore, sharedEmulator } from '../../support/cloudbase-emulator/sdk';
import { importCsv, SESSION } from './lifecycle.scenario';
import { uploadAs } from '../../support/uploads';

const NOW = '2025-03-10T02:00:00.000Z';

let emulator: CloudBaseEmulator;
beforeAll(async () => {
  emulator = await sharedEmulator({ latencyMs: 3 });
});
afterAll(() => emulator.close());

const adapters: [string, () => Promise<Store>][] = [
  ['SQLite', async () => openSqliteStore(':memory:')],
  ['CloudBase (emulated)', () => freshCloudStore(emulator)],
];

describe.each(adapters)('racing requests on %s', (_name, open) => {
  let store: Store;
  let api: Api;
  let files: FileStore;
  beforeEach(async () => {
    store = await open();
    await seedDemo(store, NOW);
    files = openFolderFileStore({ dir: mkdtempSync(path.join(tmpdir(), 'jyt-races-')), now: () => NOW });
    api = createApi({ store, files, clock: { now: () => NOW }, log: () => undefined });
    // The demo seed is one transaction of some 250 requests on the emulator (documents and their read models).
  }, 30_000);
  afterEach(() => store.close?.());

  const create = (number: string, title: string) =>
    api(
      {
        action: 'suggestions.create',
        data: { number, title, content: '建议内容', delegation: '历下区代表团', session: SESSION, phase: 'session', leadDeputyId: 'user-deputy-wang' },
      },
      { openid: 'demo-coordinator' },
    );

  it('50 concurrent creates of one 建议号 give one suggestion; every other answer is a refusal', async () => {
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => create('7001', `关于第${i}种做法的建议`)));
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    for (const a of answers.filter((x) => !x.ok)) expect(a).toMatchObject({ ok: false, error: { code: expect.stringMatching(/^(CONFLICT|VALIDATION)$/) } });
    expect(await store.find('suggestions', { where: { session: SESSION, number: '7001' } })).toHaveLength(1);
  }, 60_000);

  it(`30 concurrent attachments.add to one record leave at most ${ATTACHMENT_MAX_PER_RECORD}`, async () => {
    const png = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(32, 1)]);
    const uploads = await Promise.all(Array.from({ length: 30 }, () => uploadAs(files, 'demo-coordinator', png)));
    const answers = await Promise.all(
      uploads.map((fileID, i) =>
        api({ action: 'attachments.add', data: { target: 'suggestion', targetId: 'sug-charging', fileName: `现场${i}.png`, fileID } }, { openid: 'demo-coordinator' }),
      ),
    );
    const live = (await store.find('attachments', { where: { targetId: 'sug-charging' } })).filter((a) => !a.removedAt);
    expect(live.length).toBeLessThanOrEqual(ATTACHMENT_MAX_PER_RECORD);
    expect(answers.filter((a) => a.ok)).toHaveLength(live.length);
    for (const a of answers.filter((x) => !x.ok)) expect(a).toMatchObject({ ok: false, error: { code: expect.stringMatching(/^(CONFLICT|VALIDATION)$/) } });
    expect(answers.some((a) => !a.ok && a.error.code === 'VALIDATION' && a.error.message === `每条记录最多 ${ATTACHMENT_MAX_PER_RECORD} 个附件`)).toBe(true);
  }, 120_000);

  it('two concurrent imports of one file give one copy of each suggestion', async () => {
    const fileID = await uploadAs(files, 'demo-coordinator', importCsv('2025-03-10'));
    const answers = await Promise.all(
      [1, 2].map(() => api({ action: 'suggestions.import', data: { fileID, format: 'csv' } }, { openid: 'demo-coordinator' })),
    );
    expect(answers.some((a) => a.ok)).toBe(true);
    for (const number of ['3001', '3002', '3003']) {
      expect(await store.find('suggestions', { where: { session: SESSION, number } })).toHaveLength(1);
    }
    // A later re-run of the same file (the loser retrying) finds everything there and adds nothing.
    const again = await api({ action: 'suggestions.import', data: { fileID, format: 'csv' } }, { openid: 'demo-coordinator' });
    expect(again).toMatchObject({ ok: true, data: { created: 0, unchanged: 3 } });
  }, 60_000);

  it('answers a request sent again from its record, though the state it left now refuses or repeats it, and writes nothing twice', async () => {
    // Not looked up before running (one request less for every write sent once): the second run is
    // refused by the claim it made, or fails on its own record, and is answered from the record.
    const [task] = await store.find('tasks', { where: { state: 'assigned' }, limit: 1 });
    const unit = task!.unitId;
    const [handler] = (await store.find('users', { where: { unitId: unit } })).filter((u) => u.roles.includes('handler'));
    const claim = { action: 'tasks.claim', data: { taskId: task!.id, version: task!.version }, requestId: 'claim-once' };
    const first = await api(claim, { openid: handler!.openid });
    expect(first.ok).toBe(true);
    const dump = JSON.stringify(await store.get('tasks', task!.id));
    expect(await api(claim, { openid: handler!.openid })).toEqual(first);
    expect(JSON.stringify(await store.get('tasks', task!.id))).toBe(dump);
    // Someone else reusing it, or the same caller for another action, is told it is taken.
    expect(await api({ ...claim, action: 'tasks.saveDraft' }, { openid: handler!.openid })).toMatchObject({ ok: false, error: { code: expect.stringMatching(/^(VALIDATION|INVALID_TRANSITION|FORBIDDEN)$/) } });
    const other = await api({ action: 'units.upsert', data: { name: '丙单位' }, requestId: 'claim-once' }, { openid: 'demo-admin' });
    expect(other).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: '这次提交与之前的一次重复，请重新提交' } });
    expect(await store.find('units', { where: { name: '丙单位' } })).toEqual([]);
    // A repeatable write sent twice (a contact record) is kept once.
    const log = { action: 'tasks.logContact', data: { taskId: task!.id, at: NOW, mode: 'phone', people: '代表；承办人', notes: '电话沟通。', faceToFace: false }, requestId: 'contact-once' };
    const logged = await api(log, { openid: handler!.openid });
    expect(logged.ok).toBe(true);
    expect(await api(log, { openid: handler!.openid })).toEqual(logged);
    expect(await store.find('contacts', { where: { taskId: task!.id } })).toHaveLength(1);
  }, 60_000);

  it('two callers racing one requestId: one succeeds, the other gets an error and never the first one\'s result', async () => {
    for (let round = 0; round < 5; round += 1) {
      const requestId = `shared-${round}`;
      const [a, b] = await Promise.all([
        api({ action: 'units.upsert', data: { name: `甲单位${round}` }, requestId }, { openid: 'demo-coordinator' }),
        api({ action: 'units.upsert', data: { name: `乙单位${round}` }, requestId }, { openid: 'demo-admin' }),
      ]);
      const winners = [a, b].filter((x) => x.ok);
      expect(winners).toHaveLength(1);
      const loser = a.ok ? b : a;
      expect(loser).toMatchObject({ ok: false, error: { code: expect.stringMatching(/^(CONFLICT|VALIDATION)$/) } });
      // The same caller repeating its own requestId gets its own result back.
      const again = a.ok
        ? await api({ action: 'units.upsert', data: { name: `甲单位${round}` }, requestId }, { openid: 'demo-coordinator' })
        : await api({ action: 'units.upsert', data: { name: `乙单位${round}` }, requestId }, { openid: 'demo-admin' });
      expect(again).toEqual(winners[0]);
    }
  }, 60_000);
});
