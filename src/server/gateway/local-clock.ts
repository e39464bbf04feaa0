import type { Clock } from '../ports';

/** The instants a demo clock may be set to: years ahead or back, not to 9999 (docs/security.md, Dev endpoints). */
export const CLOCK_RANGE = { from: '2000-01-01T00:00:00.000Z', to: '2099-12-31T23:59:59.999Z' } as const;

export function withinClockRange(now: string): boolean {
  const ms = Date.parse(now);
  return !Number.isNaN(ms) && ms >= Date.parse(CLOCK_RANGE.from) && ms <= Date.parse(CLOCK_RANGE.to);
}

/**
 * The local clock: the system time, or an instant from APP_NOW / POST /dev/clock. By default the
 * set time runs on from there; `frozen` keeps it still (repeatable tests and demos).
 */
export function createLocalClock(initial?: string, frozen = false): Clock & { set(now: string | null): void } {
  let offsetMs = 0;
  let fixed: string | null = null;
  const set = (now: string | null) => {
    if (now !== null && !withinClockRange(now)) throw new Error(`not a date between 2000 and 2099: ${now}`);
    fixed = frozen && now !== null ? new Date(now).toISOString() : null;
    offsetMs = now === null ? 0 : Date.parse(now) - Date.now();
  };
  if (initial) set(initial);
  return { now: () => fixed ?? new Date(Date.now() + offsetMs).toISOString(), set };
}
