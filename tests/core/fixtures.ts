// Small builders of model objects for the core tests.
import { computeDue } from '../../src/core/deadlines';
import type { Contact, Feedback, Reply, Suggestion, Task, UnitRole } from '../../src/core/model';
import { SHANDONG_POLICY } from '../../src/core/policy';
import type { WorkflowContext } from '../../src/core/workflow';

export const ASSIGNED_AT = '2026-03-02T02:00:00Z'; // 2026-03-02 10:00 in Shanghai

export function makeTask(over: Partial<Task> = {}): Task {
  const role: UnitRole = over.role ?? 'sole';
  const assignedAt = over.assignedAt ?? ASSIGNED_AT;
  return {
    id: 't1',
    suggestionId: 's1',
    unitId: 'u1',
    role,
    state: 'assigned',
    round: 1,
    assignedAt,
    due: computeDue(role, assignedAt, SHANDONG_POLICY),
    updatedAt: assignedAt,
    version: 1,
    ...over,
  };
}

export function makeSuggestion(over: Partial<Suggestion> = {}): Suggestion {
  return {
    id: 's1',
    number: '1001',
    title: '关于加快新能源汽车推广普及的建议',
    content: '……',
    leadDeputyId: 'd1',
    coSignerIds: [],
    delegation: '历下区代表团',
    session: '十八届一次',
    phase: 'session',
    tags: [],
    keySupervised: false,
    createdAt: '2026-01-10T02:00:00Z',
    assignedAt: ASSIGNED_AT,
    version: 1,
    ...over,
  };
}

export function makeReply(over: Partial<Reply> = {}): Reply {
  return {
    id: 'r1',
    taskId: 't1',
    suggestionId: 's1',
    round: 1,
    class: 'A',
    text: '答复正文',
    leaderContact: { name: '王主任', phone: '0531-1' },
    handlerContact: { name: '李科长', phone: '0531-2' },
    coOpinionIds: [],
    reviews: [],
    signerId: 'leader1',
    signedAt: '2026-04-01T02:00:00Z',
    createdBy: 'h1',
    createdAt: '2026-03-20T02:00:00Z',
    updatedAt: '2026-04-01T02:00:00Z',
    version: 1,
    ...over,
  };
}

export function makeFeedback(over: Partial<Feedback> = {}): Feedback {
  return {
    id: 'f1',
    replyId: 'r1',
    taskId: 't1',
    suggestionId: 's1',
    round: 1,
    deputyId: 'd1',
    attitude: 'satisfied',
    result: 'satisfied',
    at: '2026-04-10T02:00:00Z',
    ...over,
  };
}

export function makeContact(over: Partial<Contact> = {}): Contact {
  return {
    id: 'c1',
    taskId: 't1',
    suggestionId: 's1',
    at: '2026-03-25T02:00:00Z',
    mode: 'meeting',
    people: '代表、承办人',
    notes: '当面沟通答复意见',
    faceToFace: true,
    createdBy: 'h1',
    createdAt: '2026-03-25T02:00:00Z',
    ...over,
  };
}

export function ctx(over: Partial<WorkflowContext> = {}): WorkflowContext {
  return {
    now: '2026-03-03T02:00:00Z',
    actorId: 'actor',
    policy: SHANDONG_POLICY,
    coTasks: [],
    faceToFace: true,
    hasDraft: true,
    unconfirmedContact: false,
    openCommitment: false,
    actorIsSuggestionDeputy: true,
    ...over,
  };
}
