// The load benchmark: an office at city (500 suggestions), province (1,500) and national (10,000
// suggestions, ~30,000 tasks, 3,000 deputies, 200 units, full histories) scale in a SQLite file, served
// by the real gateway in its own process; autocannon at concurrency 1, 16 and 64 on each screen's read
// and on one write. Beside each read, the store-level cost of the same page (its indexed queries,
// called in this process on the same file) and the ratio of the HTTP median to it. Then, on the
// CloudBase emulator, the database requests each action sends, from its counter, at two sizes.
//
// `npm run bench -- --scale national` (city | province | national | all, default all),
// `--duration 5` (seconds per measurement, default 2), `--only list,stats` (the actions whose name holds
// one of the words; the CloudBase count is then skipped), `--profile <dir>` (the gateway writes a V8 CPU
// profile there when it stops: `node --cpu-prof`), `--workers 2` (the gateway as two processes sharing
// the port, bench/gateway-child.ts).
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { shanghaiDate } from '../src/core/calendar';
import { SHANDONG_POLICY } from '../src/core/policy';
import { openSqliteStore } from '../src/server/adapters/sqlite/sqlite.store';
import { createApi } from '../src/server/api';
import { ledgerOrder, ledgerQuery, suggestionOrder, suggestionQuery } from '../src/server/queries/case-queries';
import type { Store } from '../src/server/ports';
import { myTasksQuery } from '../src/server/use-cases/my-tasks';
import { generateOffice, SCALES, type OfficeData, type ScaleName } from './generate';
import { median } from './stats';

const NOW = '2026-06-20T02:00:00.000Z';
const TODAY = shanghaiDate(NOW);
const CONCURRENCY = [1, 16, 64] as const;

