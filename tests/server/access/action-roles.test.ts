// Every action × every kind of caller: who is let through, who is refused and with which code.
// A refused call leaves the database exactly as it was.
import { uploadAs } from '../../support/uploads';
import type { FileStore } from '../../../src/server/ports';
import { ACTION_NAMES, type ActionName } from '../../../src/contract';
import { createApi } from '../../../src/server/api';
import { openSqliteStore } from '../../../src/server/adapters/sqlite/sqlite.store';
import { identityKey } from '../../../src/server/access/bind-codes';
import { seedDemo } from '../../../src/server/setup/demo-data';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openFolderFileStore } from '../../../src/server/adapters/files/folder.files';
import type { Api } from '../../../src/server/api';

const NOW = '2024-04-10T02:00:00.000Z';
const CALLERS = ['anonymous', 'stranger', 'demo-deputy', 'demo-deputy2', 'demo-handler', 'demo-handler-co', 'demo-reviewer', 'demo-leader', 'demo-coordinator', 'demo-admin'] as const;
type Caller = (typeof CALLERS)[number];
const BOUND: Caller[] = CALLERS.filter((c) => c !== 'anonymous' && c !== 'stranger');
const STAFF: Caller[] = ['demo-handler', 'demo-handler-co', 'demo-reviewer', 'demo-leader', 'demo-coordinator', 'demo-admin'];
const FGW: Caller[] = ['demo-handler', 'demo-reviewer', 'demo-leader'];
const OFFICE: Caller[] = ['demo-coordinator'];
const ROSTER: Caller[] = ['demo-coordinator', 'demo-admin'];
const csv = Buffer.from(
  '建议号,标题,内容,领衔代表,附议代表,代表团,届次,提出阶段,主办单位,会办单位,分办单位,交办日期,重点督办\r\n' +
    '9001,关于测试的建议,内容,王建华,,历下区代表团,十八届二次,会期,市发展改革委,,,2024-04-10,否\r\n',
);

const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(16)]);
const YELLOW_RIVER_SEERS: Caller[] = ['demo-deputy', 'demo-deputy2', ...FGW, 'demo-coordinator', 'demo-admin'];
const files = () => openFolderFileStore({ dir: mkdtempSync(path.join(tmpdir(), 'jyt-roles-')), now: () => NOW });

const DRAFT = { title: '关于增设公交站点的建议', content: '建议在新区增设公交站点。', problem: '新区居民出行不便。', measures: '增设两处站点。' };
/** A draft of demo-deputy's, and the further steps some rows need (as the deputies and the coordinator). */
async function draft(api: Api, steps: { invite?: boolean; submit?: boolean } = {}): Promise<{ id: string; version: number }> {
  const as = async (openid: string, action: string, data: unknown) => {
    const r = await api({ action: action as ActionName, data }, { openid });
    if (!r.ok) throw new Error(`${action}: ${r.error.message}`);
    return r.data as { id: string; version: number };
  };
  let p = await as('demo-deputy', 'proposals.save', DRAFT);
  if (steps.invite) p = await as('demo-deputy', 'proposals.invite', { id: p.id, version: p.version, userIds: ['user-deputy-li'] });
  if (steps.submit) {
    await as('demo-coordinator', 'proposals.window', { open: true, session: '十八届二次', phase: 'recess', startDate: '2024-04-01', endDate: '2024-04-30' });
    p = await as('demo-deputy', 'proposals.submit', { id: p.id, version: p.version });
  }
  return { id: p.id, version: p.version };
}

type Row = {
  data: unknown;
  allowed: readonly Caller[];
  denied?: 'FORBIDDEN' | 'NOT_FOUND';
  /** A code for particular callers, where it differs from `denied`. */
  deniedBy?: Partial<Record<Caller, 'FORBIDDEN' | 'NOT_FOUND'>>;
  /** A step before the call (as another user); answers the data to call with. */
  /** The data made first: with the api, and the caller and the file store for a file the caller uploads. */
  prepare?: (api: Api, caller: Caller, files: FileStore) => Promise<unknown>;
  absent?: true;
};

