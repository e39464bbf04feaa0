// The common path of every tasks.* write: load the task and its suggestion, authorize, check the
// version the caller saw, let the core decide, then write the task, the records and one audit event.
import type { TaskResult } from '../../contract';
import { shanghaiDate } from '../../core/calendar';
import { AppError } from '../../core/errors';
import type { Attachment, AuditEvent, Suggestion, Task, User } from '../../core/model';
import { applyTaskAction, type TaskAction, type WorkflowContext } from '../../core/workflow';
import { Directory } from '../directory';
import { authorize, type UserPermission } from '../access/permissions';
import type { Tx } from '../ports';
import { queueWorkflowNotices } from '../reminders/outbox';
import { detailsFromCollections } from '../read-models/details';
import { detailRecords } from '../read-models/project';
import { currentDraft, workflowContextFor, type TaskRecords } from './task-context';
import { caller, event, type UseCaseContext } from '../use-case';
import { taskView } from '../views';

export interface Loaded {
  tx: Tx;
  user: User;
  task: Task;
  suggestion: Suggestion;
  records: TaskRecords;
  wctx: WorkflowContext;
  /**
   * The step's one lookup cache: it knows the suggestion and its tasks, and expects the suggestion's
   * people and units (read together when the notices, the view or a letter first ask for one).
   */
  directory: Directory;
  /** The files of the suggestion and its records, as its detail document holds them. */
  attachments: Attachment[];
}

/**
 * The task, read through the transaction (its revision is checked at the commit), and its suggestion
 * with the records the workflow judges it by, from the suggestion's detail document (one request; its
 * collections before the rebuild). The reply being drafted, which the action may change, is read
 * through the transaction as well.
 */
export async function loadTask(tx: Tx, ctx: UseCaseContext, taskId: string): Promise<Loaded> {
  const user = caller(ctx);
  const task = await tx.get('tasks', taskId);
  if (!task) throw new AppError('NOT_FOUND', '没有找到该办理任务');
  const stored = await tx.get('suggestionDetails', task.suggestionId);
  const detail = stored?.suggestion ? stored : (await detailsFromCollections(tx, [task.suggestionId]))[0];
  const suggestion = detail?.suggestion;
  if (!detail || !suggestion) throw new AppError('NOT_FOUND', '没有找到该建议');
  const r = detailRecords(detail);
  const siblings = r.tasks.some((t) => t.id === task.id) ? r.tasks.map((t) => (t.id === task.id ? task : t)) : [...r.tasks, task];
  const records = { tasks: siblings, contacts: r.contacts, replies: r.replies, opinions: r.opinions, commitments: r.commitments };
  const draft = currentDraft(task, records.replies);
  if (draft) {
    const current = await tx.get('replies', draft.id);
    if (!current || current.version !== draft.version) throw new AppError('CONFLICT');
    records.replies = records.replies.map((x) => (x.id === current.id ? current : x));
  }
  const wctx = workflowContextFor(task, suggestion, records, user, ctx.now, ctx.deps.policy);
  const directory = new Directory(tx);
  directory.know(suggestion, siblings, [user]);
  directory.expect(
    [suggestion.leadDeputyId, ...suggestion.coSignerIds, ...siblings.map((t) => t.responsibleUserId)],
    siblings.map((t) => t.unitId),
  );
  return { tx, user, task, suggestion, records, wctx, directory, attachments: r.attachments };
}

export function assertVersion(task: { version: number }, version: number | undefined): void {
  if (version !== undefined && version !== task.version) throw new AppError('CONFLICT');
}

export function assertNotArchived(suggestion: Suggestion): void {
  if (suggestion.archivedAt) throw new AppError('INVALID_TRANSITION', '该建议已归档，不能再修改');
}

export interface TaskActionSpec {
  action: Exclude<UserPermission, 'tasks.overrideCoOpinions'>;
  taskId: string;
  version?: number;
  /** Checks after authorization and before the core (e.g. a named person must belong to the unit). */
  check?(loaded: Loaded): Promise<void> | void;
  toCore(loaded: Loaded): TaskAction;
  /** Further records this action writes with the task (a reply signed, an opinion, a feedback …). */
  alsoWrite?(loaded: Loaded, next: Task): Promise<Partial<AuditEvent['detail']> | void> | Partial<AuditEvent['detail']> | void;
  /** Written after the action's own event, in the same commit (a paper the action makes, with its event). */
  thenWrite?(loaded: Loaded, next: Task): Promise<void> | void;
}

export async function runTaskAction(ctx: UseCaseContext, spec: TaskActionSpec): Promise<TaskResult> {
  return ctx.write(async (tx) => {
    const loaded = await loadTask(tx, ctx, spec.taskId);
    authorize(loaded.user, spec.action, loaded);
    assertNotArchived(loaded.suggestion);
    assertVersion(loaded.task, spec.version);
    await spec.check?.(loaded);
    const outcome = applyTaskAction(loaded.task, spec.toCore(loaded), loaded.wctx);
    if (!outcome.ok) throw new AppError(outcome.code, outcome.message);
    const next = outcome.task;
    tx.update('tasks', next);
    const detail = (await spec.alsoWrite?.(loaded, next)) ?? undefined;
    tx.appendEvent(
      event(ctx, {
        action: spec.action,
        entity: 'task',
        entityId: next.id,
        suggestionId: next.suggestionId,
        from: outcome.from,
        to: outcome.to,
        ...(detail ? { detail } : {}),
      }),
    );
    await spec.thenWrite?.(loaded, next);
    const directory = loaded.directory;
    await queueWorkflowNotices(tx, directory, { effects: outcome.effects, task: next, suggestion: loaded.suggestion }, ctx.deps.reminderConfig, ctx.now, {
      actorId: loaded.user.id,
      action: spec.action,
    });
    const records = { ...loaded.records, tasks: loaded.records.tasks.map((t) => (t.id === next.id ? next : t)) };
    const wctx = workflowContextFor(next, loaded.suggestion, records, loaded.user, ctx.now, ctx.deps.policy);
    return { task: await taskView(next, loaded.suggestion, loaded.user, wctx, directory, shanghaiDate(ctx.now)) };
  });
}