export function loadOptions() {
  const args = process.argv.slice(2);
  const value = (flag: string) => {
    const i = args.indexOf(flag);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const scale = value('--scale') ?? process.env.BENCH_SCALE ?? 'all';
  const scales: ScaleName[] = scale === 'all' ? ['city', 'province', 'national'] : [scale as ScaleName];
  for (const s of scales) if (!(s in SCALES)) throw new Error(`unknown scale ${s}: city, province, national or all`);
  const only = (value('--only') ?? process.env.BENCH_ONLY)?.split(',').filter((w) => w.length > 0);
  const profile = value('--profile') ?? process.env.BENCH_PROFILE;
  const workers = Math.max(1, Number(value('--workers') ?? process.env.BENCH_WORKERS ?? 1));
  return { scales, duration: Number(value('--duration') ?? process.env.BENCH_DURATION ?? 2), only, profile, workers };
}

/** Loads an office into a store through its transactions (so the read models are built as in use). */
export async function loadOffice(store: Store, data: OfficeData, chunk = 250): Promise<void> {
  await store.transaction(async (tx) => {
    for (const u of data.units) tx.insert('units', u);
    for (const u of data.users) tx.insert('users', u);
  });
  const group = <T extends { suggestionId: string }>(rows: T[]) => {
    const out = new Map<string, T[]>();
    for (const r of rows) out.set(r.suggestionId, [...(out.get(r.suggestionId) ?? []), r]);
    return out;
  };
  const [tasks, replies, contacts, feedbacks] = [group(data.tasks), group(data.replies), group(data.contacts), group(data.feedbacks)];
  const events = new Map<string, typeof data.events>();
  for (const e of data.events) events.set(e.suggestionId!, [...(events.get(e.suggestionId!) ?? []), e]);
  for (let i = 0; i < data.suggestions.length; i += chunk) {
    await store.transaction(async (tx) => {
      for (const s of data.suggestions.slice(i, i + chunk)) {
        tx.insert('suggestions', s);
        for (const t of tasks.get(s.id) ?? []) tx.insert('tasks', t);
        for (const r of replies.get(s.id) ?? []) tx.insert('replies', r);
        for (const c of contacts.get(s.id) ?? []) tx.insert('contacts', c);
        for (const f of feedbacks.get(s.id) ?? []) tx.insert('feedback', f);
        for (const e of events.get(s.id) ?? []) tx.appendEvent(e);
      }
    });
  }
}

interface Endpoint {
  name: string;
  openid: string;
  action: string;
  data: Record<string, unknown>;
  /** The store-level reads of the same page (undefined for the write). */
  raw?: (store: Store) => Promise<unknown>;
}

function endpoints(data: OfficeData): Endpoint[] {
  const { coordinator, handler } = data.logins;
  const coordinatorUser = data.users.find((u) => u.openid === coordinator)!;
  const deepPage = Math.max(1, Math.floor((data.suggestions.length * 0.8) / 20));
  const names = async (store: Store, userIds: string[], unitIds: string[]) => Promise.all([store.getMany('users', userIds), store.getMany('units', unitIds)]);
  const listRaw = (filters: Record<string, unknown>, page: number) => async (store: Store) => {
    const query = suggestionQuery(filters, coordinatorUser, TODAY, SHANDONG_POLICY);
    const [rows] = await Promise.all([
      store.find('suggestionRows', { ...query, orderBy: suggestionOrder(undefined, undefined), offset: (page - 1) * 20, limit: 20 }),
      store.count('suggestionRows', query),
    ]);
    await names(store, rows.map((r) => r.leadDeputyId), rows.flatMap((r) => r.tasks.map((t) => t.unitId)));
  };
  const sid = data.suggestions[Math.floor(data.suggestions.length / 2)]!.id;
  return [
    { name: 'me', openid: coordinator, action: 'me', data: {}, raw: (store) => store.find('users', { where: { openid: coordinator }, limit: 1 }) },
    {
      name: 'tasks.mine (handler)',
      openid: handler,
      action: 'tasks.mine',
      data: {},
      raw: async (store) => {
        // The page tasks.mine reads: one page of the task read model, its count and the units' names.
        const user = data.users.find((u) => u.openid === handler)!;
        const query = myTasksQuery(user, {})!;
        const [rows] = await Promise.all([store.find('ledgerRows', { ...query, limit: 20 }), store.count('ledgerRows', query)]);
        await store.getMany('units', rows.map((r) => r.unitId));
      },
    },
    { name: 'suggestions.list page 1', openid: coordinator, action: 'suggestions.list', data: { page: 1, pageSize: 20 }, raw: listRaw({}, 1) },
    { name: 'suggestions.list deep page',  openid: coordinator, action: 'suggestions.list', data: { page: deepPage, pageSize: 20 }, raw: listRaw({}, deepPage) },
    {
      name: 'suggestions.list filter',
      openid: coordinator,
      action: 'suggestions.list',
      data: { status: 'handling', role: 'lead', page: 1, pageSize: 20 },
      raw: listRaw({ status: 'handling', role: 'lead' }, 1),
    },
    { name: 'suggestions.list search', openid: coordinator, action: 'suggestions.list', data: { keyword: '社区养老', page: 1, pageSize: 20 }, raw: listRaw({ keyword: '社区养老' }, 1) },
    {
      name: 'suggestions.list search + status',
      openid: coordinator,
      action: 'suggestions.list',
      data: { keyword: '社区养老', status: 'handling', page: 1, pageSize: 20 },
      raw: listRaw({ keyword: '社区养老', status: 'handling' }, 1),
    },
    {
      name: 'suggestions.get',
      openid: coordinator,
      action: 'suggestions.get',
      data: { id: sid },
      raw: async (store) => {
        // What suggestions.get reads: the suggestion's detail document and its history, then the names.
        const [detail, events] = await Promise.all([store.get('suggestionDetails', sid), store.events({ suggestionId: sid })]);
        const tasks = Object.values(detail!.tasks);
        await Promise.all([
          store.getMany('users', [detail!.suggestion!.leadDeputyId, ...tasks.map((t) => t.responsibleUserId ?? ''), ...events.map((e) => e.actorId)]),
          store.getMany('units', tasks.map((t) => t.unitId)),
        ]);
      },
    },
    {
      name: 'ledger.list page 1',
      openid: coordinator,
      action: 'ledger.list',
      data: { page: 1, pageSize: 20 },
      raw: async (store) => {
        const query = ledgerQuery({}, undefined, TODAY, SHANDONG_POLICY);
        const [rows] = await Promise.all([store.find('ledgerRows', { ...query, orderBy: ledgerOrder(undefined, undefined), limit: 20 }), store.count('ledgerRows', query)]);
        await names(store, rows.flatMap((r) => [r.leadDeputyId, r.responsibleUserId]), rows.map((r) => r.unitId));
      },
    },
    {
      name: 'stats.summary (year)',
      openid: coordinator,
      action: 'stats.summary',
      data: { year: 2026 },
      raw: async (store) => {
        const counters = await store.find('statCounters', { where: { year: 2026 } });
        await Promise.all([
          store.count('ledgerRows', { where: { year: 2026 }, range: { field: 'activeDue', lt: TODAY } }),
          store.count('ledgerRows', { where: { year: 2026 }, range: { field: 'activeDue', gte: TODAY, lt: '2026-06-28' } }),
          store.getMany('units', counters.map((c) => c.unitId)),
        ]);
      },
    },
    {
      name: 'tasks.logContact (write)',
      openid: handler,
      action: 'tasks.logContact',
      data: { taskId: data.writableTaskId, at: NOW, mode: 'phone', people: '代表、承办人', notes: '电话沟通办理进展。', faceToFace: false },
    },
  ];
}

function startGateway(file: string, workers: number, profile?: string): Promise<{ child: ChildProcess; port: number; pids: number[] }> {
  return new Promise((resolve, reject) => {
    const flags = profile ? ['--cpu-prof', '--cpu-prof-dir', path.resolve(profile)] : [];
    const child = spawn(process.execPath, [...flags, '--import', 'tsx', path.join(__dirname, 'gateway-child.ts'), file, NOW, String(workers)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /PORT (\d+)\nPIDS ([\d,]+)\n/.exec(out);
      if (m) resolve({ child, port: Number(m[1]), pids: m[2]!.split(',').map(Number) });
    });
    child.on('exit', (code) => reject(new Error(`gateway exited with ${code}`)));
  });
}

const rssMb = (pid: number): number => {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0; // gone
  }
};

