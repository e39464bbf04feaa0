// How the sweep finds the tasks that may have a reminder due: for each reminder kind, the task
// states in which the core schedules it and the index of the due date it counts down to. A lane is
// one (kind, state) pair, read by `state = s AND due < horizon`, page by page in id order; the horizon
// is the day after the farthest before-due threshold, so every due, due-today and overdue task is in.
// A test checks that every reminder the core can produce lies in some lane.
import { addDays } from '../../core/calendar';
import type { TaskState } from '../../core/model';
import type { DeadlinePolicy } from '../../core/policy';
import type { ReminderKind } from '../../core/reminders';
import type { IndexName, Query } from '../ports';

export interface Lane {
  kind: ReminderKind;
  state: TaskState;
  /** The due-date index counted down to; none for feedback (every replied task is read). */
  field?: IndexName<'tasks'>;
  /** The core reminds of this due date only until it has passed: earlier dates are not read. */
  notOverdue?: true;
}

const KINDS: { kind: ReminderKind; field?: IndexName<'tasks'>; notOverdue?: true; states: TaskState[] }[] = [
  { kind: 'returnWindow', field: 'dueReturnWindow', notOverdue: true, states: ['assigned', 'handling'] },
  { kind: 'coOpinion', field: 'dueCoOpinion', states: ['assigned', 'handling', 'returnRequested'] },
  { kind: 'reply', field: 'dueReply', states: ['assigned', 'handling', 'returnRequested', 'inReview', 'awaitingSignature'] },
  { kind: 'rehandling', field: 'dueRehandling', states: ['rehandling', 'inReview', 'awaitingSignature'] },
  { kind: 'feedback', states: ['replied'] },
];

export const LANES: readonly Lane[] = KINDS.flatMap(({ kind, field, notOverdue, states }) =>
  states.map((state): Lane => ({ kind, state, ...(field ? { field } : {}), ...(notOverdue ? { notOverdue } : {}) })),
);

/** The most documents one query may ask for. */
export const MAX_QUERY = 1000;

export const laneName = (lane: Lane | undefined) => (lane ? `${lane.kind}/${lane.state}` : 'done');

/** The first date NOT read: the day after the farthest before-due threshold. */
export function horizon(today: string, policy: DeadlinePolicy): string {
  return addDays(today, Math.max(0, ...policy.reminders.daysBefore) + 1);
}

export function laneQuery(lane: Lane, today: string, policy: DeadlinePolicy, afterId: string | undefined, limit: number): Query<'tasks'> {
  return {
    where: { state: lane.state },
    ...(lane.field ? { range: { field: lane.field, ...(lane.notOverdue ? { gte: today } : {}), lt: horizon(today, policy) } } : {}),
    ...(afterId !== undefined ? { afterId } : {}),
    limit: Math.min(limit, MAX_QUERY), // the cloud database returns at most 1000 documents a query
  };
}
