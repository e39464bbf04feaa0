// tasks.mine: the caller's work list — a unit's tasks for its staff, the decisions waiting for the
// coordinator, the replies waiting for a deputy's rating.
import { z } from 'zod';
import type { MyTasksData, MyTasksResult, TaskListItem } from '../../contract';
import { shanghaiDate } from '../../core/calendar';
import { activeDeadline } from '../../core/deadlines';
import type { Suggestion, Task } from '../../core/model';
import { remainingDaysText } from '../../core/reminders';
import { hasRole, UNIT_STAFF_ROLES } from '../access';
import { Directory } from '../directory';
import { loadTaskRecords, workflowContextFor, type TaskRecords } from '../task-context';
import { isOfficeActor, sideRecordsOf, taskActionsFor } from '../task-permissions';
import { caller, defineUseCase } from '../use-case';
import { taskBasics } from '../views';
import { numberOrder } from '../visible-suggestions';

const schema: z.ZodType<MyTasksData> = z.object({ scope: z.enum(['open', 'all']).optional() });
const DONE: readonly Task['state'][] = ['returned', 'closed', 'opinionSent'];

export const myTasks = defineUseCase({
  action: 'tasks.mine',
  access: 'user',
  schema,
  async run(data, ctx): Promise<MyTasksResult> {
    const user = caller(ctx);
    const store = ctx.deps.store;
    const found = new Map<string, Task>();
    if (user.unitId && hasRole(user, ...UNIT_STAFF_ROLES)) {
      for (const t of await store.find('tasks', { where: { unitId: user.unitId } })) found.set(t.id, t);
    }
    if (isOfficeActor(user)) {
      const waiting = await store.find('tasks', { where: { state: 'returnRequested' } });
      const all = await store.find('tasks');
      for (const t of [...waiting, ...all.filter((x) => x.extensionRequest && !x.extensionRequest.decidedAt)]) found.set(t.id, t);
    }
    if (hasRole(user, 'deputy')) {
      for (const s of await store.find('suggestions', { where: { leadDeputyId: user.id } })) {
        for (const t of await store.find('tasks', { where: { suggestionId: s.id, state: 'replied' } })) found.set(t.id, t);
      }
    }
    const tasks = [...found.values()].filter((t) => data.scope === 'all' || !DONE.includes(t.state));
    const today = shanghaiDate(ctx.now);
    const directory = new Directory(store);
    const suggestions = new Map<string, Suggestion | undefined>();
    // Several tasks of one suggestion (a lead and its co-handlers) share its records: load them once.
    const recordsOf = new Map<string, Promise<TaskRecords>>();
    const items: TaskListItem[] = [];
    for (const task of tasks) {
      if (!suggestions.has(task.suggestionId)) suggestions.set(task.suggestionId, await store.get('suggestions', task.suggestionId));
      const suggestion = suggestions.get(task.suggestionId);
      if (!suggestion || (suggestion.archivedAt && data.scope !== 'all')) continue;
      if (!recordsOf.has(suggestion.id)) recordsOf.set(suggestion.id, loadTaskRecords(store, suggestion.id));
      const records = await recordsOf.get(suggestion.id)!;
      const wctx = workflowContextFor(task, suggestion, records, user, ctx.now, ctx.deps.policy);
      const deadline = activeDeadline(task);
      items.push({
        id: task.id,
        suggestionId: suggestion.id,
        number: suggestion.number,
        title: suggestion.title,
        ...(await taskBasics(task, directory)),
        replyDue: deadline?.date ?? task.due.reply,
        ...(deadline ? { daysLeftText: remainingDaysText(deadline.date, today) } : {}),
        keySupervised: suggestion.keySupervised,
        version: task.version,
        allowedActions: taskActionsFor(user, task, suggestion, wctx, sideRecordsOf(task, records.contacts, await store.find('commitments', { where: { taskId: task.id } }))),
      });
    }
    items.sort((a, b) => a.replyDue.localeCompare(b.replyDue) || numberOrder.compare(a.number, b.number));
    return { items };
  },
});