/** The data each action is tried with, and the callers it must let through. */
/** absent: the target is not in the demo data, so the callers let through are told NOT_FOUND. */
const TABLE: Record<ActionName, Row> = {
  me: { data: {}, allowed: [...BOUND, 'stranger'] },
  'users.bind': { data: { code: '12345678' }, allowed: [...BOUND, 'stranger'] },
  'suggestions.import': { data: undefined, prepare: async (_api, caller, files) => ({ fileID: await uploadAs(files, caller, csv), format: 'csv' }), allowed: OFFICE },
  'suggestions.importTemplate': { data: { format: 'csv' }, allowed: OFFICE },
  'suggestions.create': {
    data: { number: '9002', title: '关于测试的建议', content: '内容', leadDeputyId: 'user-deputy-wang', delegation: '历下区代表团', session: '十八届二次', phase: 'session' },
    allowed: OFFICE,
  },
  'suggestions.assign': { data: { suggestionId: 'sug-floodplain', version: 1, units: [{ unitId: 'unit-fgw', role: 'sole' }] }, allowed: OFFICE },
  'suggestions.list': { data: {}, allowed: BOUND },
  'suggestions.get': { data: { id: 'sug-bus' }, allowed: ['demo-deputy2', 'demo-handler-co', 'demo-coordinator', 'demo-admin'], denied: 'NOT_FOUND' },
  'tasks.mine': { data: {}, allowed: BOUND },
  'tasks.claim': { data: { taskId: 'sug-bus-task-1', version: 1 }, allowed: ['demo-handler-co'] },
  'tasks.requestReturn': { data: { taskId: 'sug-bus-task-1', version: 1, reason: '不属于本单位职责' }, allowed: ['demo-handler-co'] },
  'tasks.decideReturn': { data: { taskId: 'sug-bus-task-1', version: 1, approve: true }, allowed: OFFICE },
  'tasks.requestExtension': { data: { taskId: 'sug-charging-task-1', version: 1, reason: '需调研', requestedDue: '2024-07-20' }, allowed: FGW },
  'tasks.decideExtension': { data: { taskId: 'sug-charging-task-1', version: 1, approve: true }, allowed: OFFICE },
  'tasks.logContact': {
    data: { taskId: 'sug-charging-task-1', at: '2024-04-09T02:00:00.000Z', mode: 'phone', people: '代表', notes: '电话沟通', faceToFace: false },
    allowed: FGW,
  },
  'tasks.saveDraft': {
    data: { taskId: 'sug-charging-task-1', version: 1, class: 'A', text: '答复', leaderContact: { name: '吴国栋', phone: '0531-86000005' }, handlerContact: { name: '刘洋', phone: '0531-86000001' } },
    allowed: ['demo-handler', 'demo-reviewer'],
  },
  'tasks.submitDraft': { data: { taskId: 'sug-charging-task-1', version: 1 }, allowed: ['demo-handler', 'demo-reviewer'] },
  'tasks.review': { data: { taskId: 'sug-elderly-care-task-1', version: 1, decision: 'approve' }, allowed: ['demo-reviewer'] },
  'tasks.withdrawDraft': { data: { taskId: 'sug-elderly-care-task-1', version: 1 }, allowed: ['demo-handler'] },
  'tasks.sign': { data: { taskId: 'sug-childcare-task-1', version: 1 }, allowed: ['demo-leader'] },
  'tasks.submitOpinion': { data: { taskId: 'sug-community-care-task-2', version: 1, text: '会办意见', contact: { name: '刘洋', phone: '0531-86000001' } }, allowed: ['demo-handler', 'demo-reviewer'] },
  'tasks.urge': { data: { taskId: 'sug-charging-task-1' }, allowed: ROSTER }, // the office: 联络员 and administrators
  'feedback.submit': { data: { taskId: 'sug-yellow-river-task-1', attitude: 'satisfied', result: 'satisfied' }, allowed: ['demo-deputy2'] },
  'commitments.progress': { data: { commitmentId: 'sug-yellow-river-task-1-reply-1-commitment', text: '规划编制中' }, allowed: FGW },
  'suggestions.disclose': { data: { suggestionId: 'sug-nev', version: 1, mode: 'full' }, allowed: OFFICE },
  'suggestions.archive': { data: { suggestionId: 'sug-nev', version: 1 }, allowed: OFFICE },
  'ledger.list': { data: {}, allowed: STAFF },
  'ledger.export': { data: {}, allowed: STAFF },
  'stats.summary': { data: {}, allowed: STAFF },
  'stats.years': { data: {}, allowed: STAFF },
  'report.annual': { data: { year: 2024 }, allowed: STAFF },
  'subscriptions.record': { data: { results: [{ templateId: 'tpl-reply', accepted: true }] }, allowed: BOUND },
  'notifications.mine': { data: {}, allowed: BOUND },
  'notifications.read': { data: {}, allowed: BOUND },
  'notifications.undelivered': { data: {}, allowed: ROSTER }, // the office: 联络员 and administrators
  'units.list': { data: {}, allowed: BOUND },
  'units.upsert': { data: { name: '市新设单位' }, allowed: ROSTER },
  'office.settings': { data: {}, allowed: ROSTER },
  'office.update': { data: { name: '市人民政府办公室', version: 1 }, allowed: ROSTER },
  'users.list': { data: {}, allowed: STAFF },
  'users.upsert': { data: { name: '新代表', roles: ['deputy'] }, allowed: ROSTER },
  'users.issueBindCode': { data: { userId: 'user-deputy-zhang' }, allowed: ROSTER },
  'users.bindCodes': { data: {}, allowed: ROSTER },
  'users.revokeBindCode': { data: { id: 'no-such-code' }, allowed: ROSTER, absent: true },
  'users.bindLocks': { data: {}, allowed: ROSTER },
  'users.liftBindLock': {
    data: undefined,
    // A WeChat identity that sent five wrong codes in a row is locked; the office lifts it.
    prepare: async (api) => {
      for (let i = 0; i < 5; i++) await api({ action: 'users.bind', data: { code: 'K7PM-3XQ9-TR' } }, { openid: 'wx-mistyper' });
      return { id: identityKey('wx-mistyper') };
    },
    allowed: ROSTER,
  },
  // Demo data has an administrator: the one-time step is over for everyone (INVALID_TRANSITION).
  'users.firstAdmin': { data: { name: '新管理员' }, allowed: [...BOUND, 'stranger'] },
  'users.import': { data: undefined, prepare: async (_api, caller, files) => ({ fileID: await uploadAs(files, caller, '姓名,代表团\r\n新代表,历下区代表团\r\n'), format: 'csv' }), allowed: ROSTER },
  'contacts.confirm': { data: { contactId: 'sug-elderly-care-task-1-contact' }, allowed: ['demo-deputy'] },
  'public.list': { data: {}, allowed: CALLERS },
  'public.get': { data: { id: 'sug-nev' }, allowed: CALLERS },
  'letters.get': { data: { taskId: 'sug-yellow-river-task-1' }, allowed: YELLOW_RIVER_SEERS, denied: 'NOT_FOUND' },
  'attachments.add': {
    data: undefined,
    prepare: async (_api, caller, files) => ({ target: 'suggestion', targetId: 'sug-yellow-river', fileName: '现场.png', fileID: await uploadAs(files, caller, PNG) }),
    allowed: YELLOW_RIVER_SEERS,
    denied: 'NOT_FOUND',
  },
  'attachments.list': { data: { target: 'suggestion', targetId: 'sug-yellow-river' }, allowed: YELLOW_RIVER_SEERS, denied: 'NOT_FOUND' },
  'attachments.remove': {
    data: undefined,
    // Added by the deputy: the uploader and the office may remove it; others who see it may not; the rest do not find it.
    prepare: async (api, _caller, files) => {
      const fileID = await uploadAs(files, 'demo-deputy', PNG);
      const added = await api({ action: 'attachments.add', data: { target: 'suggestion', targetId: 'sug-yellow-river', fileName: '现场.png', fileID } }, { openid: 'demo-deputy' });
      if (!added.ok) throw new Error(added.error.message);
      return { id: (added.data as { id: string }).id, version: 1 };
    },
    allowed: ['demo-deputy', 'demo-coordinator', 'demo-admin'],
    denied: 'FORBIDDEN',
    deniedBy: { 'demo-handler-co': 'NOT_FOUND' },
  },
  // Proposals: nobody but the author and the invitees reads a draft; the office reads a submitted one.
  'proposals.save': { data: DRAFT, allowed: ['demo-deputy', 'demo-deputy2'] },
  'proposals.invite': {
    data: undefined,
    prepare: async (api) => ({ ...(await draft(api)), userIds: ['user-deputy-li'] }),
    allowed: ['demo-deputy'],
    denied: 'NOT_FOUND',
  },
  'proposals.respond': {
    data: undefined,
    prepare: async (api) => ({ id: (await draft(api, { invite: true })).id, accept: true }),
    allowed: ['demo-deputy2'],
    denied: 'NOT_FOUND',
    deniedBy: { 'demo-deputy': 'FORBIDDEN' },
  },
  'proposals.submit': {
    data: undefined,
    prepare: async (api) => {
      const p = await draft(api);
      const opened = await api({ action: 'proposals.window', data: { open: true, session: '十八届二次', phase: 'recess', startDate: '2024-04-01', endDate: '2024-04-30' } }, { openid: 'demo-coordinator' });
      if (!opened.ok) throw new Error(opened.error.message);
      return p;
    },
    allowed: ['demo-deputy'],
    denied: 'NOT_FOUND',
  },
  'proposals.list': { data: { box: 'mine' }, allowed: BOUND },
  'proposals.get': { data: undefined, prepare: async (api) => ({ id: (await draft(api)).id }), allowed: ['demo-deputy'], denied: 'NOT_FOUND' },
  'proposals.decide': {
    data: undefined,
    prepare: async (api) => ({ ...(await draft(api, { submit: true })), decision: 'accept' }),
    allowed: ['demo-coordinator'],
    denied: 'NOT_FOUND',
    deniedBy: { 'demo-deputy': 'FORBIDDEN', 'demo-admin': 'FORBIDDEN' },
  },
  'proposals.window': { data: { open: true, session: '十八届二次', phase: 'recess', startDate: '2024-04-01', endDate: '2024-04-30' }, allowed: OFFICE },
};

