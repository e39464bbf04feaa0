// The reminder configuration from environment variables: defaults, templates and their field
// mapping, quiet hours, and problems told in Chinese.
import { DEFAULT_FIELDS, reminderConfig, subscribeTemplateIds, templateFor } from '../../../src/server/reminders/config';
import { isQuiet, quietUntil } from '../../../src/server/reminders/quiet-hours';

describe('the reminder configuration', () => {
  it('defaults to formal version, quiet hours 22:00–08:00 and batches within the cloud database limit', () => {
    const config = reminderConfig({});
    expect(config).toMatchObject({ miniprogramState: 'formal', quietHours: { startMinute: 1320, endMinute: 480 }, templates: {} });
    expect(config.pageSize).toBeLessThanOrEqual(1000);
    expect(subscribeTemplateIds(config)).toEqual([]);
  });

  it('reads template ids, field mapping and long-term flags; urging falls back to the deadline template', () => {
    const config = reminderConfig({
      REMINDER_TEMPLATE_DEADLINE: 'T-deadline',
      REMINDER_TEMPLATE_FEEDBACK: 'T-feedback',
      REMINDER_TEMPLATE_FEEDBACK_FIELDS: 'thing2:title, date5:time',
      REMINDER_TEMPLATE_FEEDBACK_LONG_TERM: 'true',
      REMINDER_MINIPROGRAM_STATE: 'developer',
      REMINDER_QUIET_HOURS: '21:30-07:00',
    });
    expect(config.templates.deadline).toEqual({ id: 'T-deadline', fields: DEFAULT_FIELDS.deadline, longTerm: false });
    expect(config.templates.feedback).toEqual({ id: 'T-feedback', fields: { thing2: 'title', date5: 'time' }, longTerm: true });
    expect(templateFor(config, 'urge')?.id).toBe('T-deadline');
    expect(subscribeTemplateIds(config)).toEqual(['T-deadline', 'T-feedback']);
    expect(config.quietHours).toEqual({ startMinute: 21 * 60 + 30, endMinute: 7 * 60 });
    expect(reminderConfig({ REMINDER_QUIET_HOURS: 'off' }).quietHours).toBeUndefined();
  });

  it('refuses a bad setting with a message saying how to write it', () => {
    expect(() => reminderConfig({ REMINDER_QUIET_HOURS: '22-8' })).toThrow('REMINDER_QUIET_HOURS 应写成 22:00-08:00 的形式');
    expect(() => reminderConfig({ REMINDER_PAGE_SIZE: '5000' })).toThrow('REMINDER_PAGE_SIZE 必须是 1 到 1000 之间的整数');
    expect(() => reminderConfig({ REMINDER_TEMPLATE_DEADLINE: 'T', REMINDER_TEMPLATE_DEADLINE_FIELDS: 'title' })).toThrow('应写成 thing1:title 的形式');
    expect(() => reminderConfig({ REMINDER_MINIPROGRAM_STATE: 'beta' })).toThrow('REMINDER_MINIPROGRAM_STATE');
  });
});

describe('quiet hours', () => {
  const night = { startMinute: 22 * 60, endMinute: 8 * 60 };

  it('run from 22:00 to 08:00 on the Shanghai clock', () => {
    expect(isQuiet('2026-03-01T13:59:00Z', night)).toBe(false); // 21:59
    expect(isQuiet('2026-03-01T14:00:00Z', night)).toBe(true); // 22:00
    expect(isQuiet('2026-03-01T23:59:59Z', night)).toBe(true); // 07:59:59
    expect(isQuiet('2026-03-02T00:00:00Z', night)).toBe(false); // 08:00
    expect(isQuiet('2026-03-02T00:00:00Z', undefined)).toBe(false);
  });

  it('tell when the current quiet window ends', () => {
    expect(quietUntil('2026-03-01T15:10:30Z', night)).toBe('2026-03-02T00:00:00.000Z');
    expect(quietUntil('2026-03-01T05:00:00Z', night)).toBe('2026-03-01T05:00:00Z');
  });
});
