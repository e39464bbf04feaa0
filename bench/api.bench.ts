// The api function over the real SQLite store at a province's scale (1,500 suggestions a year) and
// the national one (9,200): median milliseconds of the coordinator's list, ledger and statistics.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApi } from '../src/server/api';
import { openSqliteStore } from '../src/server/adapters/sqlite/sqlite.store';
import { DEMO_UNITS, seedDemo } from '../src/server/demo-data';
import { generateYear } from './generate';
import { median, timeRuns } from './stats';

const NOW = '2026-09-01T02:00:00.000Z';

async function measure(count: number) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'jyt-bench-'));
  const store = openSqliteStore(path.join(dir, 'bench.sqlite'));
  try {
    await seedDemo(store, NOW);
    const data = generateYear(count, DEMO_UNITS.map((u) => u.id), 7);
    const loadStart = process.hrtime.bigint();
    const chunk = 500;
    for (let i = 0; i < data.suggestions.length; i += chunk) {
      const ids = new Set(data.suggestions.slice(i, i + chunk).map((s) => s.id));
      await store.transaction(async (tx) => {
        for (const s of data.suggestions.slice(i, i + chunk)) tx.insert('suggestions', s);
        for (const t of data.tasks) if (ids.has(t.suggestionId)) tx.insert('tasks', t);
        for (const r of data.replies) if (ids.has(r.suggestionId)) tx.insert('replies', r);
        for (const c of data.contacts) if (ids.has(c.suggestionId)) tx.insert('contacts', c);
        for (const f of data.feedbacks) if (ids.has(f.suggestionId)) tx.insert('feedback', f);
      });
    }
    const loadMs = Number(process.hrtime.bigint() - loadStart) / 1e6;
    const api = createApi({ store, clock: { now: () => NOW }, log: () => undefined });
    const as = (action: string, data: unknown) => async () => {
      const res = await api({ action, data }, { openid: 'demo-coordinator' });
      if (!res.ok) throw new Error(`${action}: ${res.error.code} ${res.error.message}`);
    };
    return {
      [`${count}: load ms (${data.tasks.length} tasks)`]: loadMs,
      [`${count}: suggestions.list page ms`]: median(await timeRuns(7, as('suggestions.list', { page: 1, pageSize: 20 }))),
      [`${count}: ledger.list page ms`]: median(await timeRuns(7, as('ledger.list', { page: 1, pageSize: 20 }))),
      [`${count}: stats.summary ms`]: median(await timeRuns(5, as('stats.summary', {}))),
    };
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchApi() {
  const small = await measure(1500);
  const large = await measure(9200);
  return {
    ...small,
    ...large,
    'stats.summary ratio 9200/1500 (6.1x data)': (large['9200: stats.summary ms'] as number) / (small['1500: stats.summary ms'] as number),
  };
}
