// Calendar arithmetic on Asia/Shanghai dates ("YYYY-MM-DD"). A date is a plain day label: all date
// arithmetic runs in UTC on that label, so the answers never depend on the machine's time zone.
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import { officialHoliday, officialMakeUpWorkday } from './holiday-data';

/**
 * A correction to the built-in holiday data, e.g. from a new year's 国务院办公厅放假通知 published
 * after the holiday library: `working: false` makes a day a holiday, `working: true` a make-up workday (调休上班).
 */
export interface HolidayOverride {
  date: string; // YYYY-MM-DD
  working: boolean;
  name?: string;
}

dayjs.extend(utc);

const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

const day = (date: string) => {
  if (!isValidDate(date)) throw new RangeError(`无效的日期：${date}`);
  return dayjs.utc(date);
};
const fmt = (d: dayjs.Dayjs) => d.format('YYYY-MM-DD');
/** Midnight UTC of a date label: day arithmetic on labels, whatever the machine's time zone. */
const utcMs = (date: string): number => {
  if (!isValidDate(date)) throw new RangeError(`无效的日期：${date}`);
  return Date.parse(`${date}T00:00:00Z`);
};

/** True for a real calendar date written "YYYY-MM-DD" (rejects 2025-02-29, 2026-13-01 …). */
export function isValidDate(date: string): boolean {
  const m = DATE_RE.exec(date);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d;
}

/**
 * The Shanghai calendar date of an instant (ISO string), e.g. 2026-01-31T16:30:00Z → 2026-02-01.
 * China has kept UTC+8 without daylight saving since 1991, so a fixed offset is exact for every
 * date this product handles, and it is many times faster than a time-zone database lookup.
 */
export function shanghaiDate(instant: string): string {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) throw new RangeError(`无效的时间：${instant}`);
  return new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The Shanghai wall-clock time of an instant, "HH:mm". */
export function shanghaiTime(instant: string): string {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) throw new RangeError(`无效的时间：${instant}`);
  return new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(11, 16);
}

/** The instant at which a Shanghai date begins (00:00 UTC+8), as an ISO string. */
export function shanghaiStartOfDay(date: string): string {
  return day(date).subtract(8, 'hour').toISOString();
}

/**
 * Calendar months: the same day of the month n months later; when that month is shorter the
 * deadline is its last day (Jan 31 + 1 month = Feb 28, or Feb 29 in a leap year).
 */
export function addMonths(date: string, n: number): string {
  return fmt(day(date).add(n, 'month'));
}

export function addDays(date: string, n: number): string {
  return new Date(utcMs(date) + n * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from a to b (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return Math.round((utcMs(b) - utcMs(a)) / DAY_MS);
}

/** Day of week, 0 = Sunday … 6 = Saturday. */
export function weekday(date: string): number {
  return new Date(utcMs(date)).getUTCDay();
}

/**
 * Official working day: an override wins; else a make-up workday (调休上班) works, a statutory
 * holiday rests, and otherwise Monday–Friday work.
 */
export function isWorkingDay(date: string, overrides: readonly HolidayOverride[] = []): boolean {
  const override = overrides.find((o) => o.date === date);
  if (override) return override.working;
  if (officialMakeUpWorkday(date)) return true;
  if (officialHoliday(date)) return false;
  const wd = weekday(date);
  return wd >= 1 && wd <= 5;
}

/**
 * The n-th working day after date (the start day itself is not counted; n = 0 gives the first
 * working day on or after date). Negative n counts backwards.
 */
export function addWorkingDays(date: string, n: number, overrides: readonly HolidayOverride[] = []): string {
  let current = day(date);
  if (n === 0) {
    while (!isWorkingDay(fmt(current), overrides)) current = current.add(1, 'day');
    return fmt(current);
  }
  const step = n > 0 ? 1 : -1;
  let left = Math.abs(n);
  while (left > 0) {
    current = current.add(step, 'day');
    if (isWorkingDay(fmt(current), overrides)) left -= 1;
  }
  return fmt(current);
}

/** The later of two dates. */
export function maxDate(a: string, b: string): string {
  return a >= b ? a : b;
}

/** The earlier of two dates. */
export function minDate(a: string, b: string): string {
  return a <= b ? a : b;
}
