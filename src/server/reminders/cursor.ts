// The sweep's stored cursor: which lane and which task id the day's scan has reached. It lives in the
// store so that a run cut short (the function's timeout, a crash) is resumed by the next run; a new
// Shanghai day starts a new scan.
import { AppError } from '../../core/errors';
import type { SweepState, Store } from '../ports';

export const CURSOR_ID = 'reminders';

export function freshCursor(day: string, now: string): SweepState {
  return { id: CURSOR_ID, day, lane: 0, scanned: 0, startedAt: now, updatedAt: now };
}

export async function loadCursor(store: Store, day: string, now: string): Promise<SweepState> {
  const stored = await store.get('sweeps', CURSOR_ID);
  return stored && stored.day === day ? stored : freshCursor(day, now);
}

/** True when a is further along the same day's scan than b. */
export function ahead(a: SweepState, b: SweepState): boolean {
  if (a.day !== b.day) return false;
  if (a.finishedAt || b.finishedAt) return !!a.finishedAt && !b.finishedAt;
  if (a.lane !== b.lane) return a.lane > b.lane;
  return (a.afterId ?? '') > (b.afterId ?? '');
}

/**
 * Stores the cursor. When an overlapping run has already stored a cursor further along, that one is
 * kept and returned, so overlapping runs never move the scan backwards.
 */
export async function saveCursor(store: Store, next: SweepState, attemptsLeft = 3): Promise<SweepState> {
  try {
    return await store.transaction(async (tx) => {
      const stored = await tx.get('sweeps', CURSOR_ID);
      if (stored && ahead(stored, next)) return stored;
      if (stored) tx.update('sweeps', next);
      else tx.insert('sweeps', next);
      return next;
    });
  } catch (error) {
    if (error instanceof AppError && error.code === 'CONFLICT' && attemptsLeft > 0) {
      const stored = await store.get('sweeps', CURSOR_ID);
      return stored && ahead(stored, next) ? stored : saveCursor(store, next, attemptsLeft - 1);
    }
    throw error;
  }
}
