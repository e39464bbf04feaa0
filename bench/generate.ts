// The data generator for benchmarks: a year of suggestions at a given scale, each assigned to one
// to three units with a mix of roles and states, replies, contacts and feedback. Deterministic.
import { computeDue } from '../src/core/deadlines';
import type { AuditEvent, Contact, Feedback, Reply, Suggestion, Task, TaskDue, TaskState, Unit, UnitRole, User } from '../src/core/model';
import { SHANDONG_POLICY } from '../src/core/policy';

export interface YearData {
  suggestions: Suggestion[];
  tasks: Task[];
  replies: Reply[];
  feedbacks: Feedback[];
  contacts: Contact[];
  users: { id: string; name: string }[];
  unitIds: string[];
}

/** A small deterministic PRNG (mulberry32) so that every run measures the same data. */
function prng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STATES: TaskState[] = ['assigned', 'handling', 'inReview', 'awaitingSignature', 'replied', 'closed', 'closed', 'closed'];

export function generateYear(
  count: number,
  unitIds: readonly string[] = Array.from({ length: Math.max(10, Math.round(count / 40)) }, (_, i) => `u${i}`),
  seed = 1,
): YearData {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const users = Array.from({ length: Math.max(20, Math.round(count / 3)) }, (_, i) => ({ id: `d${i}`, name: `代表${i}` }));
  const data: YearData = { suggestions: [], tasks: [], replies: [], feedbacks: [], contacts: [], users, unitIds: [...unitIds] };
  for (let i = 0; i < count; i++) {
    const id = `s${i}`;
    const day = 1 + Math.floor(rnd() * 28);
    const assignedAt = `2026-0${1 + Math.floor(rnd() * 6)}-${String(day).padStart(2, '0')}T02:00:00.000Z`;
    data.suggestions.push({
      id,
      number: String(1001 + i),
      title: `关于第${i + 1}项工作的建议`,
      content: '……',
      leadDeputyId: pick(users).id,
      coSignerIds: [],
      delegation: '历下区代表团',
      session: '十八届三次',
      phase: rnd() < 0.96 ? 'session' : 'recess',
      tags: [],
      keySupervised: rnd() < 0.05,
      createdAt: assignedAt,
      assignedAt,
      version: 1,
    });
    const shape = rnd();
    const roles: UnitRole[] = shape < 0.3 ? ['sole'] : shape < 0.6 ? ['lead', 'co', 'co'] : ['split', 'split'];
    roles.forEach((role, k) => {
      const state = role === 'co' ? pick<TaskState>(['handling', 'opinionSent']) : pick(STATES);
      const taskId = `${id}-t${k}`;
      data.tasks.push({
        id: taskId,
        suggestionId: id,
        unitId: pick(unitIds),
        role,
        state,
        round: 1,
        assignedAt,
        due: computeDue(role, assignedAt, SHANDONG_POLICY),
        responsibleUserId: `h${k}`,
        updatedAt: assignedAt,
        version: 1,
        ...(state === 'replied' || state === 'closed' ? { repliedAt: assignedAt, firstRepliedAt: assignedAt } : {}),
        ...(state === 'closed' ? { closedAt: assignedAt } : {}),
      });
      if (state === 'replied' || state === 'closed') {
        const replyId = `${taskId}-r`;
        data.replies.push({
          id: replyId,
          taskId,
          suggestionId: id,
          round: 1,
          class: pick(['A', 'B', 'C', 'D'] as const),
          text: '答复正文',
          leaderContact: { name: '王主任', phone: '0531-00000000' },
          handlerContact: { name: '李科长', phone: '0531-00000001' },
          coOpinionIds: [],
          reviews: [],
          signerId: 'leader',
          signedAt: assignedAt,
          createdBy: 'h',
          createdAt: assignedAt,
          updatedAt: assignedAt,
          version: 1,
        });
        data.contacts.push({
          id: `${taskId}-c`,
          taskId,
          suggestionId: id,
          at: assignedAt,
          mode: 'meeting',
          people: '代表、承办人',
          notes: '当面沟通',
          faceToFace: true,
          createdBy: 'h',
          createdAt: assignedAt,
        });
        if (state === 'closed') {
          data.feedbacks.push({
            id: `${taskId}-f`,
            replyId,
            taskId,
            suggestionId: id,
            round: 1,
            deputyId: 'd0',
            attitude: pick(['satisfied', 'satisfied', 'basic'] as const),
            result: pick(['satisfied', 'basic'] as const),
            at: assignedAt,
          });
        }
      }
    });
  }
  return data;
}