async function post(port: number, openid: string, action: string, data: unknown): Promise<{ ok: boolean; error?: { code: string; message: string } }> {
  const res = await fetch(`http://127.0.0.1:${port}/api/api`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: `jyt_openid=${openid}` },
    body: JSON.stringify({ action, data }),
  });
  return (await res.json()) as { ok: boolean };
}

interface Cell {
  p50: number;
  p99: number;
  rps: number;
  /** Mean latency, ms (autocannon keeps decimals here, not in the percentiles). */
  mean: number;
  /** The gateway's CPU time (user + system, all its processes) per request, ms. */
  cpu: number;
}

/** CPU time the processes have used so far (utime + stime of /proc/<pid>/stat), ms. */
const TICK_MS = 1000 / 100; // USER_HZ
const cpuMs = (pids: readonly number[]): number =>
  pids.reduce((sum, pid) => {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return sum + (Number(fields[11]) + Number(fields[12])) * TICK_MS;
    } catch {
      return sum;
    }
  }, 0);

async function measureScale(scale: ScaleName, duration: number, workers: number, only?: string[], profile?: string) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'jyt-load-'));
  const file = path.join(dir, 'load.sqlite');
  const data = generateOffice(scale);
  const loadStart = Date.now();
  const writer = openSqliteStore(file);
  await loadOffice(writer, data);
  writer.close();
  const loadSeconds = (Date.now() - loadStart) / 1000;
  const { child, port, pids } = await startGateway(file, workers, profile);
  const reader = openSqliteStore(file);
  // The largest process, and all of them together (the primary of several workers only forwards).
  const serving = workers > 1 ? [child.pid!, ...pids] : [child.pid!];
  let peakRss = 0;
  let peakTotal = 0;
  const sample = () => {
    const each = serving.map(rssMb);
    peakRss = Math.max(peakRss, ...each);
    peakTotal = Math.max(peakTotal, each.reduce((a, b) => a + b, 0));
  };
  sample();
  const sampler = setInterval(sample, 200);
  const rows: { name: string; cells: Cell[]; raw?: number }[] = [];
  try {
    for (const ep of endpoints(data).filter((e) => !only || only.some((word) => e.name.includes(word)))) {
      const check = await post(port, ep.openid, ep.action, ep.data);
      if (!check.ok) throw new Error(`${ep.name}: ${check.error?.code} ${check.error?.message}`);
      const cells: Cell[] = [];
      for (const connections of CONCURRENCY) {
        const cpuBefore = cpuMs(serving);
        const result = await autocannon({
          url: `http://127.0.0.1:${port}/api/api`,
          method: 'POST',
          connections,
          duration,
          headers: { 'content-type': 'application/json', cookie: `jyt_openid=${ep.openid}` },
          body: JSON.stringify({ action: ep.action, data: ep.data }),
        });
        if (result.errors > 0 || result.non2xx > 0) throw new Error(`${ep.name}: ${result.errors} errors, ${result.non2xx} non-2xx`);
        const cpu = (cpuMs(serving) - cpuBefore) / Math.max(1, result.requests.total);
        cells.push({ p50: result.latency.p50, p99: result.latency.p99, rps: result.requests.average, mean: result.latency.average, cpu });
      }
      let raw: number | undefined;
      if (ep.raw) {
        const times: number[] = [];
        for (let i = 0; i < 200; i++) {
          const t = process.hrtime.bigint();
          await ep.raw(reader);
          times.push(Number(process.hrtime.bigint() - t) / 1e6);
        }
        raw = median(times.slice(20));
      }
      rows.push({ name: ep.name, cells, ...(raw !== undefined ? { raw } : {}) });
    }
  } finally {
    clearInterval(sampler);
    reader.close();
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  }
  const deep = Math.max(1, Math.floor((data.suggestions.length * 0.8) / 20));
  const counts = `deep page = page ${deep}; ${data.suggestions.length} suggestions, ${data.tasks.length} tasks, ${data.users.length} users, ${data.units.length} units, ${data.events.length} events`;
  const memory = workers > 1 ? `${peakRss.toFixed(0)} MB the largest process, ${peakTotal.toFixed(0)} MB all ${serving.length}` : `${peakRss.toFixed(0)} MB`;
  console.log(`\n## ${scale}: ${counts}; loaded in ${loadSeconds.toFixed(0)} s; gateway ${workers > 1 ? `${workers} workers` : 'one process'}, peak RSS ${memory}`);
  console.log('| action | c=1 p50 / p99 ms, req/s | c=16 p50 / p99 ms, req/s | c=64 p50 / p99 ms, req/s | gateway CPU ms a request (c=16) | store-level page ms | c=1 mean ms | ÷ store |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  const fmt = (c: Cell) => `${c.p50} / ${c.p99}, ${Math.round(c.rps)}`;
  for (const r of rows) {
    const mean = r.cells[0]!.mean;
    const ratio = r.raw !== undefined ? (mean / r.raw).toFixed(1) : '';
    console.log(`| ${r.name} | ${r.cells.map(fmt).join(' | ')} | ${r.cells[1]!.cpu.toFixed(2)} | ${r.raw !== undefined ? r.raw.toFixed(2) : ''} | ${mean.toFixed(2)} | ${ratio} |`);
  }
  return { peakRss, peakTotal, rows };
}

