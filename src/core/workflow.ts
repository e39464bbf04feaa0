// Applies an action to a task by the transition table: the one place that decides whether a task
// may move and what it becomes. Pure: the time is ctx.now, the result is a new task (version + 1).
import { rehandlingDue } from './deadlines';
import type { Task } from './model';
import { GUARDS, PAYLOAD_GUARDS, type GuardFailure } from './task.guards';
export type { GuardFailure } from './task.guards';
import { recordRowsFor, rowsFor, type Branch, type GuardName, type TransitionRow } from './task.table';
import {
  RECORD_ACTION_TYPES,
  TASK_ACTION_TYPES,
  type RecordActionType,
  type WorkflowActionType,
  type TaskAction,
  type TaskActionType,
  type WorkflowContext,
  type WorkflowResult,
} from './task.actions';

export * from './task.actions';
export { taskFacts, currentDraft, type TaskFacts, type TaskFactRecords } from './task.facts';
export { TRANSITIONS, RECORD_ROWS, TASK_STATES, UNIT_ROLES, REPLYING_ROLES, TERMINAL_STATES, isTerminal, rowsFor, recordRowsFor } from './task.table';
export type { Branch, GuardName, RecordRow, TransitionRow } from './task.table';

const ROLE_MESSAGES: Partial<Record<WorkflowActionType, string>> = {
  saveDraft: '会办单位不直接答复代表，请向主办单位送会办意见',
  submitDraft: '会办单位不直接答复代表，请向主办单位送会办意见',
  sign: '会办单位不直接答复代表，请向主办单位送会办意见',
  submitOpinion: '只有会办单位需要送会办意见',
  overrideCoOpinions: '只有主办任务可以免除会办意见',
};

/** Why a record action does not fit the task's state, in the words of that action. */
const RECORD_STATE_MESSAGES: Partial<Record<RecordActionType, string>> = {
  saveDraft: '当前状态下不能修改答复稿',
  logContact: '请先认领任务，再登记沟通记录',
  urge: '该任务已办结，无需催办',
};

/** Which row of an action applies to this task: decided by the payload, the claim and the round. */
export function branchOf(task: Task, action: TaskAction, ctx: WorkflowContext): Branch {
  switch (action.type) {
    case 'decideReturn':
      if (action.approve) return 'approve';
      return task.claimedAt ? 'reject' : 'rejectUnclaimed';
    case 'decideExtension':
      return action.approve ? 'approve' : 'reject';
    case 'review':
      if (action.approve) return 'approve';
      return task.round > 1 ? 'rejectRehandling' : 'reject';
    case 'feedback': {
      const unsatisfied = action.attitude === 'unsatisfied' || action.result === 'unsatisfied';
      if (!unsatisfied) return 'satisfied';
      return task.round >= ctx.policy.maxRounds ? 'unsatisfiedLastRound' : 'unsatisfied';
    }
    default:
      return 'default';
  }
}

/** Finds the row, or the reason there is none (wrong state → INVALID_TRANSITION, wrong role → FORBIDDEN). */
function findRow(task: Task, action: TaskAction, ctx: WorkflowContext): TransitionRow | GuardFailure {
  const rows = rowsFor(task.state, action.type, task.round);
  if (rows.length === 0) return { code: 'INVALID_TRANSITION', message: '当前状态下不能进行此操作' };
  if (!rows.some((r) => r.roles.includes(task.role))) {
    return { code: 'FORBIDDEN', message: ROLE_MESSAGES[action.type] ?? '本单位在此建议中的承办类别不能进行此操作' };
  }
  const branch = branchOf(task, action, ctx);
  const row = rows.find((r) => r.branch === branch && r.roles.includes(task.role));
  return row ?? { code: 'INVALID_TRANSITION', message: '当前状态下不能进行此操作' };
}

const isFailure = (x: TransitionRow | GuardFailure): x is GuardFailure => 'code' in x;

/** The task after the action: lifecycle facts as timestamps, the requests recorded on the task. */
function applyChanges(task: Task, action: TaskAction, row: TransitionRow, ctx: WorkflowContext): Task {
  const { now, actorId } = ctx;
  const next: Task = { ...task, due: { ...task.due }, state: row.to, updatedAt: now, version: task.version + 1 };
  switch (action.type) {
    case 'claim':
      next.responsibleUserId = action.userId;
      next.claimedAt = now;
      break;
    case 'requestReturn':
      next.returnRequest = { reason: action.reason, requestedAt: now, requestedBy: actorId };
      break;
    case 'decideReturn':
      next.returnRequest = { ...task.returnRequest!, decidedAt: now, decidedBy: actorId, approved: action.approve, comment: action.comment };
      if (action.approve) next.returnedAt = now;
      break;
    case 'requestExtension':
      next.extensionRequest = { reason: action.reason, requestedDue: action.requestedDue, requestedAt: now, requestedBy: actorId };
      break;
    case 'decideExtension':
      next.extensionRequest = { ...task.extensionRequest!, decidedAt: now, decidedBy: actorId, approved: action.approve, comment: action.comment };
      if (action.approve) next.due.reply = task.extensionRequest!.requestedDue;
      break;
    case 'submitDraft':
      next.submittedAt = now;
      break;
    case 'review':
      if (action.approve) next.approvedAt = now;
      break;
    case 'sign':
      next.repliedAt = now;
      next.firstRepliedAt = task.firstRepliedAt ?? now;
      break;
    case 'submitOpinion':
      next.opinionSentAt = now;
      break;
    case 'feedback':
      if (row.to === 'closed') next.closedAt = now;
      else {
        next.round = task.round + 1;
        next.due.rehandling = rehandlingDue(now, ctx.policy);
      }
      break;
    case 'overrideCoOpinions':
      next.coOpinionOverride = { by: actorId, at: now, reason: action.reason };
      break;
  }
  return next;
}

