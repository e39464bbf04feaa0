// The suggestion's status, derived from its tasks (never stored twice; docs/architecture.md, Model).
import type { Suggestion, SuggestionStatus, Task } from './model';
import { REPLYING_ROLES } from './task.table';

const REPLYING = new Set<Task['role']>(REPLYING_ROLES);

/**
 * 已归档 when archivedAt is set; 已公开 when closed and the disclosure decision publishes it
 * (full text or summary); 已办结 when every lead/split/sole task is closed; 已答复 when every one has
 * a signed reply (replied or closed); 办理中 while any is open; 待交办 while no task is live.
 * Returned tasks (退回) do not count: the coordinator reassigns. A suggestion whose only live tasks
 * in this deployment are co tasks (a single-unit deployment that is 会办) is done when they have sent
 * their opinions.
 */
export function suggestionStatus(suggestion: Suggestion, tasks: readonly Task[]): SuggestionStatus {
  if (suggestion.archivedAt) return 'archived';
  const live = tasks.filter((t) => t.suggestionId === suggestion.id && t.state !== 'returned');
  if (live.length === 0) return 'pending';
  const replying = live.filter((t) => REPLYING.has(t.role));
  const closed = replying.length > 0 ? replying.every((t) => t.state === 'closed') : live.every((t) => t.state === 'opinionSent' || t.state === 'closed');
  if (closed) {
    const published = suggestion.disclosure !== undefined && suggestion.disclosure.mode !== 'none';
    return published ? 'disclosed' : 'closed';
  }
  if (replying.length > 0 && replying.every((t) => t.state === 'replied' || t.state === 'closed')) return 'replied';
  return 'handling';
}

/** Whether a suggestion's handling is finished (已办结 or later). */
export function isSuggestionDone(status: SuggestionStatus): boolean {
  return status === 'closed' || status === 'disclosed' || status === 'archived';
}

/** The deputy-facing steps 交办 → 办理 → 答复 → 评价, and the index of the current one. */
export const DEPUTY_STEPS = ['交办', '办理', '答复', '评价'] as const;

/**
 * How many of the deputy's four steps are complete: none while waiting to be assigned; 交办 once
 * handling; 交办, 办理 and 答复 once the reply has come (评价 is then the deputy's to do); all four once
 * the handling is finished. The step after the complete ones is the one in progress.
 */
export function deputyStepsDone(status: SuggestionStatus): 0 | 1 | 3 | 4 {
  switch (status) {
    case 'pending':
      return 0;
    case 'handling':
      return 1;
    case 'replied':
      return 3;
    default:
      return 4;
  }
}

/** The step in progress (or the last one, once all are complete), as an index into DEPUTY_STEPS. */
export function deputyStep(status: SuggestionStatus): 0 | 1 | 2 | 3 {
  return Math.min(deputyStepsDone(status), 3) as 0 | 1 | 2 | 3;
}