const cases = ACTION_NAMES.flatMap((action) => CALLERS.map((caller) => [action, caller] as const));

describe('every action × every caller', () => {
  it('has a row for every action of the contract', () => {
    expect(Object.keys(TABLE).sort()).toEqual([...ACTION_NAMES].sort());
  });

  it.each(cases)('%s by %s', async (action, caller) => {
    const store = openSqliteStore(':memory:');
    await seedDemo(store, NOW);
    const fileStore = files();
    const api = createApi({ store, files: fileStore, clock: { now: () => NOW }, log: () => undefined });
    const row = TABLE[action];
    const data = row.prepare ? await row.prepare(api, caller, fileStore) : row.data;
    const before = store.dump();
    const response = await api({ action, data }, caller === 'anonymous' ? {} : { openid: caller });
    if (row.allowed.includes(caller)) {
      // Let through: the answer is the action's own (success, or a rule of the workflow), never a refusal of the caller.
      const code = response.ok ? undefined : response.error.code;
      expect([undefined, 'INVALID_TRANSITION', 'DEADLINE', 'CONFLICT', 'VALIDATION', ...(row.absent ? ['NOT_FOUND'] : [])]).toContain(code);
    } else {
      const expected = caller === 'anonymous' || caller === 'stranger' ? 'UNAUTHENTICATED' : (row.deniedBy?.[caller] ?? row.denied ?? 'FORBIDDEN');
      expect(response).toMatchObject({ ok: false, error: { code: expected } });
      expect(store.dump()).toBe(before);
    }
    store.close();
  });

  it('lets each allowed caller actually succeed where the demo data is in the right state', async () => {
    const failures: string[] = [];
    for (const action of ACTION_NAMES) {
      const row = TABLE[action];
      const caller = row.allowed.find((c) => c !== 'stranger') ?? 'stranger';
      // These need a prior step (a code, a request to decide, a saved draft), which the lifecycle test covers.
      if (['users.bind', 'users.firstAdmin', 'users.revokeBindCode', 'tasks.decideReturn', 'tasks.decideExtension', 'tasks.submitDraft'].includes(action)) continue;
      const store = openSqliteStore(':memory:');
      await seedDemo(store, NOW);
      const fileStore = files();
      const api = createApi({ store, files: fileStore, clock: { now: () => NOW }, log: () => undefined });
      const data = row.prepare ? await row.prepare(api, caller, fileStore) : row.data;
      const response = await api({ action, data }, caller === 'anonymous' ? {} : { openid: caller });
      if (!response.ok) failures.push(`${action} by ${caller}: ${response.error.code} ${response.error.message}`);
      store.close();
    }
    expect(failures).toEqual([]);
    // One demo database per action: a minute leaves room for a busy machine.
  }, 60_000);
});
