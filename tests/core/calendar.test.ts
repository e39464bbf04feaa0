import {
  addDays,
  addMonths,
  addWorkingDays,
  daysBetween,
  isValidDate,
  isWorkingDay,
  maxDate,
  minDate,
  shanghaiDate,
  shanghaiStartOfDay,
  weekday,
} from '../../src/core/calendar';
import { holidayDataYears, officialHoliday, officialMakeUpWorkday } from '../../src/core/holiday-data';

// These tests run under whatever TZ the process has; the package's test runs repeat them under
// TZ=UTC, TZ=America/New_York and TZ=Asia/Shanghai.
describe('Shanghai dates of instants', () => {
  it('an instant late in the UTC evening is already the next day in Shanghai', () => {
    expect(shanghaiDate('2026-01-31T16:30:00Z')).toBe('2026-02-01');
    expect(shanghaiDate('2026-01-31T15:59:59Z')).toBe('2026-01-31');
  });
  it('midnight in Shanghai is 16:00 UTC of the day before', () => {
    expect(shanghaiStartOfDay('2026-02-01')).toBe('2026-01-31T16:00:00.000Z');
  });
  it('rejects an instant that is not one', () => {
    expect(() => shanghaiDate('not a time')).toThrow(RangeError);
  });
});

describe('calendar months from the assignment date', () => {
  it('keeps the day of the month', () => {
    expect(addMonths('2026-03-02', 3)).toBe('2026-06-02');
  });
  it('ends on the last day of a shorter month (Jan 31 + 1 month)', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2025-08-31', 6)).toBe('2026-02-28');
    expect(addMonths('2026-03-31', 3)).toBe('2026-06-30');
  });
  it('gives Feb 29 in a leap year', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2028-01-30', 1)).toBe('2028-02-29');
  });
  it('crosses the year end', () => {
    expect(addMonths('2025-11-30', 3)).toBe('2026-02-28');
  });
});

describe('days and validity', () => {
  it('adds calendar days across February of a leap year', () => {
    expect(addDays('2024-02-27', 3)).toBe('2024-03-01');
    expect(addDays('2026-02-27', 3)).toBe('2026-03-02');
  });
  it('counts whole days between two dates', () => {
    expect(daysBetween('2026-01-01', '2026-12-31')).toBe(364);
    expect(daysBetween('2024-01-01', '2024-12-31')).toBe(365);
    expect(daysBetween('2026-03-10', '2026-03-07')).toBe(-3);
  });
  it('knows a real date from an impossible one', () => {
    expect(isValidDate('2024-02-29')).toBe(true);
    expect(isValidDate('2025-02-29')).toBe(false);
    expect(isValidDate('2026-13-01')).toBe(false);
    expect(isValidDate('2026-1-1')).toBe(false);
    expect(() => addDays('2025-02-29', 1)).toThrow(RangeError);
  });
  it('names the weekday of a date whatever the machine zone', () => {
    expect(weekday('2026-02-14')).toBe(6); // Saturday
    expect(weekday('2026-02-16')).toBe(1); // Monday
  });
  it('picks the earlier and the later date', () => {
    expect(minDate('2026-01-02', '2026-01-01')).toBe('2026-01-01');
    expect(maxDate('2026-01-02', '2026-01-01')).toBe('2026-01-02');
  });
});

describe('official working days (holidays and 调休)', () => {
  it('the 2026 Spring Festival holiday runs from Feb 15 to Feb 23', () => {
    for (let d = 15; d <= 23; d += 1) expect(isWorkingDay(`2026-02-${d}`)).toBe(false);
    expect(officialHoliday('2026-02-17')).toBe('春节');
  });
  it('Saturdays Feb 14 and Feb 28, 2026 are make-up workdays', () => {
    expect(isWorkingDay('2026-02-14')).toBe(true);
    expect(isWorkingDay('2026-02-28')).toBe(true);
    expect(officialMakeUpWorkday('2026-02-28')).toBe('春节');
  });
  it('the 2025 Spring Festival: Jan 28 to Feb 4 off, Sunday Jan 26 and Saturday Feb 8 worked', () => {
    expect(isWorkingDay('2025-01-28')).toBe(false);
    expect(isWorkingDay('2025-02-04')).toBe(false);
    expect(isWorkingDay('2025-01-26')).toBe(true);
    expect(isWorkingDay('2025-02-08')).toBe(true);
    expect(isWorkingDay('2025-02-05')).toBe(true);
  });
  it('National Day 2025 (Oct 1–8) with make-up Saturday Oct 11', () => {
    expect(isWorkingDay('2025-10-08')).toBe(false);
    expect(isWorkingDay('2025-10-11')).toBe(true);
  });
  it('ordinary weekends rest and weekdays work', () => {
    expect(isWorkingDay('2026-03-07')).toBe(false);
    expect(isWorkingDay('2026-03-09')).toBe(true);
  });
  it('an override for a new notice wins over the built-in data', () => {
    const overrides = [
      { date: '2026-03-09', working: false, name: '临时调整' },
      { date: '2026-02-16', working: true },
    ];
    expect(isWorkingDay('2026-03-09', overrides)).toBe(false);
    expect(isWorkingDay('2026-02-16', overrides)).toBe(true);
  });
  it('the data covers 2025 and 2026', () => {
    const { first, last } = holidayDataYears();
    expect(first).toBeLessThanOrEqual(2025);
    expect(last).toBeGreaterThanOrEqual(2026);
  });
});

describe('adding working days', () => {
  it('skips the whole Spring Festival: 5 working days from Fri Feb 13, 2026 end on Fri Feb 27', () => {
    // Feb 14 (make-up Saturday) is day 1, Feb 15–23 rest, Feb 24 day 2, … Feb 27 day 5.
    expect(addWorkingDays('2026-02-13', 1)).toBe('2026-02-14');
    expect(addWorkingDays('2026-02-13', 5)).toBe('2026-02-27');
    expect(addWorkingDays('2026-02-13', 6)).toBe('2026-02-28');
  });
  it('skips a plain weekend', () => {
    expect(addWorkingDays('2026-03-06', 1)).toBe('2026-03-09');
  });
  it('zero days gives the first working day on or after the date', () => {
    expect(addWorkingDays('2026-03-09', 0)).toBe('2026-03-09');
    expect(addWorkingDays('2026-02-15', 0)).toBe('2026-02-24');
  });
  it('counts backwards with a negative number', () => {
    expect(addWorkingDays('2026-02-24', -1)).toBe('2026-02-14');
  });
  it('honours overrides', () => {
    expect(addWorkingDays('2026-03-06', 1, [{ date: '2026-03-09', working: false }])).toBe('2026-03-10');
  });
});
