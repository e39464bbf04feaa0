// tasks.mine: the caller's work list, a page at a time — a unit's tasks for its staff, the decisions
// waiting for the coordinator, the replies waiting for a deputy's rating. One indexed page of the task
// read model (ledgerRows: each row holds its task, what its suggestion's records say of its next steps,
// and whose work list holds it), one count and the units' names, whatever the number of tasks.
import * as z from 'zod';
import type { MyTasksData, MyTasksResult, TaskListItem } from '../../contract';
import { shanghaiDate } from '../../core/calendar';
import type { TaskState, User } from '../../core/model';
import type { DeadlinePolicy } from '../../core/policy';
import { pagingOf } from '../queries/case-queries';
import { Directory } from '../directory';
import { isDeputy, isUnitStaff, may, taskActionsFor } from '../access/permissions';
import { workflowContext } from '../tasks/task-context';
import type { Query } from '../ports';
import type { LedgerRowDoc } from '../ports/read-model-docs';
import { caller, defineUseCase } from '../use-case';
import { pageFields } from '../validation';
import { activeDeadlineLine, taskBasics, waitingFor } from '../views';

const schema: z.ZodType<MyTasksData> = z.object({
  scope: z.enum(['open', 'all']).optional(),
  queue: z.enum(['all', 'review', 'sign']).optional(),
  ...pageFields,
});

/** The state a queue of the home page holds: 待我审核 the drafts in review, 待我签发 the replies to sign. */
export const QUEUE_STATES: Record<'review' | 'sign', TaskState> = { review: 'inReview', sign: 'awaitingSignature' };

/** The work lists (LedgerRowDoc.inbox) a caller reads. */
export function inboxesOf(user: User): string[] {
  const out: string[] = [];
  if (isUnitStaff(user) && user.unitId) out.push(`unit:${user.unitId}`);
  if (may(user, 'tasks.decideReturn') || may(user, 'tasks.decideExtension')) out.push('decide');
  if (isDeputy(user)) out.push(`rate:${user.id}`);
  return out;
}

/** The store query of a caller's work list: nearest date first, then 届次 and 建议号. */
export function myTasksQuery(user: User, data: MyTasksData): Query<'ledgerRows'> | undefined {
  const inboxes = inboxesOf(user);
  if (inboxes.length === 0) return undefined;
  const queue = data.queue && data.queue !== 'all' ? QUEUE_STATES[data.queue] : undefined;
  return {
    where: { inbox: inboxes, ...(data.scope === 'all' ? {} : { open: true }), ...(queue ? { state: queue } : {}) },
    orderBy: [{ field: 'mineDue' }, { field: 'sortKey' }],
  };
}

export const myTasks = defineUseCase({
  action: 'tasks.mine',
  access: 'user',
  schema,
  async run(data, ctx): Promise<MyTasksResult> {
    const user = caller(ctx);
    const store = ctx.deps.store;
    const { page, pageSize, offset } = pagingOf(data);
    const query = myTasksQuery(user, data);
    if (!query) return { items: [], total: 0, page, pageSize };
    const [rows, total] = await Promise.all([store.find('ledgerRows', { ...query, offset, limit: pageSize }), store.count('ledgerRows', query)]);
    const directory = new Directory(store);
    await directory.preload([], rows.map((r) => r.unitId));
    const today = shanghaiDate(ctx.now);
    const items = await Promise.all(rows.map((row) => taskListItem(row, user, ctx.now, today, ctx.deps.policy, directory)));
    return { items, total, page, pageSize };
  },
});

/** One task of the list, judged from its row exactly as from the records (task-context.ts, views.ts). */
async function taskListItem(row: LedgerRowDoc, user: User, now: string, today: string, policy: DeadlinePolicy, directory: Directory): Promise<TaskListItem> {
  const { task, suggestion, guards } = row;
  const wctx = workflowContext(guards, suggestion, user, now, policy);
  const deadline = activeDeadlineLine(task, today, policy);
  const actions = taskActionsFor(user, task, suggestion, wctx);
  const waiting = waitingFor(task, wctx);
  return {
    id: task.id,
    suggestionId: suggestion.id,
    number: suggestion.number,
    title: suggestion.title,
    ...(await taskBasics(task, directory)),
    replyDue: deadline?.date ?? task.due.reply,
    ...(deadline ? { daysLeftText: deadline.daysLeftText, deadline } : {}),
    overdue: deadline?.overdue ?? false,
    atRisk: deadline?.atRisk ?? false,
    keySupervised: suggestion.keySupervised,
    version: task.version,
    allowedActions: actions.allowed,
    blockedActions: actions.blocked,
    ...(waiting ? { waitingFor: waiting } : {}),
  };
}