/** CloudBase database requests per action (emulator counter), at two sizes: equal figures mean independent of scale. */
async function cloudRequests(): Promise<void> {
  const { freshCloudStore, sharedEmulator } = await import('../tests/support/cloudbase-emulator/sdk');
  const emulator = await sharedEmulator({});
  const sizes = [60, 240];
  const table = new Map<string, number[]>();
  for (const size of sizes) {
    const store = await freshCloudStore(emulator);
    const data = generateOffice('city');
    data.suggestions = data.suggestions.slice(0, size);
    const keep = new Set(data.suggestions.map((s) => s.id));
    data.tasks = data.tasks.filter((t) => keep.has(t.suggestionId));
    data.replies = data.replies.filter((t) => keep.has(t.suggestionId));
    data.contacts = data.contacts.filter((t) => keep.has(t.suggestionId));
    data.feedbacks = data.feedbacks.filter((t) => keep.has(t.suggestionId));
    data.events = data.events.filter((t) => keep.has(t.suggestionId!));
    // The handler of a unit with a task in hand, logging a contact on it.
    const writable = data.tasks.find((t) => t.state === 'handling' && t.role !== 'co')!;
    data.writableTaskId = writable.id;
    data.logins.handler = `bench-h-${writable.unitId}`;
    await loadOffice(store, data, 20);
    const api = createApi({ store, clock: { now: () => NOW }, log: () => undefined });
    for (const ep of endpoints(data)) {
      emulator.resetCounter();
      const res = await api({ action: ep.action, data: ep.data }, { openid: ep.openid });
      if (!res.ok) throw new Error(`${ep.name} on CloudBase: ${res.error.code} ${res.error.message}`);
      table.set(ep.name, [...(table.get(ep.name) ?? []), emulator.requests]);
    }
  }
  await emulator.close();
  console.log(`\n## CloudBase requests per action (emulator counter; ${sizes.join(' and ')} suggestions)`);
  console.log('| action | requests |');
  console.log('| --- | --- |');
  for (const [name, counts] of table) console.log(`| ${name} | ${counts.join(' / ')} |`);
}

export async function benchLoad() {
  const { scales, duration, only, profile, workers } = loadOptions();
  console.log(`\nLoad benchmark: ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}, ${duration} s a measurement, concurrency ${CONCURRENCY.join(', ')}.`);
  const figures: Record<string, number> = {};
  for (const scale of scales) {
    const { peakRss, peakTotal, rows } = await measureScale(scale, duration, workers, only, profile);
    figures[`${scale}: gateway peak RSS MB`] = peakRss;
    if (workers > 1) figures[`${scale}: all ${workers} workers' RSS MB`] = peakTotal;
    for (const r of rows) figures[`${scale}: ${r.name} c=16 p99 ms`] = r.cells[1]!.p99;
  }
  if (!only) await cloudRequests();
  console.log(`\nLoad average after: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  return figures;
}
