import type { Clock } from '../ports';

/**
 * The local clock: the system time, or an instant from APP_NOW / POST /dev/clock. By default the
 * set time runs on from there; `frozen` keeps it still (repeatable tests and demos).
 */
export function createLocalClock(initial?: string, frozen = false): Clock & { set(now: string | null): void } {
  let offsetMs = 0;
  let fixed: string | null = null;
  const set = (now: string | null) => {
    if (now !== null && Number.isNaN(Date.parse(now))) throw new Error(`not a date: ${now}`);
    fixed = frozen && now !== null ? new Date(now).toISOString() : null;
    offsetMs = now === null ? 0 : Date.parse(now) - Date.now();
  };
  if (initial) set(initial);
  return { now: () => fixed ?? new Date(Date.now() + offsetMs).toISOString(), set };
}
