import { activeDeadline, computeDue, extensionAllowed, rehandlingDue, replyCap } from '../../src/core/deadlines';
import { SHANDONG_POLICY, validatePolicy, type DeadlinePolicy } from '../../src/core/policy';
import { makeTask } from './fixtures';

describe('due dates of a new task (Shandong policy)', () => {
  it('a sole task replies within 3 calendar months and may ask to return within 5 days', () => {
    expect(computeDue('sole', '2026-03-02T02:00:00Z', SHANDONG_POLICY)).toEqual({ reply: '2026-06-02', returnWindow: '2026-03-07' });
  });
  it('counts from the Shanghai date of assignment, not the UTC one', () => {
    // 2025-11-30 17:00 UTC is already Dec 1 in Shanghai.
    expect(computeDue('lead', '2025-11-30T17:00:00Z', SHANDONG_POLICY).reply).toBe('2026-03-01');
    expect(computeDue('lead', '2025-11-30T15:00:00Z', SHANDONG_POLICY).reply).toBe('2026-02-28');
  });
  it('a co-handler also owes its opinion within 1 month (Jan 31 → Feb 28)', () => {
    expect(computeDue('co', '2026-01-31T02:00:00Z', SHANDONG_POLICY)).toEqual({
      reply: '2026-04-30',
      returnWindow: '2026-02-05',
      coOpinion: '2026-02-28',
    });
  });
  it('a working-day return window skips the Spring Festival', () => {
    const policy: DeadlinePolicy = { ...SHANDONG_POLICY, returnWindow: { days: 5, counting: 'working' } };
    expect(computeDue('split', '2026-02-13T02:00:00Z', policy).returnWindow).toBe('2026-02-27');
  });
  it('re-handling is due one month after the unsatisfied feedback', () => {
    expect(rehandlingDue('2026-05-31T03:00:00Z', SHANDONG_POLICY)).toBe('2026-06-30');
  });
});

describe('extensions and the cap', () => {
  const task = makeTask(); // assigned 2026-03-02, reply due 2026-06-02
  it('the cap is 6 months after assignment', () => {
    expect(replyCap(task, SHANDONG_POLICY)).toBe('2026-09-02');
  });
  it('allows a date up to the cap', () => {
    expect(extensionAllowed(task, '2026-09-02', SHANDONG_POLICY)).toEqual({ ok: true });
  });
  it('refuses a date past the cap with DEADLINE and says which date is the limit', () => {
    const r = extensionAllowed(task, '2026-09-03', SHANDONG_POLICY);
    expect(r).toMatchObject({ ok: false, code: 'DEADLINE' });
    if (!r.ok) expect(r.message).toContain('2026-09-02');
  });
  it('refuses a date that is not later, or not a date', () => {
    expect(extensionAllowed(task, '2026-06-02', SHANDONG_POLICY)).toMatchObject({ ok: false, code: 'VALIDATION' });
    expect(extensionAllowed(task, '2026-02-30', SHANDONG_POLICY)).toMatchObject({ ok: false, code: 'VALIDATION' });
  });
});

describe('the deadline a task works against', () => {
  it('an open task: the reply date; a co task: its opinion date; round 2: the re-handling date', () => {
    expect(activeDeadline(makeTask({ state: 'handling' }))).toEqual({ kind: 'reply', date: '2026-06-02' });
    expect(activeDeadline(makeTask({ role: 'co', state: 'handling' }))).toEqual({ kind: 'coOpinion', date: '2026-04-02' });
    const t = makeTask({ state: 'rehandling', round: 2 });
    expect(activeDeadline({ ...t, due: { ...t.due, rehandling: '2026-07-10' } })).toEqual({ kind: 'rehandling', date: '2026-07-10' });
  });
  it('none once replied, finished or returned', () => {
    for (const state of ['replied', 'closed', 'returned', 'opinionSent'] as const) expect(activeDeadline(makeTask({ state }))).toBeUndefined();
  });
});

describe('validating a policy', () => {
  it('the Shandong defaults are valid and say 3/6/5/1/1', () => {
    expect(validatePolicy(SHANDONG_POLICY)).toEqual([]);
    expect(SHANDONG_POLICY).toMatchObject({ replyMonths: 3, capMonths: 6, returnWindow: { days: 5 }, coOpinionMonths: 1, rehandlingMonths: 1, faceToFaceRequired: true });
    expect(SHANDONG_POLICY.reminders.daysBefore).toEqual([15, 7, 3, 1]);
  });
  it('reports every problem in Chinese', () => {
    const bad = {
      ...SHANDONG_POLICY,
      replyMonths: 4,
      capMonths: 3,
      coOpinionMonths: 0,
      returnWindow: { days: 1.5, counting: 'lunar' },
      atRiskDays: -1,
      reminders: { daysBefore: [7, 0], onDueDay: true, overdueEveryDays: 0, overdueRecipients: [[], ['boss']], feedbackAfterDays: [-1] },
      holidayOverrides: [{ date: '2026-02-30', working: true }],
    } as unknown as DeadlinePolicy;
    const problems = validatePolicy(bad);
    expect(problems).toEqual([
      '会办意见期限（月）必须是正整数',
      '延期上限不能短于答复期限',
      '申请退回期限（天）必须是正整数',
      '申请退回期限的计算方式只能是自然日或工作日',
      '临期天数必须是非负整数',
      '提前提醒天数必须是正整数',
      '超期提醒间隔（天）必须是正整数',
      '超期提醒的每一级都必须有提醒对象',
      '超期提醒对象只能是承办人、处室负责人、单位负责人、联络员或代表',
      '评价提醒天数必须是正整数',
      '节假日调整的日期格式有误：2026-02-30',
    ]);
  });
});
