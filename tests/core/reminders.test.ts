import { SHANDONG_POLICY } from '../../src/core/policy';
import { dueReminders, nextReminderDate, remainingDaysText } from '../../src/core/reminders';
import { makeTask } from './fixtures';

// A handling sole task assigned 2026-03-02: reply due 2026-06-02.
const handling = makeTask({ state: 'handling', submittedAt: undefined, claimedAt: '2026-03-02T03:00:00Z' });
const kinds = (list: { kind: string }[]) => list.map((r) => r.kind);

describe('reminders before the reply due date', () => {
  it('nothing more than 15 days out', () => {
    expect(dueReminders(handling, '2026-05-17', SHANDONG_POLICY)).toEqual([]);
  });
  it('15 days before, the handler is reminded once', () => {
    const [r] = dueReminders(handling, '2026-05-18', SHANDONG_POLICY);
    expect(r).toEqual({ key: 't1:reply:r1:15', kind: 'reply', threshold: 15, dueDate: '2026-06-02', daysLeft: 15, recipients: ['handler'] });
    expect(dueReminders(handling, '2026-05-19', SHANDONG_POLICY, [r!.key])).toEqual([]);
  });
  it('a sweep that missed days catches up with the nearest threshold only', () => {
    const list = dueReminders(handling, '2026-05-28', SHANDONG_POLICY, ['t1:reply:r1:15']);
    expect(list.map((r) => r.threshold)).toEqual([7]);
    expect(list[0]!.daysLeft).toBe(5);
  });
  it('on the due day the reviewer hears too', () => {
    expect(dueReminders(handling, '2026-06-02', SHANDONG_POLICY)[0]).toMatchObject({ threshold: 0, recipients: ['handler', 'reviewer'] });
  });
  it('no due-day reminder when the policy turns it off', () => {
    expect(dueReminders(handling, '2026-06-02', { ...SHANDONG_POLICY, reminders: { ...SHANDONG_POLICY.reminders, onDueDay: false } })).toEqual([]);
  });
});

describe('overdue reminders escalate every 3 days', () => {
  const at = (today: string) => dueReminders(handling, today, SHANDONG_POLICY)[0];
  it('day 1 overdue: handler and reviewer', () => {
    expect(at('2026-06-03')).toMatchObject({ key: 't1:reply:r1:-1', threshold: -1, recipients: ['handler', 'reviewer'] });
  });
  it('day 4: the leader is added; day 7 and later: the coordinator too', () => {
    expect(at('2026-06-06')).toMatchObject({ threshold: -4, recipients: ['handler', 'reviewer', 'leader'] });
    expect(at('2026-06-08')).toMatchObject({ threshold: -4 });
    expect(at('2026-06-09')).toMatchObject({ threshold: -7, recipients: ['handler', 'reviewer', 'leader', 'coordinator'] });
    expect(at('2026-06-30')).toMatchObject({ threshold: -28, recipients: ['handler', 'reviewer', 'leader', 'coordinator'] });
  });
});

describe('which due dates a task is reminded of', () => {
  it('a new task hears about its return window, with no overdue nagging', () => {
    const fresh = makeTask();
    expect(dueReminders(fresh, '2026-03-04', SHANDONG_POLICY)).toEqual([expect.objectContaining({ key: 't1:returnWindow:r1:3', kind: 'returnWindow' })]);
    expect(kinds(dueReminders(fresh, '2026-03-09', SHANDONG_POLICY))).toEqual([]);
  });
  it('a co task is reminded of its opinion date, not the reply', () => {
    const co = makeTask({ role: 'co', state: 'handling', submittedAt: '2026-03-10T00:00:00Z' });
    expect(dueReminders(co, '2026-04-01', SHANDONG_POLICY)).toEqual([expect.objectContaining({ kind: 'coOpinion', dueDate: '2026-04-02', threshold: 1 })]);
    expect(dueReminders({ ...co, state: 'opinionSent' }, '2026-04-01', SHANDONG_POLICY)).toEqual([]);
  });
  it('a round-2 task is reminded of its re-handling date, keyed by round', () => {
    const t = makeTask({ state: 'rehandling', round: 2 });
    const again = { ...t, due: { ...t.due, rehandling: '2026-07-10' } };
    expect(dueReminders(again, '2026-07-09', SHANDONG_POLICY)).toEqual([expect.objectContaining({ key: 't1:rehandling:r2:1', kind: 'rehandling' })]);
    expect(dueReminders({ ...again, due: { ...again.due, rehandling: undefined } }, '2026-07-09', SHANDONG_POLICY)).toEqual([]);
  });
  it('a closed task has nothing due', () => {
    expect(dueReminders(makeTask({ state: 'closed' }), '2026-06-10', SHANDONG_POLICY)).toEqual([]);
  });
});

describe("the deputy's pending feedback", () => {
  const replied = makeTask({ state: 'replied', repliedAt: '2026-04-01T02:00:00Z' });
  it('is reminded 7 and 14 days after the reply, each once', () => {
    expect(dueReminders(replied, '2026-04-07', SHANDONG_POLICY)).toEqual([]);
    const first = dueReminders(replied, '2026-04-08', SHANDONG_POLICY);
    expect(first).toEqual([{ key: 't1:feedback:r1:7', kind: 'feedback', threshold: 7, dueDate: '2026-04-01', daysLeft: 7, recipients: ['deputy'] }]);
    expect(dueReminders(replied, '2026-04-20', SHANDONG_POLICY, new Set(['t1:feedback:r1:7']))).toMatchObject([{ threshold: 14 }]);
  });
});

describe('remaining-days text', () => {
  it('speaks of days left, today, or days overdue', () => {
    expect(remainingDaysText('2026-06-02', '2026-05-30')).toBe('剩余3天');
    expect(remainingDaysText('2026-06-02', '2026-06-02')).toBe('今天到期');
    expect(remainingDaysText('2026-06-02', '2026-06-04')).toBe('已超期2天');
  });
  it('names the next reminder date', () => {
    expect(nextReminderDate('2026-06-02', '2026-05-01', SHANDONG_POLICY)).toBe('2026-05-18');
    expect(nextReminderDate('2026-06-02', '2026-06-01', SHANDONG_POLICY)).toBeUndefined();
  });
});
