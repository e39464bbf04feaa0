// The pages' one Beijing-time formatter: instants from the server are shown in Beijing time (UTC+8,
// no daylight saving) whatever the phone's time zone, without Intl time-zone data, which older
// WeChat clients lack. Pages read no clock: "today" and "now" come from the server (me.clock).
const BEIJING_OFFSET_MS = 8 * 3600 * 1000;

/** An ISO instant as 'YYYY-MM-DD HH:mm' in Beijing time. */
export function formatTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const local = new Date(ms + BEIJING_OFFSET_MS).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 16)}`;
}

/** The Beijing (Asia/Shanghai) calendar year of an instant, by arithmetic: WeChat on Android has no Intl. */
export function beijingYear(now: Date): number {
  return new Date(now.getTime() + BEIJING_OFFSET_MS).getUTCFullYear();
}

/** An ISO instant as its Beijing date, 'YYYY-MM-DD'. */
export function formatDate(iso: string): string {
  return formatTime(iso).slice(0, 10);
}

/** 'YYYY-MM-DD' + 'HH:mm' typed in Beijing time → ISO instant, or null when either is malformed. */
export function beijingToIso(date: string, time: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return null;
  const ms = Date.parse(`${date}T${time}:00+08:00`);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}
