// The guards named in task.table.ts. Each returns undefined when the action may proceed, or the
// failure (code + Chinese message) that explains why not.
import { shanghaiDate } from './calendar';
import { extensionAllowed } from './deadlines';
import type { Rating, Task } from './model';
import type { TaskAction, WorkflowContext, WorkflowErrorCode } from './task.actions';
import { TERMINAL_STATES, type GuardName } from './task.table';

export interface GuardFailure {
  code: WorkflowErrorCode;
  message: string;
}

type Guard = (task: Task, action: TaskAction, ctx: WorkflowContext) => GuardFailure | undefined;

/** Said to the leader at 待签发 when no 面复 is recorded yet. */
/** Submitting before any draft is saved: the draft page, whose button saves first, does not repeat it. */
export const DRAFT_NOT_SAVED = '请先保存答复稿';
export const FACE_TO_FACE_MISSING = '需先登记面复记录（与代表见面、座谈或走访），才能签发答复';

const fail = (code: WorkflowErrorCode, message: string): GuardFailure => ({ code, message });
const RATINGS: readonly Rating[] = ['satisfied', 'basic', 'unsatisfied'];
/** Co tasks that no longer hold up the lead reply: those whose work is over. */
const CO_DONE = new Set<Task['state']>(TERMINAL_STATES);

const pendingExtension = (task: Task) => task.extensionRequest !== undefined && task.extensionRequest.decidedAt === undefined;

export const GUARDS: Record<GuardName, Guard> = {
  claimantGiven: (_task, action) =>
    action.type === 'claim' && action.userId.trim() === '' ? fail('VALIDATION', '请指定办理责任人') : undefined,

  reasonGiven: (_task, action) =>
    'reason' in action && action.reason.trim() === '' ? fail('VALIDATION', '请填写理由') : undefined,

  withinReturnWindow: (task, _action, ctx) =>
    shanghaiDate(ctx.now) > task.due.returnWindow
      ? fail('DEADLINE', `已超过申请退回期限（${task.due.returnWindow}），请与联络员沟通`)
      : undefined,

  noDraftYet: (task, _action, ctx) =>
    task.submittedAt !== undefined || ctx.hasDraft ? fail('INVALID_TRANSITION', '已起草答复，不能再申请退回') : undefined,

  noRejectedReturn: (task) =>
    task.returnRequest?.approved === false ? fail('INVALID_TRANSITION', '退回申请已被驳回，不能重复申请') : undefined,

  noPendingExtension: (task) =>
    pendingExtension(task) ? fail('INVALID_TRANSITION', '已有待审批的延期申请') : undefined,

  pendingExtension: (task) => (pendingExtension(task) ? undefined : fail('INVALID_TRANSITION', '没有待审批的延期申请')),

  extensionWithinCap: (task, action, ctx) => {
    const requestedDue = action.type === 'requestExtension' ? action.requestedDue : task.extensionRequest?.requestedDue;
    if (requestedDue === undefined) return fail('INVALID_TRANSITION', '没有待审批的延期申请');
    const check = extensionAllowed(task, requestedDue, ctx.policy);
    return check.ok ? undefined : fail(check.code, check.message);
  },

  draftSaved: (_task, _action, ctx) => (ctx.hasDraft ? undefined : fail('VALIDATION', DRAFT_NOT_SAVED)),

  coOpinionsIn: (task, _action, ctx) => {
    if (task.role !== 'lead' || task.coOpinionOverride) return undefined;
    const waiting = ctx.coTasks.filter((co) => co.id !== task.id && !CO_DONE.has(co.state));
    return waiting.length > 0
      ? fail('INVALID_TRANSITION', `尚有${waiting.length}家会办单位未送会办意见，主办单位需汇总会办意见后再答复`)
      : undefined;
  },

  faceToFaceContact: (_task, _action, ctx) =>
    ctx.policy.faceToFaceRequired && !ctx.faceToFace
      ? fail('VALIDATION', FACE_TO_FACE_MISSING)
      : undefined,

  deputyActor: (_task, _action, ctx) =>
    !ctx.actorIsSuggestionDeputy ? fail('FORBIDDEN', '只有提出建议的代表可以评价办理情况') : undefined,

  validRatings: (_task, action) =>
    action.type === 'feedback' && !(RATINGS.includes(action.attitude) && RATINGS.includes(action.result))
      ? fail('VALIDATION', '请对办理态度和办理结果分别评价')
      : undefined,

  notUrgedToday: (task, _action, ctx) =>
    task.lastUrgedAt !== undefined && shanghaiDate(task.lastUrgedAt) === shanghaiDate(ctx.now)
      ? fail('CONFLICT', '今天已催办过该任务，请明天再催办')
      : undefined,

  unconfirmedContact: (_task, _action, ctx) =>
    ctx.unconfirmedContact ? undefined : fail('INVALID_TRANSITION', '没有待确认的面复记录'),

  openCommitment: (_task, _action, ctx) =>
    ctx.openCommitment ? undefined : fail('INVALID_TRANSITION', '没有待落实的承诺事项'),
};

/** Guards that read the action's payload; allowedActions cannot judge them in advance. */
export const PAYLOAD_GUARDS: ReadonlySet<GuardName> = new Set<GuardName>([
  'claimantGiven',
  'reasonGiven',
  'extensionWithinCap',
  'validRatings',
]);
