import type { Clock } from '../ports';

/** The local clock: the system time, or a fixed instant from APP_NOW / POST /dev/clock that then runs on. */
export function createLocalClock(initial?: string): Clock & { set(now: string | null): void } {
  let offsetMs = 0;
  const set = (now: string | null) => {
    offsetMs = now === null ? 0 : Date.parse(now) - Date.now();
  };
  if (initial) {
    if (Number.isNaN(Date.parse(initial))) throw new Error(`APP_NOW is not a date: ${initial}`);
    set(initial);
  }
  return { now: () => new Date(Date.now() + offsetMs).toISOString(), set };
}
