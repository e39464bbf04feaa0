// Subscribe-message data never breaks WeChat's rules (47003), whatever the titles and texts hold.
import fc from 'fast-check';
import type { Notification } from '../../../src/core/model';
import { DEFAULT_FIELDS } from '../../../src/server/reminders/config';
import { fitValue, templateData, wechatDate, wechatTime } from '../../../src/server/reminders/template-data';

const RULES: Record<string, (value: string) => boolean> = {
  thing: (v) => Array.from(v).length >= 1 && Array.from(v).length <= 20 && !/[\u0000-\u001f\u007f]/.test(v) && v.trim() === v,
  phrase: (v) => /^\p{Script=Han}{1,5}$/u.test(v),
  time: (v) => /^\d{4}年([1-9]|1[0-2])月([1-9]|[12]\d|3[01])日 ([01]\d|2[0-3]):[0-5]\d$/.test(v),
  date: (v) => /^\d{4}年([1-9]|1[0-2])月([1-9]|[12]\d|3[01])日$/.test(v),
  number: (v) => /^\d{1,32}$/.test(v),
  character_string: (v) => /^[\x21-\x7e]{1,32}$/.test(v),
  letter: (v) => /^[A-Za-z]{1,32}$/.test(v),
  name: (v) => /^\p{Script=Han}{1,10}$/u.test(v) || /^[A-Za-z .·-]{1,20}$/.test(v),
};

const han = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCodePoint(c));
const awkward = fc.constantFrom('…', '“', '”', '（', '）', '\n', '\t', ' ', '😀', '𠀀', 'A', '7', '-', '《', '》', '\u0000', '\u2028');
const chineseText = fc.array(fc.oneof({ weight: 5, arbitrary: han }, { weight: 1, arbitrary: awkward }), { maxLength: 80 }).map((a) => a.join(''));
const anyText = fc.oneof(chineseText, fc.string({ maxLength: 60 }), fc.constant(''));
const instant = fc
  .integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 11, 31) })
  .map((ms) => new Date(ms).toISOString());

describe('template data', () => {
  it('fits any value, Chinese or not, to the rule of every field type', () => {
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(RULES)), anyText, instant, (type, value, fallback) => {
        const fitted = fitValue(type, value, fallback);
        expect(RULES[type]!(fitted)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('never breaks a rule for reminders about random Chinese titles under the recommended templates', () => {
    fc.assert(
      fc.property(chineseText, chineseText, fc.option(instant.map((i) => i.slice(0, 10))), instant, (title, note, dueDate, createdAt) => {
        const n: Notification = {
          id: 'n',
          key: 'k',
          userId: 'u',
          kind: 'reply',
          title,
          body: note,
          status: 'pending',
          attempts: 0,
          createdAt,
          params: { title, note, stage: note, ...(dueDate ? { dueDate } : {}), unit: title },
        };
        for (const fields of Object.values(DEFAULT_FIELDS)) {
          const data = templateData(n, { id: 'T', fields, longTerm: false });
          for (const [key, { value }] of Object.entries(data)) {
            expect(RULES[key.replace(/\d+$/, '')]!(value)).toBe(true);
          }
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps a 20-character thing whole and cuts a longer one to 19 characters and "…"', () => {
    const twenty = '关于加快推进城市老旧小区改造和加装电梯工';
    expect(fitValue('thing', twenty, '2026-01-01T00:00:00Z')).toBe(twenty);
    expect(fitValue('thing', `${twenty}作`, '2026-01-01T00:00:00Z')).toBe('关于加快推进城市老旧小区改造和加装电梯…');
  });

  it('never splits a character made of two UTF-16 units when cutting', () => {
    const text = '𠀀'.repeat(25);
    expect(fitValue('thing', text, '2026-01-01T00:00:00Z')).toBe(`${'𠀀'.repeat(19)}…`);
  });

  it('writes times on the Shanghai clock like 2023年10月1日 15:01, and a due date as its last minute', () => {
    expect(wechatTime('2023-10-01T07:01:00Z')).toBe('2023年10月1日 15:01');
    expect(wechatTime('2026-01-31T16:30:00Z')).toBe('2026年2月1日 00:30');
    expect(wechatTime('2026-04-15')).toBe('2026年4月15日 23:59');
    expect(wechatDate('2026-01-31T16:30:00Z')).toBe('2026年2月1日');
  });

  it('fills a field whose source is missing instead of leaving it empty', () => {
    expect(fitValue('thing', undefined, '2026-01-01T00:00:00Z')).toBe('—');
    expect(fitValue('phrase', 'overdue', '2026-01-01T00:00:00Z')).toBe('提醒');
    expect(fitValue('time', 'not a time', '2026-01-01T00:00:00Z')).toBe('2026年1月1日 08:00');
  });

  it('reads a bare number as no time at all, not as the year 100 (a property run found it)', () => {
    expect(wechatTime('100')).toBeUndefined();
    expect(fitValue('date', '100', '2020-01-01T00:00:00.000Z')).toBe('2020年1月1日');
    expect(fitValue('time', '7', '2020-01-01T00:00:00.000Z')).toBe('2020年1月1日 08:00');
  });
});
