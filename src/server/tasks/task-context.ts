// Gathers what the core's workflow needs to judge a task (docs/architecture.md, Workflow table) from the store.
import { countsAsFaceToFace } from '../../core/contacts';
import type { Contact, Opinion, Reply, Suggestion, Task, User } from '../../core/model';
import type { DeadlinePolicy } from '../../core/policy';
import type { WorkflowContext } from '../../core/workflow';
import { isLeadDeputyOf } from '../access/permissions';

export interface TaskRecords {
  siblings: Task[]; // every task of the suggestion, this one included
  contacts: Contact[];
  replies: Reply[];
  opinions: Opinion[];
}

/** The reply being written for the task's current round (not yet signed), if any. */
export const currentDraft = (task: Task, replies: readonly Reply[]) =>
  replies.find((r) => r.taskId === task.id && r.round === task.round && !r.signedAt);

export function workflowContextFor(
  task: Task,
  suggestion: Suggestion,
  records: TaskRecords,
  actor: User,
  now: string,
  policy: DeadlinePolicy,
): WorkflowContext {
  const faceToFaceContacts = records.contacts.filter((c) => c.taskId === task.id && countsAsFaceToFace(c)).length;
  const hasDraft =
    task.role === 'co' ? records.opinions.some((o) => o.taskId === task.id) : currentDraft(task, records.replies) !== undefined;
  return {
    now,
    actorId: actor.id,
    policy,
    coTasks: records.siblings.filter((t) => t.role === 'co' && t.id !== task.id),
    faceToFaceContacts,
    hasDraft,
    actorIsSuggestionDeputy: isLeadDeputyOf(actor, suggestion),
  };
}
