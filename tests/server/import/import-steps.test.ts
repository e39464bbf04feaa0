// A 交办清单 of 3,000 rows on the CloudBase adapter against the emulator at 20 ms a request (simulated:
// the emulator's clock moves 20 ms a request, which is the clock the api reads): the import is written
// in steps within each call's budget and completes over calls; a call killed half-way (every connection
// cut) followed by re-runs gives the same data as an uninterrupted import.
import type { ImportSuggestionsResult } from '../../../src/contract';
import { createApi, type Api } from '../../../src/server/api';
import { seedDemo } from '../../../src/server/setup/demo-data';
import { IMPORT_CHUNK, IMPORT_STEP_MS } from '../../../src/server/use-cases/import-suggestions';
import type { CloudBaseEmulator } from '../../support/cloudbase-emulator';
import { cloud, freshCloudStore, sharedEmulator } from '../../support/cloudbase-emulator/sdk';
import { uploadAs } from '../../support/uploads';
import { openCloudBaseFileStore, type CloudStorageApi } from '../../../src/server/adapters/files/cloudbase.files';
import type { FileStore } from '../../../src/server/ports';

const START = Date.parse('2025-03-10T02:00:00.000Z');
const ROWS = 3000;
const UNITS = ['市发展改革委', '市交通运输局', '市民政局', '市住房城乡建设局', '市水务局'];

function bigList(rows: number): string {
  const header = '建议号,标题,内容,领衔代表,附议代表,代表团,届次,提出阶段,主办单位,会办单位,分办单位,交办日期,重点督办';
  const lines = Array.from({ length: rows }, (_, i) => {
    const lead = UNITS[i % UNITS.length]!;
    const co = UNITS[(i + 1) % UNITS.length]!;
    const deputy = `代表${String(i % 40).padStart(2, '0')}`;
    return `${9000 + i},关于第${i + 1}项民生事项的建议,建议内容第${i + 1}条。,${deputy},,历下区代表团,十八届四次,会期,${lead},${co},,2025-03-01,否`;
  });
  return [header, ...lines].join('\r\n') + '\r\n';
}

let emulator: CloudBaseEmulator;
beforeAll(async () => {
  emulator = await sharedEmulator({ clockStart: START, simulatedLatencyMs: 20 });
});
afterAll(() => emulator.close());

async function freshOffice(): Promise<Api> {
  const store = await freshCloudStore(emulator);
  await seedDemo(store, new Date(START).toISOString());
  files = openCloudBaseFileStore(cloud as unknown as CloudStorageApi);
  return createApi({ store, files, clock: { now: () => new Date(emulator.now()).toISOString() }, log: () => undefined });
}

/** The environment's storage (emptied with the environment by freshOffice): the list is uploaded to it once a text. */
let files: FileStore;
const uploaded = new Map<FileStore, Map<string, Promise<string>>>();
function fileIDOf(list: string): Promise<string> {
  const mine = uploaded.get(files) ?? new Map<string, Promise<string>>();
  uploaded.set(files, mine);
  if (!mine.has(list)) mine.set(list, uploadAs(files, 'demo-coordinator', list));
  return mine.get(list)!;
}

const file = bigList(ROWS);
/** The list's deputies are not on the demo roster: 代表00 is taken as 王建华, the others registered as new. */
const DECISIONS = Array.from({ length: 40 }, (_, i) => {
  const name = `代表${String(i).padStart(2, '0')}`;
  return i === 0 ? { name, userId: 'user-deputy-wang' } : { name, create: true };
});
const importOnce = async (api: Api, list = file) => api({ action: 'suggestions.import', data: { fileID: await fileIDOf(list), format: 'csv', decisions: DECISIONS } }, { openid: 'demo-coordinator' });

