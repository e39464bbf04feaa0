// A simulated year of deadline reminders (docs/reminders.md, The figures): a realistic office — 20
// units, each with two handlers, a reviewer and a leader (one person in twenty with only a landline
// on the roster), 100 suggestions a
// year (70 assigned after the session in February, the rest through the year) — run day by day
// through the real reminder sweep (08:00 each day), the real delivery (WeChat needs a subscription
// per message; SMS where configured) and the real `me` / subscriptions.record behind the app's
// taps. People do their work on the days a simple deterministic model gives (claim within a week,
// drafts saved, submitted mostly before the due date, one in ten late; reviewed and signed in a
// few days) and open most reminders that reach them; one person in ten refuses WeChat's prompt. Two ways of asking are compared:
// - `taps`: the app asks at each claim, draft save or submit, review, sign and opening of a message,
//   while the person's count is low (me.subscribeAsk); SMS carries what WeChat cannot, for the
//   thresholds given (REMINDER_SMS_WHEN: by default here every one, 15,7,3,1,0,overdue);
// - `button`: the former way: each person taps 开启办理提醒 once at the start, no SMS.
// Workflow notices are not simulated (the tasks move by direct writes), so the WeChat counts are
// spent on deadline reminders only; the figure is of deadline reminders to unit staff.
import { addDays, addMonths } from '../src/core/calendar';
import type { Notification, Suggestion, Task, Unit, User } from '../src/core/model';
import { createApi } from '../src/server/api';
import { openSqliteStore, type SqliteStore } from '../src/server/adapters/sqlite/sqlite.store';
import type { DeliveryResult } from '../src/server/ports';
import type { ReminderNotifier, SmsChannel } from '../src/server/reminders/channel';
import { DEFAULT_FIELDS, DEFAULT_REMINDER_CONFIG, type ReminderConfig } from '../src/server/reminders/config';
import { runSweep } from '../src/server/reminders/sweep';

export type AskingMode = 'taps' | 'button';

export interface YearFigures {
  mode: AskingMode;
  deadlineReminders: number;
  byWeChat: number;
  bySms: number;
  reachedNoOne: number;
  /** Share of deadline reminders delivered by WeChat or SMS. */
  delivered: number;
  smsSent: number;
}

const TEMPLATE = 'TPL-deadline';
const START = '2026-01-05';
const DAYS = 365;
const CREATED = '2026-01-01T00:00:00.000Z';

/** A deterministic pseudo-random sequence (mulberry32). */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Plan {
  task: Task;
  handler: string;
  reviewer: string;
  leader: string;
  claim: string;
  saves: string[];
  submit: string;
  review: string;
  sign: string;
}

