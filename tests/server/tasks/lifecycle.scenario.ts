// The full lifecycle of issue 4 as a scenario any transport can drive: createApi in process, or the
// local gateway over HTTP. It needs the demo roster (seedDemo) and the store's clock at `now`.
// Refused calls are checked for their code and, when the driver can snapshot the database, for
// leaving it exactly as it was.
import { addDays, shanghaiDate } from '../../../src/core/calendar';
import type { ApiResponse, ErrorCode } from '../../../src/core/errors';
import type { SuggestionDetail, TaskView } from '../../../src/contract';

export interface ScenarioDriver {
  call(openid: string | undefined, action: string, data?: unknown, requestId?: string): Promise<ApiResponse<unknown>>;
  /** The whole database as text; equal text before and after proves a refused call changed nothing. */
  snapshot?: () => string | Promise<string>;
  /** Puts a file in the caller's upload folder as the app does before an import or attachment; its fileID. */
  upload(openid: string, text: string, name: string): Promise<string>;
}

export const SESSION = '十八届三次';
export const NUMBERS = { joint: '3001', split: '3002', sole: '3003' } as const;

const UNITS = { fgw: '市发展改革委', jtj: '市交通运输局', mzj: '市民政局', zjj: '市住房城乡建设局', slj: '市水务局' } as const;

export function importCsv(today: string): string {
  const past = addDays(today, -10);
  const header = '建议号,标题,内容,领衔代表,附议代表,代表团,届次,提出阶段,主办单位,会办单位,分办单位,交办日期,重点督办';
  const rows = [
    `${NUMBERS.joint},关于完善城市充电基础设施布局的建议,"建议统筹公交场站、住宅小区充电设施建设，""一张网""监管。",王建华,李秀英、陈静,历下区代表团,${SESSION},会期,市发展改革委,市交通运输局、市住房城乡建设局,,${today},是`,
    `${NUMBERS.split},关于黄河滩区防洪与产业协同发展的建议,建议水务与发展改革部门分别研究防洪工程和产业扶持。,李秀英,,章丘区代表团,${SESSION},会期,,,市发展改革委、市水务局,${past},否`,
    `${NUMBERS.sole},关于社区嵌入式托育服务的建议,建议在新建小区配建托育设施。,王建华,,历下区代表团,${SESSION},闭会期间,市民政局,,,${today},否`,
  ];
  return [header, ...rows].join('\r\n') + '\r\n';
}

export interface LifecycleResult {
  suggestionIds: Record<keyof typeof NUMBERS, string>;
  refusals: number;
}

