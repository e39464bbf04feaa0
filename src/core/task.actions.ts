// What the workflow reads and answers (docs/architecture.md, Workflow table): the facts it judges a task
// by (WorkflowContext) and its verdict. The actions themselves are declared with their rows in task.table.ts.
import type { Task, TaskState } from './model';
import type { EffectRecipient } from './task.table';
import type { TaskFacts } from './task.facts';
import type { DeadlinePolicy } from './policy';

export type { EffectRecipient, RecordActionType, TaskAction, TaskActionType, WorkflowActionType } from './task.table';
export { RECORD_ACTION_TYPES, TASK_ACTION_TYPES } from './task.table';

/**
 * What the workflow needs to know beyond the task itself, every field required: the facts of its
 * records (taskFacts, src/core/task.facts.ts) and who acts when. The server builds it in one function
 * (src/server/tasks/task-context.ts, workflowContext).
 */
export interface WorkflowContext extends TaskFacts {
  now: string; // ISO instant of the action
  actorId: string;
  policy: DeadlinePolicy;
  /** The actor is the suggestion's lead deputy (who rates the reply); false → FORBIDDEN for feedback. */
  actorIsSuggestionDeputy: boolean;
}

export type WorkflowErrorCode = 'INVALID_TRANSITION' | 'DEADLINE' | 'FORBIDDEN' | 'VALIDATION' | 'CONFLICT';

export interface WorkflowEffect {
  type: 'notify';
  to: EffectRecipient;
  event: string; // e.g. 'returnRequested', 'replySigned'
}

export type WorkflowResult =
  | { ok: true; task: Task; from: TaskState; to: TaskState; effects: WorkflowEffect[] }
  | { ok: false; code: WorkflowErrorCode; message: string };