/** The scales of the load benchmark: a city office, a province, the national congress. */
export const SCALES = {
  city: { suggestions: 500, units: 40, deputies: 300 },
  province: { suggestions: 1500, units: 80, deputies: 800 },
  national: { suggestions: 10_000, units: 200, deputies: 3000 },
} as const;
export type ScaleName = keyof typeof SCALES;

export interface OfficeData {
  units: Unit[];
  users: User[];
  suggestions: Suggestion[];
  tasks: Task[];
  replies: Reply[];
  feedbacks: Feedback[];
  contacts: Contact[];
  events: AuditEvent[];
  /** Logins the benchmark uses: the office, a handler, a deputy with suggestions. */
  logins: { coordinator: string; handler: string; deputy: string };
  /** A task the handler may log a contact on. */
  writableTaskId: string;
}

/**
 * A whole office at a scale: units with a handler, a reviewer and a leader each; deputies; a year of
 * suggestions with about three tasks each (主办 with 会办, 分办, 独办) in every state, their replies,
 * contacts, ratings and audit events (the full history the detail page shows). Deterministic.
 */
const dues = new Map<string, TaskDue>();
/** computeDue, remembered: a year has few distinct 交办 dates. */
function dueOf(role: UnitRole, assignedAt: string): TaskDue {
  const key = `${role}|${assignedAt}`;
  let due = dues.get(key);
  if (!due) dues.set(key, (due = computeDue(role, assignedAt, SHANDONG_POLICY)));
  return { ...due };
}