function office(rand: () => number) {
  const units: Unit[] = Array.from({ length: 20 }, (_, i) => ({ id: `u${i}`, name: `承办单位${i}`, departments: ['综合处'] }));
  const person = (id: string, role: User['roles'][number], unitId: string, n: number): User => ({
    id,
    openid: `o-${id}`,
    name: id,
    roles: [role],
    unitId,
    department: '综合处',
    // One in twenty has only a landline on the roster: no SMS can reach him or her.
    phone: n % 20 === 7 ? `0531-860${String(10_000 + n).slice(-5)}` : `139${String(10_000_000 + n).slice(-8)}`,
    createdAt: CREATED,
    version: 1,
  });
  const people: User[] = units.flatMap((u, i) => [
    person(`h${i}a`, 'handler', u.id, i * 4),
    person(`h${i}b`, 'handler', u.id, i * 4 + 1),
    person(`r${i}`, 'reviewer', u.id, i * 4 + 2),
    person(`l${i}`, 'leader', u.id, i * 4 + 3),
  ]);
  people.push({ id: 'd1', openid: 'o-d1', name: '代表', roles: ['deputy'], createdAt: CREATED, version: 1 });
  const suggestions: Suggestion[] = [];
  const plans: Plan[] = [];
  for (let i = 0; i < 100; i += 1) {
    const assigned = i < 70 ? '2026-02-20' : addDays(START, 30 + Math.floor(rand() * 240));
    const unit = i % 20;
    const id = `s${String(i).padStart(3, '0')}`;
    suggestions.push({
      id, number: String(1000 + i), title: `关于第${i}项工作的建议`, content: '内容', leadDeputyId: 'd1', coSignerIds: [],
      delegation: '代表团', session: '一次', phase: 'session', tags: [], keySupervised: false, createdAt: CREATED,
      assignedAt: `${assigned}T02:00:00.000Z`, version: 1,
    });
    const due = addMonths(assigned, 3);
    const task: Task = {
      id: `${id}-t`, suggestionId: id, unitId: `u${unit}`, role: 'sole', state: 'assigned', round: 1,
      assignedAt: `${assigned}T02:00:00.000Z`, due: { reply: due, returnWindow: addDays(assigned, 5) }, updatedAt: CREATED, version: 1,
    };
    const claim = addDays(assigned, 1 + Math.floor(rand() * 6));
    const late = rand() < 0.1;
    const submit = late ? addDays(due, 1 + Math.floor(rand() * 10)) : addDays(due, -(2 + Math.floor(rand() * 45)));
    const saves = [0.3, 0.6, 0.9].map((f) => addDays(claim, Math.floor(f * Math.max(1, daysBetween(claim, submit)))));
    const review = addDays(submit, 1 + Math.floor(rand() * 3));
    plans.push({
      task, handler: `h${unit}${rand() < 0.5 ? 'a' : 'b'}`, reviewer: `r${unit}`, leader: `l${unit}`,
      claim, saves, submit, review, sign: addDays(review, 1 + Math.floor(rand() * 3)),
    });
  }
  return { units, people, suggestions, plans };
}

function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);
}

