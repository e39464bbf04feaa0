// tasks.mine: the caller's work list — a unit's tasks for its staff, the decisions waiting for the
// coordinator, the replies waiting for a deputy's rating.
import * as z from 'zod';
import type { MyTasksData, MyTasksResult, TaskListItem } from '../../contract';
import { shanghaiDate } from '../../core/calendar';
import type { Suggestion, Task } from '../../core/model';
import { isTerminal } from '../../core/workflow';
import { Directory } from '../directory';
import { isDeputy, isUnitStaff, may, taskActionsFor } from '../permissions';
import { loadTaskRecords, workflowContextFor, type TaskRecords } from '../task-context';
import { caller, defineUseCase } from '../use-case';
import { activeDeadlineLine, sideRecordsOf, taskBasics } from '../views';
import { numberOrder } from '../visible-suggestions';

const schema: z.ZodType<MyTasksData> = z.object({ scope: z.enum(['open', 'all']).optional() });

export const myTasks = defineUseCase({
  action: 'tasks.mine',
  access: 'user',
  schema,
  async run(data, ctx): Promise<MyTasksResult> {
    const user = caller(ctx);
    const store = ctx.deps.store;
    const found = new Map<string, Task>();
    if (isUnitStaff(user)) {
      for (const t of await store.find('tasks', { where: { unitId: user.unitId } })) found.set(t.id, t);
    }
    // The decisions waiting for whoever may take them: returns and extensions asked for.
    if (may(user, 'tasks.decideReturn') || may(user, 'tasks.decideExtension')) {
      const waiting = await store.find('tasks', { where: { state: 'returnRequested' } });
      const all = await store.find('tasks');
      for (const t of [...waiting, ...all.filter((x) => x.extensionRequest && !x.extensionRequest.decidedAt)]) found.set(t.id, t);
    }
    if (isDeputy(user)) {
      for (const s of await store.find('suggestions', { where: { leadDeputyId: user.id } })) {
        for (const t of await store.find('tasks', { where: { suggestionId: s.id, state: 'replied' } })) found.set(t.id, t);
      }
    }
    const tasks = [...found.values()].filter((t) => data.scope === 'all' || !isTerminal(t.state));
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
      const commitments = await store.find('commitments', { where: { taskId: task.id } });
      const wctx = { ...workflowContextFor(task, suggestion, records, user, ctx.now, ctx.deps.policy), ...sideRecordsOf(task, records.contacts, commitments) };
      const deadline = activeDeadlineLine(task, today, ctx.deps.policy);
      items.push({
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
        allowedActions: taskActionsFor(user, task, suggestion, wctx).allowed,
      });
    }
    items.sort((a, b) => a.replyDue.localeCompare(b.replyDue) || numberOrder.compare(a.number, b.number));
    return { items };
  },
});
