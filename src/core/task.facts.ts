// The facts about a task's records that the workflow's guards read (docs/architecture.md, Workflow table),
// computed in one place from the suggestion's records: for a write, for the detail page, and
// for the work list's read model (which keeps them on the task's row). Whether there is one is all the
// guards ask, so each fact is a yes or no (and the co tasks a lead reply waits on).
import { countsAsFaceToFace } from './contacts';
import type { Commitment, Contact, Opinion, Reply, Task } from './model';

export interface TaskFacts {
  /** For a lead task: the co tasks of its suggestion (the lead reply waits for their opinions); else none. */
  coTasks: Task[];
  /** A face-to-face contact (面复) is recorded on the task. */
  faceToFace: boolean;
  /** A reply draft of the current round (for a co task: an opinion) is saved. */
  hasDraft: boolean;
  /** A face-to-face record of the task waits for the deputy's confirmation. */
  unconfirmedContact: boolean;
  /** A B or C promise of the task is not yet carried out. */
  openCommitment: boolean;
}

/** The records of one suggestion the facts come from (tasks: every task of it, this one included). */
export interface TaskFactRecords {
  tasks: readonly Task[];
  contacts: readonly Contact[];
  replies: readonly Reply[];
  opinions: readonly Opinion[];
  commitments: readonly Commitment[];
}

/** The reply being written for the task's current round (not yet signed), if any. */
export const currentDraft = (task: Task, replies: readonly Reply[]): Reply | undefined =>
  replies.find((r) => r.taskId === task.id && r.round === task.round && !r.signedAt);

export function taskFacts(task: Task, records: TaskFactRecords): TaskFacts {
  const faceToFace = records.contacts.filter((c) => c.taskId === task.id && countsAsFaceToFace(c));
  return {
    coTasks: task.role === 'lead' ? records.tasks.filter((t) => t.role === 'co' && t.id !== task.id) : [],
    faceToFace: faceToFace.length > 0,
    hasDraft: task.role === 'co' ? records.opinions.some((o) => o.taskId === task.id) : currentDraft(task, records.replies) !== undefined,
    unconfirmedContact: faceToFace.some((c) => !c.deputyConfirmedAt),
    openCommitment: records.commitments.some((c) => c.taskId === task.id && !c.doneAt),
  };
}
