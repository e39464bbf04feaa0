// China's official holidays and make-up workdays (调休), from chinese-days' prebuilt data file.
// The library's own lookup functions build their tables with a mix of UTC parsing and local-time
// formatting, so under a time zone west of UTC (e.g. America/New_York) they answer for the wrong
// day; its JSON data, keyed by "YYYY-MM-DD", is correct everywhere, so the core reads that instead.
import data from 'chinese-days/dist/chinese-days.json';

interface ChineseDaysData {
  holidays: Record<string, string>; // date → "English,中文,days"
  workdays: Record<string, string>; // make-up workdays on a weekend
}

const table = data as ChineseDaysData;

/** The official holiday name of a date (e.g. 春节), if it is a statutory holiday. */
export function officialHoliday(date: string): string | undefined {
  return table.holidays[date]?.split(',')[1];
}

/** The holiday a weekend make-up workday belongs to (e.g. 春节), if the date is one. */
export function officialMakeUpWorkday(date: string): string | undefined {
  return table.workdays[date]?.split(',')[1];
}

/** The years the holiday data covers (first and last). */
export function holidayDataYears(): { first: number; last: number } {
  const years = Object.keys(table.holidays).map((d) => Number(d.slice(0, 4)));
  return { first: Math.min(...years), last: Math.max(...years) };
}