export function generateOffice(scale: ScaleName, seed = 3): OfficeData {
  const size = SCALES[scale];
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const at = '2026-01-01T00:00:00.000Z';
  const units: Unit[] = Array.from({ length: size.units }, (_, i) => ({ id: `u${i}`, name: `第${i + 1}承办单位`, departments: ['综合处'] }));
  const surnames = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'];
  const given = ['建华', '秀英', '立新', '静', '洋', '敏', '强', '丽', '国栋', '晓燕', '海燕', '志明'];
  const users: User[] = [{ id: 'c0', openid: 'bench-coordinator', name: '郑晓燕', roles: ['coordinator'], createdAt: at, version: 1 }];
  for (let i = 0; i < size.deputies; i++) {
    users.push({ id: `d${i}`, openid: `bench-deputy-${i}`, name: `${pick(surnames)}${pick(given)}${i}`, roles: ['deputy'], delegation: '代表团', createdAt: at, version: 1 });
  }
  for (const u of units) {
    for (const [role, prefix] of [['handler', 'h'], ['reviewer', 'r'], ['leader', 'l']] as const) {
      users.push({ id: `${prefix}-${u.id}`, openid: `bench-${prefix}-${u.id}`, name: `${pick(surnames)}${pick(given)}`, roles: [role], unitId: u.id, createdAt: at, version: 1 });
    }
  }
  const year = generateYear(size.suggestions, units.map((u) => u.id), seed);
  // About three tasks a suggestion: 主办 with two or three 会办, 分办 to three units, or 独办.
  const tasks: Task[] = [];
  const ownOf = new Map<string, Task[]>();
  for (const t of year.tasks) ownOf.set(t.suggestionId, [...(ownOf.get(t.suggestionId) ?? []), t]);
  for (const s of year.suggestions) {
    const own = ownOf.get(s.id)!;
    const shape = rnd();
    const roles: UnitRole[] = shape < 0.1 ? ['sole'] : shape < 0.6 ? ['lead', 'co', 'co'] : shape < 0.85 ? ['split', 'split', 'split'] : ['lead', 'co', 'co', 'co'];
    const chosen = new Set<string>();
    roles.forEach((role, k) => {
      let unitId = pick(units).id;
      while (chosen.has(unitId)) unitId = pick(units).id;
      chosen.add(unitId);
      const base = own[k % own.length]!;
      const state: TaskState = role === 'co' ? pick<TaskState>(['handling', 'opinionSent']) : base.role === 'co' ? pick(STATES) : base.state;
      const done = state === 'replied' || state === 'closed';
      tasks.push({
        ...base,
        id: `${s.id}-t${k}`,
        unitId,
        role,
        state,
        due: dueOf(role, s.assignedAt!),
        responsibleUserId: `h-${unitId}`,
        ...(done ? { repliedAt: s.assignedAt!, firstRepliedAt: s.assignedAt! } : { repliedAt: undefined, firstRepliedAt: undefined }),
        ...(state === 'closed' ? { closedAt: s.assignedAt! } : { closedAt: undefined }),
      } as Task);
    });
    s.leadDeputyId = `d${Math.floor(rnd() * size.deputies)}`;
    s.title = `关于${pick(['加快', '完善', '推进', '加强', '优化'])}${pick(['城市公交', '社区养老', '充电设施', '黄河滩区', '托育服务', '老旧小区', '乡村道路', '中小学校'])}建设的建议（第${s.number}号）`;
  }
  const clean = (t: Task): Task => JSON.parse(JSON.stringify(t)) as Task;
  const byId = new Map(tasks.map((t) => [t.id, clean(t)]));
  const replies: Reply[] = [];
  const contacts: Contact[] = [];
  const feedbacks: Feedback[] = [];
  const events: AuditEvent[] = [];
  const leadOf = new Map(year.suggestions.map((x) => [x.id, x.leadDeputyId]));
  for (const t of byId.values()) {
    const s = t.suggestionId;
    events.push({ id: `${t.id}-e1`, at: t.assignedAt, actorId: 'c0', action: 'suggestions.assign', entity: 'task', entityId: t.id, suggestionId: s, to: 'assigned' });
    if (t.state === 'assigned') continue;
    events.push({ id: `${t.id}-e2`, at: t.assignedAt, actorId: `h-${t.unitId}`, action: 'tasks.claim', entity: 'task', entityId: t.id, suggestionId: s, from: 'assigned', to: 'handling' });
    if (t.state === 'replied' || t.state === 'closed') {
      replies.push({
        id: `${t.id}-r`, taskId: t.id, suggestionId: s, round: 1, class: pick(['A', 'B', 'C', 'D'] as const), text: '答复正文',
        leaderContact: { name: '王主任', phone: '0531-00000000' }, handlerContact: { name: '李科长', phone: '0531-00000001' },
        coOpinionIds: [], reviews: [], signerId: `l-${t.unitId}`, signedAt: t.assignedAt, createdBy: `h-${t.unitId}`, createdAt: t.assignedAt, updatedAt: t.assignedAt, version: 1,
      });
      contacts.push({ id: `${t.id}-c`, taskId: t.id, suggestionId: s, at: t.assignedAt, mode: 'meeting', people: '代表、承办人', notes: '当面沟通', faceToFace: rnd() < 0.9, createdBy: `h-${t.unitId}`, createdAt: t.assignedAt });
      events.push({ id: `${t.id}-e3`, at: t.assignedAt, actorId: `l-${t.unitId}`, action: 'tasks.sign', entity: 'task', entityId: t.id, suggestionId: s, from: 'awaitingSignature', to: 'replied' });
      if (t.state === 'closed') {
        const leadDeputyId = leadOf.get(s) ?? 'd0';
        feedbacks.push({ id: `${t.id}-f`, replyId: `${t.id}-r`, taskId: t.id, suggestionId: s, round: 1, deputyId: leadDeputyId, attitude: pick(['satisfied', 'satisfied', 'basic'] as const), result: pick(['satisfied', 'basic', 'unsatisfied'] as const), at: t.assignedAt });
        events.push({ id: `${t.id}-e4`, at: t.assignedAt, actorId: leadDeputyId, action: 'feedback.submit', entity: 'task', entityId: t.id, suggestionId: s, from: 'replied', to: 'closed' });
      }
    }
  }
  const handler = 'bench-h-u0';
  const writable = [...byId.values()].find((t) => t.unitId === 'u0' && t.state === 'handling') ?? [...byId.values()].find((t) => t.unitId === 'u0')!;
  const deputyOf = year.suggestions[0]!.leadDeputyId;
  return {
    units,
    users,
    suggestions: year.suggestions,
    tasks: [...byId.values()],
    replies,
    feedbacks,
    contacts,
    events,
    logins: { coordinator: 'bench-coordinator', handler, deputy: `bench-deputy-${deputyOf.slice(1)}` },
    writableTaskId: writable.id,
  };
}
