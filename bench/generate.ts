// The data generator for benchmarks: a year of suggestions at a given scale, each assigned to one
// to three units with a mix of roles and states, replies, contacts and feedback. Deterministic.
import { computeDue } from '../src/core/deadlines';
import type { Contact, Feedback, Reply, Suggestion, Task, TaskState, UnitRole } from '../src/core/model';
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
