// What each action of a suggestion's whole life costs on CloudBase, counted by the emulator's request
// counter (what the service bills and waits on): every action stays within the platform's default
// function time limit of 3 s at 50 ms a request (60 requests), so a function deployed with a forgotten
// timeout setting still answers; every action within the goal of 15 requests; and each write within
// its budget (BUDGETS: what it costs today, so that none grows; docs/performance.md).
import { uploadAs } from '../../support/uploads';
import { createApi } from '../../../src/server/api';
import { openCloudBaseFileStore, type CloudStorageApi } from '../../../src/server/adapters/files/cloudbase.files';
import { seedDemo } from '../../../src/server/setup/demo-data';
import type { CloudBaseEmulator } from '../../support/cloudbase-emulator';
import { cloud, freshCloudStore, sharedEmulator } from '../../support/cloudbase-emulator/sdk';
import { runLifecycle } from './lifecycle.scenario';

const NOW = '2025-03-10T02:00:00.000Z';
/** The platform's default time limit of a function, and the round trip of a request inside the cloud. */
const DEFAULT_TIMEOUT_MS = 3000;
const MS_A_REQUEST = 50;
/** The goal for a write: 15 requests, 0.75 s at 50 ms (docs/performance.md). */
const WRITE_GOAL = 15;
/** The requests each write costs at most: its figure today, so that none grows (all within WRITE_GOAL). */
const BUDGETS: Record<string, number> = {
  'tasks.claim': 11,
  'tasks.saveDraft': 10,
  'tasks.logContact': 9,
  'contacts.confirm': 9,
  'commitments.progress': 8,
  'suggestions.disclose': 10,
  'users.bind': 12,
  // The letter's facts are fixed at signing at no request of their own; its file is made at the first ask.
  'tasks.sign': 15,
  'feedback.submit': 15,
  'tasks.requestReturn': 11,
  'tasks.decideReturn': 12,
  'tasks.review': 13,
  'tasks.submitDraft': 11,
  'tasks.submitOpinion': 14,
  'suggestions.assign': 13,
  // The first ask makes the letter's file (reads the office's settings, stores the file, records it).
  'letters.get': 12,
  // One step of an import (up to 50 rows in batch inserts; here one row): the plan's reads, then only writes.
  'suggestions.import': 15,
  'suggestions.archive': 11,
};

it('holds every write to the goal of 15 requests', () => {
  expect(Object.entries(BUDGETS).filter(([, budget]) => budget > WRITE_GOAL)).toEqual([]);
});

let emulator: CloudBaseEmulator;
beforeAll(async () => {
  emulator = await sharedEmulator({});
});
afterAll(() => emulator.close());

it('keeps every action of a whole life within 3 s at 50 ms a request, and each write within its budget', async () => {
  const store = await freshCloudStore(emulator);
  await seedDemo(store, NOW);
  const files = openCloudBaseFileStore(cloud as unknown as CloudStorageApi, { now: () => NOW });
  const api = createApi({ store, files, clock: { now: () => NOW }, log: () => undefined });
  const most = new Map<string, number>();
  let sent = 0;
  const traces = new Map<string, string[]>();
  await runLifecycle(
    {
      call: async (openid, action, data, requestId) => {
        emulator.resetCounter();
        // Every call with a requestId, as the app sends them (src/api/client.ts): its record is part of the cost.
        const res = await api({ action, data, requestId: requestId ?? `app-${(sent += 1)}` }, { openid });
        if (res.ok && emulator.requests > (most.get(action) ?? 0)) traces.set(action, [...emulator.trace]);
        if (res.ok) most.set(action, Math.max(most.get(action) ?? 0, emulator.requests));
        return res;
      },
      snapshot: () => emulator.dump(),
      upload: (openid, text) => uploadAs(files, openid, text),
    },
    NOW,
  );
  const table = [...most].map(([action, n]) => `${action}: ${n} requests, ${n * MS_A_REQUEST} ms${action in BUDGETS && n > WRITE_GOAL ? ` (goal ${WRITE_GOAL})` : ''}`);
  const tooSlow = [...most].filter(([, n]) => n * MS_A_REQUEST > DEFAULT_TIMEOUT_MS).map(([a, n]) => `${a}: ${n}`);
  const overBudget = Object.entries(BUDGETS).filter(([a, budget]) => (most.get(a) ?? 0) > budget).map(([a, b]) => `${a}: ${most.get(a)} > ${b}`);
  // Every action of the life, the writes without a budget of their own included (users.upsert, …).
  const overGoal = [...most].filter(([, n]) => n > WRITE_GOAL).map(([a, n]) => `${a}: ${n}`);
  expect({ tooSlow, overBudget, overGoal }).toEqual({ tooSlow: [], overBudget: [], overGoal: [] });
  for (const action of Object.keys(BUDGETS)) expect(most.has(action)).toBe(true);
  if (process.env.SHOW_REQUESTS) console.log(table.join('\n'));
  if (process.env.SHOW_REQUESTS === 'trace') console.log([...traces].map(([a, t]) => `${a}\n  ${t.join('\n  ')}`).join('\n'));
}, 300_000);
