// The office the simulated mini-program talks to: the real api entry (the cloud function's own entry)
// over a SQLite store holding the demo data set, the same store and data the local stack starts with.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createApi } from '../../../src/server/api';
import { apiEntry } from '../../../src/server/api/entry';
import { openFolderFileStore, type FolderFileStore } from '../../../src/server/adapters/files/folder.files';
import { openSqliteStore } from '../../../src/server/adapters/sqlite/sqlite.store';
import { seedDemo } from '../../../src/server/setup/demo-data';
import type { Proposal } from '../../../src/core/model';
import type { Store } from '../../../src/server/ports';
import type { CloudAnswer } from './runtime';

export const NOW = '2026-11-20T02:00:00.000Z';

export interface SimOffice {
  cloud: CloudAnswer;
  /** The office's file store: behind wx.cloud.uploadFile and the links the api makes (files.ts). */
  files: FolderFileStore;
  store: ReturnType<typeof openSqliteStore>;
  close(): void;
}

export async function openSimOffice(): Promise<SimOffice> {
  const store = openSqliteStore(':memory:');
  await seedDemo(store, NOW);
  await seedProposals(store);
  const files = openFolderFileStore({ dir: mkdtempSync(path.join(tmpdir(), 'jyt-sim-files-')), now: () => NOW });
  const entry = apiEntry(createApi({ store, files, clock: { now: () => NOW }, log: () => undefined }));
  return {
    cloud: (data, openid) => entry(data, { OPENID: openid }),
    files,
    store,
    close: () => store.close(),
  };
}

/** The proposal pages' data (docs/proposals.md): an open phase, a draft of 李秀英's that 王建华 is invited to co-sign, and one waiting for 立案. */
export const SIM_PROPOSALS = { invited: 'sim-proposal-invited', queued: 'sim-proposal-queued' } as const;

async function seedProposals(store: Store): Promise<void> {
  const base = {
    authorId: 'user-deputy-li',
    delegation: '章丘区代表团',
    content: '建议在老旧小区统筹闲置用房，增设社区食堂。',
    problem: '老年人就餐不便。',
    measures: '利用闲置用房改建社区食堂。',
    createdAt: NOW,
    updatedAt: NOW,
    version: 2,
  };
  const invited: Proposal = {
    ...base,
    id: SIM_PROPOSALS.invited,
    title: '关于在老旧小区增设社区食堂的建议',
    state: 'draft',
    invitations: [{ userId: 'user-deputy-wang', state: 'invited', invitedAt: NOW, answerByDate: '2026-11-25' }],
    inviteeIds: ['user-deputy-wang'],
    coSignerIds: [],
  };
  const queued: Proposal = { ...base, id: SIM_PROPOSALS.queued, title: '关于增设公交夜班线路的建议', state: 'submitted', invitations: [], inviteeIds: [], coSignerIds: [], session: '十八届二次', phase: 'recess', submittedAt: NOW };
  await store.transaction(async (tx) => {
    tx.insert('proposals', invited);
    tx.insert('proposals', queued);
    tx.insert('proposalWindows', { id: 'current', session: '十八届二次', phase: 'recess', startDate: '2026-11-01', endDate: '2026-12-31', inviteDays: 5, openedBy: 'user-coordinator', openedAt: NOW, version: 1 });
  });
}
