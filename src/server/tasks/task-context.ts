// The workflow's context for a task (docs/architecture.md, Workflow table), built in one function for
// every reader of the workflow: the writes (run-task-action.ts), the detail page (suggestions.get) and
// the work list (tasks.mine, from the facts its read model keeps on the task's row). The facts of the
// task's records come from the core (taskFacts), once.
import type { Suggestion, Task, User } from '../../core/model';
import type { DeadlinePolicy } from '../../core/policy';
import { taskFacts, type TaskFactRecords, type TaskFacts, type WorkflowContext } from '../../core/workflow';
import { isLeadDeputyOf } from '../access/permissions';

export { currentDraft } from '../../core/workflow';

/** The records of the task's suggestion the workflow judges it by. */
export type TaskRecords = TaskFactRecords;

/** Who acts when, with the facts of the task's records: every field the workflow reads. */
export function workflowContext(
  facts: TaskFacts,
  suggestion: Pick<Suggestion, 'leadDeputyId'>,
  actor: User,
  now: string,
  policy: DeadlinePolicy,
): WorkflowContext {
  return { ...facts, now, actorId: actor.id, policy, actorIsSuggestionDeputy: isLeadDeputyOf(actor, suggestion) };
}

/** The context from the suggestion's records. */
export function workflowContextFor(
  task: Task,
  suggestion: Pick<Suggestion, 'leadDeputyId'>,
  records: TaskRecords,
  actor: User,
  now: string,
  policy: DeadlinePolicy,
): WorkflowContext {
  return workflowContext(taskFacts(task, records), suggestion, actor, now, policy);
}