/** Runs the year; returns the delivery figures of the deadline reminders to unit staff. */
export async function simulateYear(mode: AskingMode, smsDays: readonly number[] = [15, 7, 3, 1, 0], seed = 7): Promise<YearFigures> {
  const rand = random(seed);
  const { units, people, suggestions, plans } = office(rand);
  const store: SqliteStore = openSqliteStore(':memory:');
  const config: ReminderConfig = {
    ...DEFAULT_REMINDER_CONFIG,
    templates: { deadline: { id: TEMPLATE, fields: DEFAULT_FIELDS.deadline, longTerm: false } },
    quietHours: undefined,
    timeBudgetMs: 600_000,
    ...(mode === 'taps' ? { sms: { templateId: 'SMS-1', env: 'sim', days: [...smsDays], overdue: true, envVersion: 'release' as const } } : {}),
  };
  let smsSent = 0;
  const sms: SmsChannel = { deliver: async () => ((smsSent += 1), { status: 'sent' }) };
  // The WeChat side: the delivery code checks and spends the person's count before it calls.
  const notifier: ReminderNotifier = {
    requiresSubscription: true,
    ...(mode === 'taps' ? { sms } : {}),
    deliver: async (): Promise<DeliveryResult> => ({ status: 'sent' }),
  };
  let now = `${START}T00:00:00.000Z`;
  const clock = { now: () => now };
  const api = createApi({ store, clock, notifier, reminderConfig: config });
  const call = (userId: string, action: string, data: unknown) => api({ action, data } as never, { openid: `o-${userId}` });

  await store.transaction(async (tx) => {
    for (const u of units) tx.insert('units', u);
    for (const p of people) tx.insert('users', p);
    for (const s of suggestions) tx.insert('suggestions', s);
  });
  const staff = people.filter((p) => !p.roles.includes('deputy'));
  // One person in ten refuses WeChat's prompt (and is then never asked again); the others accept it.
  const refuses = new Set(staff.filter(() => rand() < 0.1).map((p) => p.id));
  /** A tap the app asks at: the person answers what is asked. */
  const tap = async (userId: string) => {
    if (mode !== 'taps') return;
    const me = (await call(userId, 'me', {})) as { ok: boolean; data?: { subscribeAsk?: string[] } };
    const ask = me.data?.subscribeAsk ?? [];
    if (ask.length === 0) return;
    const accepted = !refuses.has(userId);
    await call(userId, 'subscriptions.record', { results: ask.map((templateId) => ({ templateId, accepted })) });
  };
  // The former way: 开启办理提醒 once at the start (most people do it; a few never do).
  if (mode === 'button') {
    for (const p of staff) if (rand() < 0.9) await call(p.id, 'subscriptions.record', { results: [{ templateId: TEMPLATE, accepted: true }] });
  }

  const live = new Map<string, Task>();
  for (let day = 0; day < DAYS; day += 1) {
    const date = addDays(START, day);
    now = `${addDays(date, -1)}T16:00:00.000Z`; // 00:00 in Beijing
    // Suggestions assigned today enter the office.
    const assignedToday = plans.filter((p) => p.task.assignedAt.startsWith(date));
    if (assignedToday.length > 0) {
      await store.transaction(async (tx) => {
        for (const p of assignedToday) tx.insert('tasks', p.task);
      });
      for (const p of assignedToday) live.set(p.task.id, p.task);
    }
    now = new Date(Date.parse(`${date}T00:00:00.000Z`)).toISOString(); // 08:00 in Beijing
    const before = new Set((await store.find('notifications', { where: { status: 'sent' } })).map((n) => n.id));
    await runSweep({ store, clock, notifier, config });
    // People open most of the reminders that reached them (a tap: notifications.read asks too).
    const delivered = (await store.find('notifications', { where: { status: 'sent' } })).filter((n) => !before.has(n.id));
    for (const n of delivered) {
      if (rand() < 0.7) {
        await tap(n.userId);
        await call(n.userId, 'notifications.read', { ids: [n.id] });
      }
    }
    // The day's work, each step a tap in the app.
    now = new Date(Date.parse(`${date}T02:00:00.000Z`)).toISOString(); // 10:00
    for (const p of plans) {
      const task = live.get(p.task.id);
      if (!task) continue;
      let next: Task | undefined;
      if (date === p.claim && task.state === 'assigned') {
        await tap(p.handler);
        next = { ...task, state: 'handling', responsibleUserId: p.handler, claimedAt: now };
      }
      if (p.saves.includes(date) && task.state === 'handling') await tap(p.handler);
      if (date === p.submit && (next ?? task).state === 'handling') {
        await tap(p.handler);
        next = { ...(next ?? task), state: 'inReview', submittedAt: now };
      }
      if (date === p.review && task.state === 'inReview') {
        await tap(p.reviewer);
        next = { ...task, state: 'awaitingSignature' };
      }
      if (date === p.sign && task.state === 'awaitingSignature') {
        await tap(p.leader);
        next = { ...task, state: 'replied', repliedAt: now };
        live.delete(task.id);
      }
      if (next) {
        const written = { ...next, version: task.version + 1, updatedAt: now };
        await store.transaction(async (tx) => {
          await tx.get('tasks', task.id);
          tx.update('tasks', written);
        });
        if (live.has(task.id)) live.set(task.id, written);
      }
    }
    // Tasks that slipped past their plan keep going: submitted the day after, when still open.
    for (const p of plans) {
      if (p.submit < date && live.get(p.task.id)?.state === 'handling') p.submit = addDays(date, 1);
    }
  }
  const staffIds = new Set(staff.map((p) => p.id));
  const rows: Notification[] = (await store.find('notifications')).filter((n) => n.threshold !== undefined && staffIds.has(n.userId));
  store.close();
  const byWeChat = rows.filter((n) => n.status === 'sent' && n.channel !== 'sms').length;
  const bySms = rows.filter((n) => n.status === 'sent' && n.channel === 'sms').length;
  return {
    mode,
    deadlineReminders: rows.length,
    byWeChat,
    bySms,
    reachedNoOne: rows.length - byWeChat - bySms,
    delivered: rows.length ? (byWeChat + bySms) / rows.length : 0,
    smsSent,
  };
}
