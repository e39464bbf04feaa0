// tasks.mine: the caller's work list — a unit's tasks for its staff, the decisions waiting for the
// coordinator, the replies waiting for a deputy's rating.
import * as z from 'zod';
import type { MyTasksData, MyTasksResult, TaskListItem } from '../../contract';
import { shanghaiDate } from '../../core/calendar';
import type { Task } from '../../core/model';
import { isTerminal, TASK_STATES } from '../../core/workflow';
import { Directory } from '../directory';
import { isDeputy, isUnitStaff, may, taskActionsFor } from '../permissions';
import { workflowContextFor, type TaskRecords } from '../task-context';
import { caller, defineUseCase } from '../use-case';
import { activeDeadlineLine, waitingFor, sideRecordsOf, taskBasics } from '../views';
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
    // Each source is one indexed query; nothing scans every task.
    const open = TASK_STATES.filter((state) => !isTerminal(state));
    const stateFilter = data.scope === 'all' ? {} : { state: open };
    const waitingIds: string[] = [];
    const [unitTasks] = await Promise.all([
      isUnitStaff(user) ? store.find('tasks', { where: { unitId: user.unitId, ...stateFilter } }) : Promise.resolve([]),
      // The decisions waiting for whoever may take them: returns and extensions asked for.
      (async () => {
        if (!may(user, 'tasks.decideReturn') && !may(user, 'tasks.decideExtension')) return;
        for (const r of await store.find('ledgerRows', { where: { waiting: ['return', 'extension'] } })) waitingIds.push(r.id);
      })(),
      (async () => {
        if (!isDeputy(user)) return;
        for (const r of await store.find('ledgerRows', { where: { leadDeputyId: user.id, state: 'replied' } })) waitingIds.push(r.id);
      })(),
    ]);
    for (const t of unitTasks) found.set(t.id, t);
    for (const t of await store.getMany('tasks', waitingIds.filter((id) => !found.has(id)))) found.set(t.id, t);
    const tasks = [...found.values()].filter((t) => data.scope === 'all' || !isTerminal(t.state)).sort((a, b) => (a.id < b.id ? -1 : 1));
    const today = shanghaiDate(ctx.now);
    const directory = new Directory(store);
    // The suggestions and their records for every task at once: one query each, whatever the count.
    const suggestionIds = [...new Set(tasks.map((t) => t.suggestionId))];
    const bySuggestion = { where: { suggestionId: suggestionIds } };
    const [suggestionList, siblings, contacts, replies, opinions, commitments] = await Promise.all([
      store.getMany('suggestions', suggestionIds),
      store.find('tasks', bySuggestion),
      store.find('contacts', bySuggestion),
      store.find('replies', bySuggestion),
      store.find('opinions', bySuggestion),
      store.find('commitments', bySuggestion),
      directory.preload([], tasks.map((t) => t.unitId)),
    ]);
    const suggestions = new Map(suggestionList.map((s) => [s.id, s]));
    const recordsOf = new Map<string, TaskRecords>();
    const recordsFor = (suggestionId: string): TaskRecords => {
      let records = recordsOf.get(suggestionId);
      if (!records) {
        const mine = <T extends { suggestionId: string }>(rows: T[]) => rows.filter((r) => r.suggestionId === suggestionId);
        records = { siblings: mine(siblings), contacts: mine(contacts), replies: mine(replies), opinions: mine(opinions) };
        recordsOf.set(suggestionId, records);
      }
      return records;
    };
    const items: TaskListItem[] = [];
    for (const task of tasks) {
      const suggestion = suggestions.get(task.suggestionId);
      if (!suggestion || (suggestion.archivedAt && data.scope !== 'all')) continue;
      const records = recordsFor(suggestion.id);
      const wctx = { ...workflowContextFor(task, suggestion, records, user, ctx.now, ctx.deps.policy), ...sideRecordsOf(task, records.contacts, commitments) };
      const deadline = activeDeadlineLine(task, today, ctx.deps.policy);
      const actions = taskActionsFor(user, task, suggestion, wctx);
      const waiting = waitingFor(task, wctx);
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
        allowedActions: actions.allowed,
        blockedActions: actions.blocked,
        ...(waiting ? { waitingFor: waiting } : {}),
      });
    }
    items.sort((a, b) => a.replyDue.localeCompare(b.replyDue) || numberOrder.compare(a.number, b.number));
    return { items };
  },
});