export async function runLifecycle(driver: ScenarioDriver, now: string): Promise<LifecycleResult> {
  const today = shanghaiDate(now);
  let refusals = 0;
  let seq = 0;

  async function ok<T>(openid: string, action: string, data?: unknown, requestId?: string): Promise<T> {
    const response = await driver.call(openid, action, data, requestId);
    if (!response.ok) throw new Error(`${action} by ${openid} failed: ${response.error.code} ${response.error.message}`);
    return response.data as T;
  }

  /** A wrong bind code is refused and also counted and audited (the one refusal that writes: see bind-user.ts). */
  async function refuseCounted(openid: string, action: 'users.bind', data: unknown, code: ErrorCode) {
    const response = await driver.call(openid, action, data);
    if (response.ok || response.error.code !== code) {
      throw new Error(`${action} by ${openid} should be refused with ${code}, got ${JSON.stringify(response)}`);
    }
    const me = await driver.call(openid, 'me', {});
    if (!me.ok || (me.data as { bound: boolean }).bound) throw new Error(`${action} by ${openid} was refused but bound`);
    refusals += 1;
  }

  async function refuse(openid: string | undefined, action: string, data: unknown, code: ErrorCode, requestId?: string) {
    const before = await driver.snapshot?.();
    const response = await driver.call(openid, action, data, requestId);
    if (response.ok || response.error.code !== code) {
      throw new Error(`${action} by ${openid} should be refused with ${code}, got ${JSON.stringify(response)}`);
    }
    if (!/[\u4e00-\u9fa5]/.test(response.error.message)) throw new Error(`message not in Chinese: ${response.error.message}`);
    const after = await driver.snapshot?.();
    if (before !== after) throw new Error(`${action} by ${openid} was refused but changed the database`);
    refusals += 1;
  }

  const detail = (openid: string, id: string) => ok<SuggestionDetail>(openid, 'suggestions.get', { id });
  const taskOf = async (id: string, unitName: string, openid = 'demo-coordinator'): Promise<TaskView> => {
    const found = (await detail(openid, id)).tasks.filter((t) => t.unitName === unitName && t.state !== 'returned');
    if (found.length !== 1) throw new Error(`expected one live task of ${unitName}`);
    return found[0]!;
  };
  const rid = () => `life-${now}-${(seq += 1)}`;

  // --- the roster: a person in each unit who can handle, review and sign, bound with one-time codes
  const staff: Record<'jtj' | 'mzj' | 'zjj' | 'slj', string> = { jtj: '', mzj: '', zjj: '', slj: '' };
  const units = await ok<{ items: { id: string; name: string }[] }>('demo-admin', 'units.list', {});
  const unitId = (name: string) => units.items.find((u) => u.name === name)!.id;
  for (const key of Object.keys(staff) as (keyof typeof staff)[]) {
    const openid = `life-${key}-${now}`;
    const user = await ok<{ id: string }>('demo-admin', 'users.upsert', {
      name: `${UNITS[key]}经办人`,
      roles: ['handler', 'reviewer', 'leader'],
      unitId: unitId(UNITS[key]),
      phone: '0531-88880000',
    });
    const { code } = await ok<{ code: string }>('demo-coordinator', 'users.issueBindCode', { userId: user.id });
    await refuseCounted(openid, 'users.bind', { code: '00000000' }, 'VALIDATION');
    await ok(openid, 'users.bind', { code });
    await refuseCounted(`${openid}-other`, 'users.bind', { code }, 'VALIDATION'); // a code works once
    staff[key] = openid;
  }

  // --- import: all or nothing, then idempotent
  const csv = importCsv(today);
  // A bad row (an impossible 交办日期) refuses the whole file; an unknown unit would be asked about instead.
  const broken = csv.replace(`,${today},`, ',2026-02-30,');
  await refuse('demo-coordinator', 'suggestions.import', { fileID: await driver.upload('demo-coordinator', broken, '交办清单.csv'), format: 'csv' }, 'VALIDATION');
  const fileID = await driver.upload('demo-coordinator', csv, '交办清单.csv');
  await refuse('demo-handler', 'suggestions.import', { fileID, format: 'csv' }, 'FORBIDDEN');
  // Another person's upload is not found for the caller, even one who may import: the fileID must be the caller's own.
  await refuse('demo-coordinator', 'suggestions.import', { fileID: await driver.upload('demo-handler', csv, '交办清单.csv'), format: 'csv' }, 'NOT_FOUND');
  const imported = await ok<{ created: number; unchanged: number }>('demo-coordinator', 'suggestions.import', { fileID, format: 'csv' }, rid());
  if (imported.created !== 3) throw new Error(`imported ${imported.created}`);
  const before = await driver.snapshot?.();
  const again = await ok<{ created: number; unchanged: number }>('demo-coordinator', 'suggestions.import', { fileID, format: 'csv' });
  if (again.created !== 0 || again.unchanged !== 3 || before !== (await driver.snapshot?.())) throw new Error('re-import changed something');

  const list = await ok<{ items: { id: string; number: string }[] }>('demo-coordinator', 'suggestions.list', { session: SESSION, pageSize: 100 });
  const idOf = (n: string) => list.items.find((i) => i.number === n)!.id;
  const ids = { joint: idOf(NUMBERS.joint), split: idOf(NUMBERS.split), sole: idOf(NUMBERS.sole) };

  // --- the sole suggestion went to the wrong unit: returned inside the window, then reassigned
  let t = await taskOf(ids.sole, UNITS.mzj);
  await refuse('demo-handler', 'tasks.requestReturn', { taskId: t.id, version: t.version, reason: '不属于本单位职责' }, 'FORBIDDEN');
  await ok(staff.mzj, 'tasks.requestReturn', { taskId: t.id, version: t.version, reason: '托育设施配建属发展改革部门职责' });
  t = await taskOf(ids.sole, UNITS.mzj);
  await refuse(staff.mzj, 'tasks.decideReturn', { taskId: t.id, version: t.version, approve: true }, 'FORBIDDEN');
  await ok('demo-coordinator', 'tasks.decideReturn', { taskId: t.id, version: t.version, approve: true, comment: '改由市发展改革委独办' });
  const sole = await detail('demo-coordinator', ids.sole);
  const reassign = (version: number, role: string, openid = 'demo-coordinator') =>
    ({ openid, data: { suggestionId: ids.sole, version, units: [{ unitId: unitId(UNITS.fgw), role, requirements: '请面复代表' }] } });
  for (const [r, code] of [[reassign(sole.version, 'co'), 'VALIDATION'], [reassign(sole.version, 'sole', 'demo-handler'), 'FORBIDDEN'], [reassign(sole.version + 1, 'sole'), 'CONFLICT']] as const) {
    await refuse(r.openid, 'suggestions.assign', r.data, code);
  }
  await ok('demo-coordinator', 'suggestions.assign', reassign(sole.version, 'sole').data);

  // --- a return asked after the window closed (the split suggestion was assigned ten days ago)
  const slj = await taskOf(ids.split, UNITS.slj);
  await refuse(staff.slj, 'tasks.requestReturn', { taskId: slj.id, version: slj.version, reason: '职责不符' }, 'DEADLINE');

  // --- claims: every live task, with a replayed requestId changing nothing
  const claims: [string, string, string][] = [
    [ids.joint, UNITS.fgw, 'demo-handler'],
    [ids.joint, UNITS.jtj, staff.jtj],
    [ids.joint, UNITS.zjj, staff.zjj],
    [ids.split, UNITS.fgw, 'demo-handler'],
    [ids.split, UNITS.slj, staff.slj],
    [ids.sole, UNITS.fgw, 'demo-handler'],
  ];
  for (const [sid, unit, openid] of claims) {
    const task = await taskOf(sid, unit);
    const otherUnit = unit === UNITS.jtj ? 'demo-handler' : 'demo-handler-co';
    await refuse(otherUnit, 'tasks.claim', { taskId: task.id, version: task.version }, 'FORBIDDEN');
    const requestId = rid();
    const first = await driver.call(openid, 'tasks.claim', { taskId: task.id, version: task.version }, requestId);
    if (!first.ok) throw new Error(`claim failed: ${JSON.stringify(first)}`);
    const snapshot = await driver.snapshot?.();
    const replay = await driver.call(openid, 'tasks.claim', { taskId: task.id, version: task.version }, requestId);
    if (JSON.stringify(replay) !== JSON.stringify(first) || snapshot !== (await driver.snapshot?.())) throw new Error('replayed requestId changed something');
    await refuse(openid, 'tasks.claim', { taskId: task.id, version: task.version + 1 }, 'INVALID_TRANSITION');
  }

  const contact = { name: '刘洋', phone: '0531-86000001' };
  const leader = { name: '吴国栋', phone: '0531-86000005' };
  const letter = (n: number) => `关于您所提建议的答复（第${n}稿）：一、……；二、……；三、……。`;

  // --- the joint suggestion: co-opinions first, then draft, review (reject, resubmit, approve), sign
  let lead = await taskOf(ids.joint, UNITS.fgw);
  // No draft yet, and co-opinions missing: the co-units' reason is the one given, it holds longer.
  await refuse('demo-handler', 'tasks.submitDraft', { taskId: lead.id, version: lead.version }, 'INVALID_TRANSITION');
  lead = await ok<{ task: TaskView }>('demo-handler', 'tasks.saveDraft', { taskId: lead.id, version: lead.version, class: 'A', text: letter(1), leaderContact: leader, handlerContact: contact }).then((r) => r.task);
  await refuse('demo-handler', 'tasks.submitDraft', { taskId: lead.id, version: lead.version }, 'INVALID_TRANSITION'); // co-opinions missing
  for (const key of ['jtj', 'zjj'] as const) {
    const co = await taskOf(ids.joint, UNITS[key]);
    await refuse(staff[key], 'tasks.saveDraft', { taskId: co.id, version: co.version, class: 'A', text: 'x', leaderContact: leader, handlerContact: contact }, 'FORBIDDEN');
    await refuse(staff[key], 'tasks.submitOpinion', { taskId: co.id, version: co.version, text: '', contact }, 'VALIDATION');
    await ok(staff[key], 'tasks.submitOpinion', { taskId: co.id, version: co.version, text: `${UNITS[key]}会办意见：同意主办单位意见，并将配合落实。`, contact: { name: '会办联系人', phone: '0531-80000000' } });
  }
  lead = await taskOf(ids.joint, UNITS.fgw);
  lead = await ok<{ task: TaskView }>('demo-handler', 'tasks.saveDraft', { taskId: lead.id, version: lead.version, class: 'A', text: letter(2), leaderContact: leader, handlerContact: contact }).then((r) => r.task);
  lead = await ok<{ task: TaskView }>('demo-handler', 'tasks.submitDraft', { taskId: lead.id, version: lead.version }).then((r) => r.task);
  await refuse('demo-handler', 'tasks.review', { taskId: lead.id, version: lead.version, decision: 'approve' }, 'FORBIDDEN');
  await refuse('demo-reviewer', 'tasks.review', { taskId: lead.id, version: lead.version, decision: 'reject' }, 'VALIDATION'); // a rejection needs a comment
  lead = await ok<{ task: TaskView }>('demo-reviewer', 'tasks.review', { taskId: lead.id, version: lead.version, decision: 'reject', comment: '请逐条答复代表提出的三个问题' }).then((r) => r.task);
  lead = await ok<{ task: TaskView }>('demo-handler', 'tasks.saveDraft', { taskId: lead.id, version: lead.version, class: 'A', text: letter(3), leaderContact: leader, handlerContact: contact }).then((r) => r.task);
  lead = await ok<{ task: TaskView }>('demo-handler', 'tasks.submitDraft', { taskId: lead.id, version: lead.version }).then((r) => r.task);
  lead = await ok<{ task: TaskView }>('demo-reviewer', 'tasks.review', { taskId: lead.id, version: lead.version, decision: 'approve' }).then((r) => r.task);
  await refuse('demo-leader', 'tasks.sign', { taskId: lead.id, version: lead.version }, 'VALIDATION'); // no face-to-face record yet
  // A phone call is never 面复: claiming it is gets refused, and recorded as it is it does not open 签发.
  await refuse('demo-handler', 'tasks.logContact', { taskId: lead.id, at: now, mode: 'phone', people: '王建华代表', notes: '电话沟通', faceToFace: true }, 'VALIDATION');
  await ok('demo-handler', 'tasks.logContact', { taskId: lead.id, at: now, mode: 'phone', people: '王建华代表', notes: '电话沟通' });
  await refuse('demo-leader', 'tasks.sign', { taskId: lead.id, version: lead.version }, 'VALIDATION');
  const contactId = await ok<{ id: string }>('demo-handler', 'tasks.logContact', {
    taskId: lead.id, at: now, mode: 'meeting', place: '市发展改革委会议室', people: '王建华代表；刘洋', notes: '逐条沟通答复内容，代表表示认可。', faceToFace: true,
  }).then((r) => r.id);
  await refuse('demo-deputy2', 'contacts.confirm', { contactId: 'nope' }, 'NOT_FOUND');
  await ok('demo-deputy', 'contacts.confirm', { contactId });
  await refuse('demo-deputy', 'contacts.confirm', { contactId }, 'INVALID_TRANSITION');
  await refuse('demo-reviewer', 'tasks.sign', { taskId: lead.id, version: lead.version }, 'FORBIDDEN');
  lead = await taskOf(ids.joint, UNITS.fgw);
  lead = await ok<{ task: TaskView }>('demo-leader', 'tasks.sign', { taskId: lead.id, version: lead.version }).then((r) => r.task);
  if (lead.state !== 'replied') throw new Error('lead reply not signed');
  // As the app does right after signing: the letter's file is made at the first ask.
  await ok('demo-leader', 'letters.get', { taskId: lead.id });
  await refuse('demo-deputy2', 'feedback.submit', { taskId: lead.id, attitude: 'satisfied', result: 'satisfied' }, 'FORBIDDEN'); // a co-signer
  await refuse('demo-deputy', 'feedback.submit', { taskId: lead.id, attitude: 'unsatisfied', result: 'satisfied' }, 'VALIDATION'); // no reasons
  await ok('demo-deputy', 'feedback.submit', { taskId: lead.id, attitude: 'satisfied', result: 'satisfied', coSignerViews: '李秀英、陈静代表同意' });

  // --- a unit handles one task from claim to sign (draft, submit, approve, contact, sign)
  async function replyThrough(sid: string, unit: string, actors: { handler: string; reviewer: string; leader: string }, cls: 'A' | 'B' | 'C' | 'D', commitment?: { promise: string; targetDate: string }) {
    let task = await taskOf(sid, unit);
    task = await ok<{ task: TaskView }>(actors.handler, 'tasks.saveDraft', { taskId: task.id, version: task.version, class: cls, text: letter(task.round), leaderContact: leader, handlerContact: contact, ...(commitment ? { commitment } : {}) }).then((r) => r.task);
    task = await ok<{ task: TaskView }>(actors.handler, 'tasks.submitDraft', { taskId: task.id, version: task.version }).then((r) => r.task);
    task = await ok<{ task: TaskView }>(actors.reviewer, 'tasks.review', { taskId: task.id, version: task.version, decision: 'approve' }).then((r) => r.task);
    await ok(actors.handler, 'tasks.logContact', { taskId: task.id, at: now, mode: 'visit', place: '代表工作站', people: '代表；承办人', notes: '走访面复。', faceToFace: true });
    task = await taskOf(sid, unit);
    const signed = await ok<{ task: TaskView }>(actors.leader, 'tasks.sign', { taskId: task.id, version: task.version }).then((r) => r.task);
    await ok(actors.leader, 'letters.get', { taskId: task.id });
    return signed;
  }
  const drc = { handler: 'demo-handler', reviewer: 'demo-reviewer', leader: 'demo-leader' };
  const sljActors = { handler: staff.slj, reviewer: staff.slj, leader: staff.slj };

  // --- the split suggestion: two replies; 不满意 with reasons on one, re-handled, round 2 rated 满意
  const promise = { promise: '编制滩区产业发展规划', targetDate: addDays(today, 120) };
  const splitTask = await taskOf(ids.split, UNITS.fgw);
  await refuse('demo-handler', 'tasks.saveDraft', { taskId: splitTask.id, version: splitTask.version, class: 'B', text: letter(1), leaderContact: leader, handlerContact: contact }, 'VALIDATION'); // B needs a promise
  let fgwSplit = await replyThrough(ids.split, UNITS.fgw, drc, 'B', promise);
  const sljSplit = await replyThrough(ids.split, UNITS.slj, sljActors, 'A');
  await ok('demo-deputy2', 'feedback.submit', { taskId: sljSplit.id, attitude: 'satisfied', result: 'basic' });
  fgwSplit = await ok<{ task: TaskView }>('demo-deputy2', 'feedback.submit', { taskId: fgwSplit.id, attitude: 'basic', result: 'unsatisfied', reasons: '产业扶持措施不够具体' }).then((r) => r.task);
  if (fgwSplit.state !== 'rehandling' || fgwSplit.round !== 2) throw new Error('unsatisfied feedback did not start re-handling');
  fgwSplit = await replyThrough(ids.split, UNITS.fgw, drc, 'A');
  await ok('demo-deputy2', 'feedback.submit', { taskId: fgwSplit.id, attitude: 'satisfied', result: 'satisfied' });
  const splitDetail = await detail('demo-handler', ids.split);
  const commitment = splitDetail.commitments[0];
  if (!commitment) throw new Error('B reply made no commitment');
  await refuse('demo-deputy2', 'commitments.progress', { commitmentId: commitment.id, text: '已完成' }, 'FORBIDDEN');
  await ok('demo-handler', 'commitments.progress', { commitmentId: commitment.id, text: '规划初稿已完成，征求意见中' });

  // --- the sole suggestion
  const soleTask = await replyThrough(ids.sole, UNITS.fgw, drc, 'D');
  await ok('demo-deputy', 'feedback.submit', { taskId: soleTask.id, attitude: 'satisfied', result: 'basic' });

  // --- disclosure and archive
  const jointDetail = await detail('demo-coordinator', ids.joint);
  await refuse('demo-coordinator', 'suggestions.archive', { suggestionId: ids.joint, version: jointDetail.version }, 'INVALID_TRANSITION'); // no disclosure decision yet
  await refuse('demo-coordinator', 'suggestions.disclose', { suggestionId: ids.joint, version: jointDetail.version, mode: 'none' }, 'VALIDATION'); // no reason
  for (const [key, mode] of [['joint', 'full'], ['split', 'summary'], ['sole', 'full']] as const) {
    const s = await detail('demo-coordinator', ids[key]);
    if (s.status !== 'closed') throw new Error(`${key} not closed: ${s.status}`);
    const decision = { suggestionId: s.id, version: s.version, mode, ...(mode === 'summary' ? { summary: '建议分别研究防洪与产业扶持，已答复。', reason: '涉及个人信息' } : {}) };
    await refuse('demo-handler', 'suggestions.disclose', decision, 'FORBIDDEN');
    const disclosed = await ok<{ version: number }>('demo-coordinator', 'suggestions.disclose', decision);
    await ok('demo-coordinator', 'suggestions.archive', { suggestionId: s.id, version: disclosed.version });
  }
  const archivedTask = await taskOf(ids.joint, UNITS.fgw);
  await refuse('demo-coordinator', 'tasks.urge', { taskId: archivedTask.id }, 'INVALID_TRANSITION');
  await refuse('demo-handler', 'tasks.logContact', { taskId: archivedTask.id, at: now, mode: 'phone', people: '代表', notes: '回访', faceToFace: false }, 'INVALID_TRANSITION');

  // --- the public sees what was disclosed, without a login and without a phone number
  const publicList = await ok<{ items: { id: string }[] }>(undefined as unknown as string, 'public.list', { session: SESSION });
  if (publicList.items.length !== 3) throw new Error(`public list shows ${publicList.items.length}`);
  const publicDetail = await driver.call(undefined, 'public.get', { id: ids.joint });
  if (!publicDetail.ok || /0531|138\d{8}/.test(JSON.stringify(publicDetail.data))) throw new Error('public view exposes a phone');

  return { suggestionIds: ids, refusals };
}
