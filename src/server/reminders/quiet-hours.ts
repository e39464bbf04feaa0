// Quiet hours (免打扰时段) on the Asia/Shanghai wall clock: no sends between start and end; what is
// held goes out with the first run after the window ends. Shanghai has no daylight saving: UTC+8.
import type { QuietHours } from './config';

const SHANGHAI_OFFSET_MINUTES = 8 * 60;
const DAY = 24 * 60;

/** Minutes after Shanghai midnight for an instant. */
export function shanghaiMinuteOfDay(instant: string): number {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) throw new RangeError(`无效的时间：${instant}`);
  const utcMinutes = Math.floor(ms / 60_000);
  return (((utcMinutes + SHANGHAI_OFFSET_MINUTES) % DAY) + DAY) % DAY;
}

export function isQuiet(instant: string, quiet: QuietHours | undefined): boolean {
  if (!quiet) return false;
  const m = shanghaiMinuteOfDay(instant);
  const { startMinute: start, endMinute: end } = quiet;
  return start < end ? m >= start && m < end : m >= start || m < end;
}

/** The instant the current quiet window ends (the instant itself when not quiet). */
export function quietUntil(instant: string, quiet: QuietHours | undefined): string {
  if (!quiet || !isQuiet(instant, quiet)) return instant;
  const m = shanghaiMinuteOfDay(instant);
  const wait = (quiet.endMinute - m + DAY) % DAY;
  const ms = Date.parse(instant);
  const startOfMinute = ms - (ms % 60_000);
  return new Date(startOfMinute + wait * 60_000).toISOString();
}
