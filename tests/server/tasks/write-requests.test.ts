// What each action of a suggestion's whole life costs on CloudBase, counted by the emulator's request
// counter (what the service bills and waits on): every action stays within the platform's default
// function time limit of 3 s at 50 ms a request (60 requests), so a function deployed with a forgotten
// timeout setting still answers; every action within the goal of 15 requests; and each write within
// its budget (BUDGETS: what it costs today, so that none grows; docs/performance.md).
import { uploadAs } from '../../support/uploads';
import { createApi } from '../../../src/server/api';
import { openCloudBaseFileStore, type CloudStorageApi } from '../../../src/server/adapters/files/cloudbase.files';
import { seedDemo } from '../../../src/server/setup/demo-data';
import { cloud, freshCloudStore } from '../../support/cloudbase-emulator/sdk';
import { runLifecycle } from './lifecycle.scenario';
import { costRecorder, holdsBudgetsToGoal, MS_A_REQUEST, sharedEmulatorForFile } from './request-costs';

const NOW = '2025-03-10T02:00:00.000Z';
/** The platform's default time limit of a function. */
const DEFAULT_TIMEOUT_MS = 3000;
/** The requests each write costs at most: its figure today, so that none grows (all within the goal, request-costs.ts). */
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

holdsBudgetsToGoal(BUDGETS);
const emulated = sharedEmulatorForFile();

it('keeps every action of a whole life within 3 s at 50 ms a request, and each write within its budget', async () => {
  const store = await freshCloudStore(emulated());
  await seedDemo(store, NOW);
  const files = openCloudBaseFileStore(cloud as unknown as CloudStorageApi, { now: () => NOW });
  const api = createApi({ store, files, clock: { now: () => NOW }, log: () => undefined });
  const costs = costRecorder(emulated());
  let sent = 0;
  await runLifecycle(
    {
      call: async (openid, action, data, requestId) => {
        costs.start();
        // Every call with a requestId, as the app sends them (src/api/client.ts): its record is part of the cost.
        const res = await api({ action, data, requestId: requestId ?? `app-${(sent += 1)}` }, { openid });
        if (res.ok) costs.record(action);
        return res;
      },
      snapshot: () => emulated().dump(),
      upload: (openid, text) => uploadAs(files, openid, text),
    },
    NOW,
  );
  const tooSlow = [...costs.most].filter(([, n]) => n * MS_A_REQUEST > DEFAULT_TIMEOUT_MS).map(([a, n]) => `${a}: ${n}`);
  // overGoal: every action of the life, the writes without a budget of their own included (users.upsert, …).
  expect({ tooSlow, ...costs.judge(BUDGETS) }).toEqual({ tooSlow: [], overBudget: [], overGoal: [], unmeasured: [] });
}, 300_000);
