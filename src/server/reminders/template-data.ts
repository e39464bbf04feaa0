// Subscribe-message data within WeChat's rules for each field type (the type is the key's prefix:
// thing1 → thing). A value that breaks a rule makes WeChat refuse the whole message (47003), so every
// value is cut or reshaped here and none is ever empty.
import type { Notification } from '../../core/model';
import type { TemplateConfig } from './config';

export type TemplateData = Record<string, { value: string }>;

const HAN = /\p{Script=Han}/u;
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/** The field type of a template key: thing1 → thing, character_string2 → character_string. */
export function fieldType(key: string): string {
  return key.replace(/\d+$/, '');
}

/** Code points, so that a cut never splits a character made of two UTF-16 units. */
const chars = (s: string) => Array.from(s);

function clean(value: string): string {
  return value.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
}

function cut(value: string, max: number): string {
  const list = chars(value);
  return list.length <= max ? value : `${list.slice(0, max - 1).join('')}…`;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** "2023年10月1日 15:01" on the Shanghai clock, from an instant or a date (a date reads as its last minute). */
export function wechatTime(value: string): string | undefined {
  const date = DATE.exec(value);
  if (date) return `${Number(date[1])}年${Number(date[2])}月${Number(date[3])}日 23:59`;
  // Only an ISO-8601 instant: Date.parse also reads "100" as the year 100, which WeChat refuses.
  const ms = INSTANT.test(value) ? Date.parse(value) : NaN;
  if (Number.isNaN(ms)) return undefined;
  const local = new Date(ms + 8 * 3_600_000);
  const hh = String(local.getUTCHours()).padStart(2, '0');
  const mm = String(local.getUTCMinutes()).padStart(2, '0');
  return `${local.getUTCFullYear()}年${local.getUTCMonth() + 1}月${local.getUTCDate()}日 ${hh}:${mm}`;
}

/** "2023年10月1日", from a date or an instant (its Shanghai date). */
export function wechatDate(value: string): string | undefined {
  const date = DATE.exec(value);
  if (date) return `${Number(date[1])}年${Number(date[2])}月${Number(date[3])}日`;
  return wechatTime(value)?.split(' ')[0];
}

/**
 * One field's value made valid for its type. `fallbackTime` fills a time/date field whose source is
 * missing or unreadable (the notification's creation instant).
 */
export function fitValue(type: string, raw: string | undefined, fallbackTime: string): string {
  const value = clean(raw ?? '');
  switch (type) {
    case 'time':
      return wechatTime(value) ?? wechatTime(fallbackTime) ?? '2000年1月1日 00:00';
    case 'date':
      return wechatDate(value) ?? wechatDate(fallbackTime) ?? '2000年1月1日';
    case 'phrase': {
      // At most 5 characters, Chinese only.
      const han = chars(value).filter((c) => HAN.test(c)).slice(0, 5).join('');
      return han || '提醒';
    }
    case 'number': {
      const digits = value.replace(/\D/g, '').slice(0, 32);
      return digits || '0';
    }
    case 'letter': {
      const letters = value.replace(/[^A-Za-z]/g, '').slice(0, 32);
      return letters || 'A';
    }
    case 'character_string': {
      const printable = value.replace(/[^\x21-\x7e]/g, '').slice(0, 32);
      return printable || '-';
    }
    case 'symbol': {
      const symbols = value.replace(/[\p{L}\p{N}\s]/gu, '').slice(0, 5);
      return symbols || '-';
    }
    case 'name': {
      const han = chars(value).filter((c) => HAN.test(c));
      if (han.length > 0) return han.slice(0, 10).join('');
      return value.replace(/[^A-Za-z .·-]/g, '').trim().slice(0, 20) || '用户';
    }
    default:
      // thing and any other text type: at most 20 characters, cut with "…".
      return cut(value, 20) || '—';
  }
}

/** The `data` of subscribeMessage.send for a notification under its template's field mapping. */
export function templateData(notification: Notification, template: TemplateConfig): TemplateData {
  const params: Record<string, string | undefined> = {
    title: notification.title,
    body: notification.body,
    note: notification.body,
    stage: '提醒',
    time: notification.createdAt,
    ...notification.params,
  };
  const data: TemplateData = {};
  for (const [key, source] of Object.entries(template.fields)) {
    data[key] = { value: fitValue(fieldType(key), params[source], notification.createdAt) };
  }
  return data;
}
