// Times for people: instants are shown in Beijing time (UTC+8, no daylight saving), without
// relying on Intl time-zone data, which older WeChat clients lack.
const BEIJING_OFFSET_MS = 8 * 3600 * 1000;

export function formatTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const local = new Date(ms + BEIJING_OFFSET_MS).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 16)}`;
}

export function formatDate(iso: string): string {
  return formatTime(iso).slice(0, 10);
}

/** Today's date and the current time in Beijing, as form defaults: ['YYYY-MM-DD', 'HH:mm']. */
export function beijingNow(now: Date = new Date()): [string, string] {
  const local = new Date(now.getTime() + BEIJING_OFFSET_MS).toISOString();
  return [local.slice(0, 10), local.slice(11, 16)];
}

/** 'YYYY-MM-DD' + 'HH:mm' in Beijing time → ISO instant, or null when either is malformed. */
export function beijingToIso(date: string, time: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return null;
  const ms = Date.parse(`${date}T${time}:00+08:00`);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

export function isDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`));
}

export function isOverdueText(daysLeftText?: string): boolean {
  return daysLeftText !== undefined && daysLeftText.startsWith('已超期');
}