/** Calls until nothing remains, as the app does; the answers of each call. */
async function importAll(api: Api, list = file): Promise<ImportSuggestionsResult[]> {
  const answers: ImportSuggestionsResult[] = [];
  for (let i = 0; i < 50; i += 1) {
    const before = emulator.now();
    const response = await importOnce(api, list);
    if (!response.ok) throw new Error(`${response.error.code} ${response.error.message}`);
    const data = response.data as ImportSuggestionsResult;
    // Each call stays within its budget (plus the one step it may finish: its inserts, the unique keys,
    // and the read models' counters of the chunk's units, some 20 requests at 200 ms).
    expect(emulator.now() - before).toBeLessThan(IMPORT_STEP_MS + 4_000);
    answers.push(data);
    if (data.remaining === 0) return answers;
  }
  throw new Error('the import did not finish');
}

/** The database without the instants of writing, which differ between runs by construction. */
function content(): string {
  const drop = new Set(['createdAt', 'updatedAt', 'at', 'seq']);
  return JSON.stringify(JSON.parse(emulator.dump()), (key, value) => (drop.has(key) ? undefined : value));
}

describe('importing 3,000 rows on the emulated cloud at 20 ms a request', () => {
  it('completes in steps (a transaction per chunk of rows), each call within its budget, with every row once', async () => {
    const api = await freshOffice();
    emulator.resetCounter();
    const answers = await importAll(api);
    expect(answers.reduce((n, a) => n + a.created, 0)).toBe(ROWS);
    // In steps: one transaction per IMPORT_CHUNK rows at most.
    expect(emulator.byAction['database.commitTransaction']).toBeGreaterThanOrEqual(ROWS / IMPORT_CHUNK);
    expect(emulator.documents('suggestions').filter((s) => s.session === '十八届四次')).toHaveLength(ROWS);
    // The decisions hold in every step: 代表00's rows are 王建华's, the other names registered once each.
    expect(answers.every((a) => a.unknownDeputies === undefined)).toBe(true);
    expect(emulator.documents('suggestions').filter((s) => s.session === '十八届四次' && s.leadDeputyId === 'user-deputy-wang')).toHaveLength(ROWS / 40);
    expect(emulator.documents('users').filter((u) => String(u.name).startsWith('代表'))).toHaveLength(39);
    // Each task kept in its ledger row (cloudbase.tasks.ts).
    expect(emulator.documents('ledgerRows').filter((t) => /^t[0-9a-f]{40}$/.test(String(t._id)) && t.task && t.suggestionId)).toHaveLength(ROWS * 2);
    // A transaction never comes near the 30-second limit (the emulator would have refused its commit).
    expect(emulator.openTransactions()).toBe(0);
  }, 120_000);

  it('answers with the rows remaining when a call\'s budget is spent, and the next calls finish the list', async () => {
    const api = await freshOffice();
    emulator.setLatency(0, 200); // a slow day: 200 ms a request
    try {
      const answers = await importAll(api, bigList(1000));
      expect(answers.length).toBeGreaterThan(1);
      expect(answers[0]!.remaining).toBeGreaterThan(0);
      expect(answers.reduce((n, a) => n + a.created, 0)).toBe(1000);
      expect(answers.every((a) => a.unchanged === answers[0]!.unchanged + answers.slice(0, answers.indexOf(a)).reduce((n, b) => n + b.created, 0))).toBe(true);
    } finally {
      emulator.setLatency(0, 20);
    }
  }, 120_000);

  it('killed half-way and run again, gives the same data as an uninterrupted import', async () => {
    await importAll(await freshOffice());
    const uninterrupted = content();

    const api = await freshOffice();
    emulator.resetCounter();
    emulator.cutAfter(120); // the function dies at its 120th request, in the middle of a step
    const killed = await importOnce(api);
    expect(killed).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    emulator.cutAfter(undefined);
    const partial = emulator.documents('suggestions').filter((s) => s.session === '十八届四次').length;
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(ROWS);
    // The dead call's open transaction holds its documents until the service expires it (30 s).
    emulator.advance(31_000);
    const answers = await importAll(api);
    expect(answers.reduce((n, a) => n + a.created, 0)).toBe(ROWS - partial);
    expect(content()).toBe(uninterrupted);
  }, 120_000);
});