export function applyTaskAction(task: Task, action: TaskAction, ctx: WorkflowContext): WorkflowResult {
  const row = findRow(task, action, ctx);
  if (isFailure(row)) return { ok: false, ...row };
  for (const name of row.guards) {
    const failure = GUARDS[name](task, action, ctx);
    if (failure) return { ok: false, ...failure };
  }
  const next = applyChanges(task, action, row, ctx);
  const effects = row.notify.map((to) => ({ type: 'notify' as const, to, event: row.event }));
  return { ok: true, task: next, from: task.state, to: row.to, effects };
}

export interface ActionAvailability<A extends WorkflowActionType = TaskActionType> {
  action: A;
  allowed: boolean;
  /** Why not, when not allowed. */
  code?: GuardFailure['code'];
  message?: string;
  /** The guard that holds the action up, when the state and the unit role would allow it. */
  guard?: GuardName;
}

/**
 * Guards whose failure a page should explain beside the action it holds up (the action is the
 * caller's next step and something else must happen first). The others simply mean there is
 * nothing to do (no pending request, no record to confirm, the window has closed).
 */
export const EXPLAINED_GUARDS: ReadonlySet<GuardName> = new Set<GuardName>([
  'draftSaved',
  'coOpinionsIn',
  'faceToFaceContact',
  'notUrgedToday',
  'noPendingExtension',
]);

function firstGuardFailure(
  guards: readonly GuardName[],
  task: Task,
  action: TaskAction,
  ctx: WorkflowContext,
): (GuardFailure & { guard: GuardName }) | undefined {
  for (const guard of guards) {
    const failure = GUARDS[guard](task, action, ctx);
    if (failure) return { ...failure, guard };
  }
  return undefined;
}

/**
 * For every action, whether this task could take it now, judged by state, role and the guards
 * that do not depend on the action's payload (a reason, a date, ratings are checked on apply).
 */
export function actionAvailability(task: Task, ctx: WorkflowContext): ActionAvailability[] {
  return TASK_ACTION_TYPES.map((action) => {
    const rows = rowsFor(task.state, action, task.round).filter((r) => r.roles.includes(task.role));
    if (rows.length === 0) {
      const anyRole = rowsFor(task.state, action, task.round).length > 0;
      return anyRole
        ? { action, allowed: false, code: 'FORBIDDEN' as const, message: ROLE_MESSAGES[action] ?? '本单位的承办类别不能进行此操作' }
        : { action, allowed: false, code: 'INVALID_TRANSITION' as const, message: '当前状态下不能进行此操作' };
    }
    // An action is available when at least one of its branches passes its payload-free guards.
    let firstFailure: (GuardFailure & { guard: GuardName }) | undefined;
    for (const row of rows) {
      const failure = firstGuardFailure(
        row.guards.filter((g) => !PAYLOAD_GUARDS.has(g)),
        task,
        { type: action } as TaskAction,
        ctx,
      );
      if (!failure) return { action, allowed: true };
      firstFailure ??= failure;
    }
    return { action, allowed: false, ...firstFailure };
  });
}

/**
 * For every record action (rows without a target state), whether this task's state and unit role
 * allow it now and its guards pass; otherwise why not, in words.
 */
export function recordAvailability(task: Task, ctx: WorkflowContext): ActionAvailability<RecordActionType>[] {
  return RECORD_ACTION_TYPES.map((action) => {
    const rows = recordRowsFor(task.state, action);
    if (rows.length === 0) {
      return { action, allowed: false, code: 'INVALID_TRANSITION' as const, message: RECORD_STATE_MESSAGES[action] ?? '当前状态下不能进行此操作' };
    }
    const row = rows.find((r) => r.roles.includes(task.role));
    if (!row) return { action, allowed: false, code: 'FORBIDDEN' as const, message: ROLE_MESSAGES[action] ?? '本单位的承办类别不能进行此操作' };
    const failure = firstGuardFailure(row.guards, task, { type: action } as unknown as TaskAction, ctx);
    return failure ? { action, allowed: false, ...failure } : { action, allowed: true };
  });
}

/** The record action's verdict for this task now: undefined when allowed, else the failure. */
export function checkRecordAction(task: Task, action: RecordActionType, ctx: WorkflowContext): GuardFailure | undefined {
  const verdict = recordAvailability(task, ctx).find((a) => a.action === action)!;
  return verdict.allowed ? undefined : { code: verdict.code!, message: verdict.message! };
}

/** The actions the UI may offer for this task now. */
export function allowedActions(task: Task, ctx: WorkflowContext): TaskActionType[] {
  return actionAvailability(task, ctx)
    .filter((a) => a.allowed)
    .map((a) => a.action);
}
