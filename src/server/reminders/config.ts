// The configuration of notices and reminders: one typed object with defaults, read from the environment
// by the composition roots only (the cloud functions' index.ts, the local gateway's main.ts) and handed
// to the server through its deps. Problems are told in Chinese.

/** The logical templates a notification can use; each maps to a subscribe-message template id. */
export type TemplateName = 'deadline' | 'feedback' | 'urge';
export const TEMPLATE_NAMES: readonly TemplateName[] = ['deadline', 'feedback', 'urge'];

export interface TemplateConfig {
  /** The template id from the WeChat console (订阅消息 → 我的模板). */
  id: string;
  /** Template field key (e.g. thing1, time2) → the notification param that fills it (title, dueDate …). */
  fields: Record<string, string>;
  /** A long-term (长期) template: one acceptance allows every later send, no quota is counted. */
  longTerm: boolean;
}

export type MiniprogramState = 'formal' | 'trial' | 'developer';

export interface QuietHours {
  /** Minutes after midnight, Asia/Shanghai, when sending stops (22:00 → 1320). */
  startMinute: number;
  /** Minutes after midnight when sending resumes (08:00 → 480). */
  endMinute: number;
}

/**
 * The SMS fallback (docs/reminders.md, SMS): a deadline reminder WeChat cannot carry goes as a text
 * message through CloudBase's cloudbase.sendSmsV2 with a URL Link to the task (urllink.generate).
 * Off unless a template is configured: it spends the environment's SMS resource package.
 */
export interface SmsConfig {
  /** The SMS template id of the environment (云开发控制台 → 短信). */
  templateId: string;
  /** The CloudBase environment whose SMS package pays (sendSmsV2's env). */
  env: string;
  /** Days before the due date that go by SMS (3, 1; 0 is the due day). */
  days: number[];
  /** Overdue reminders go by SMS too. */
  overdue: boolean;
  /** The mini-program version a URL Link opens: release, trial or develop. */
  envVersion: 'release' | 'trial' | 'develop';
}

export interface ReminderConfig {
  templates: Partial<Record<TemplateName, TemplateConfig>>;
  /** At a tap the app asks for a one-time template whose count for the person is below this. */
  askBelow: number;
  /** The SMS fallback; undefined: off. */
  sms?: SmsConfig;
  miniprogramState: MiniprogramState;
  /** No sends in this daily window (held until it ends); undefined: send at any hour. */
  quietHours?: QuietHours;
  /** Tasks looked at in one run at most (the rest wait for the next run, from the stored cursor). */
  batchSize: number;
  /** Tasks read by one query (≤ 1000, the cloud database's cap). */
  pageSize: number;
  /** Tasks whose outbox rows are written in one transaction. */
  writeChunk: number;
  /** Notifications sent in one run at most. */
  sendBatch: number;
  /** Time a run may spend scanning before it stops and leaves the rest of the scan to the next run. */
  timeBudgetMs: number;
  /** Time a run may spend sending, counted from the end of its scan (its own budget). */
  sendBudgetMs: number;
  /** Attempts before a notification that keeps failing transiently is marked failed. */
  maxAttempts: number;
  /** First retry delay; each further retry waits twice as long. */
  retryBaseMs: number;
  /** A send claimed by a run that then died is retried after this long. */
  leaseMs: number;
  /** Page links: {taskId} and {suggestionId} are replaced. */
  taskPage: string;
  suggestionPage: string;
}

/** The fields the recommended templates have (docs/reminders.md), used when no mapping is configured. */
export const DEFAULT_FIELDS: Record<TemplateName, Record<string, string>> = {
  deadline: { thing1: 'title', time2: 'dueDate', phrase3: 'stage', thing4: 'note' },
  feedback: { thing1: 'title', thing2: 'unit', time3: 'time', thing4: 'note' },
  urge: { thing1: 'title', time2: 'dueDate', phrase3: 'stage', thing4: 'note' },
};

export const DEFAULT_REMINDER_CONFIG: ReminderConfig = {
  templates: {},
  askBelow: 5,
  miniprogramState: 'formal',
  quietHours: { startMinute: 22 * 60, endMinute: 8 * 60 },
  batchSize: 10_000,
  pageSize: 500,
  writeChunk: 50,
  sendBatch: 1000,
  timeBudgetMs: 25_000,
  sendBudgetMs: 20_000,
  maxAttempts: 5,
  retryBaseMs: 5 * 60_000,
  leaseMs: 2 * 60_000,
  taskPage: 'pages/work/detail/index?id={suggestionId}&taskId={taskId}',
  suggestionPage: 'pages/work/detail/index?id={suggestionId}',
};

export type Env = Record<string, string | undefined>;

export class ReminderConfigError extends Error {}

/**
 * Reads the configuration from environment variables (see docs/reminders.md):
 * REMINDER_TEMPLATE_DEADLINE / _FEEDBACK / _URGE (template ids), REMINDER_TEMPLATE_<NAME>_FIELDS
 * ("thing1:title,time2:dueDate,…"), REMINDER_TEMPLATE_<NAME>_LONG_TERM (true/false),
 * REMINDER_MINIPROGRAM_STATE, REMINDER_QUIET_HOURS ("22:00-08:00" or "off"), REMINDER_BATCH_SIZE,
 * REMINDER_PAGE_SIZE, REMINDER_SEND_BATCH, REMINDER_TIME_BUDGET_MS, REMINDER_SEND_BUDGET_MS, REMINDER_MAX_ATTEMPTS,
 * REMINDER_RETRY_BASE_MS, REMINDER_TASK_PAGE, REMINDER_SUGGESTION_PAGE, REMINDER_ASK_BELOW, and the SMS
 * fallback's REMINDER_SMS_TEMPLATE, REMINDER_SMS_ENV, REMINDER_SMS_WHEN ("3,1,0,overdue"), REMINDER_SMS_VERSION.
 */
export function reminderConfig(env: Env): ReminderConfig {
  const d = DEFAULT_REMINDER_CONFIG;
  const templates: ReminderConfig['templates'] = {};
  for (const name of TEMPLATE_NAMES) {
    const upper = name.toUpperCase();
    const id = env[`REMINDER_TEMPLATE_${upper}`]?.trim();
    if (!id) continue;
    templates[name] = {
      id,
      fields: parseFields(env[`REMINDER_TEMPLATE_${upper}_FIELDS`], DEFAULT_FIELDS[name], name),
      longTerm: parseBoolean(env[`REMINDER_TEMPLATE_${upper}_LONG_TERM`], false, `REMINDER_TEMPLATE_${upper}_LONG_TERM`),
    };
  }
  const state = (env.REMINDER_MINIPROGRAM_STATE?.trim() || d.miniprogramState) as MiniprogramState;
  if (!['formal', 'trial', 'developer'].includes(state)) {
    throw new ReminderConfigError('REMINDER_MINIPROGRAM_STATE 只能是 formal（正式版）、trial（体验版）或 developer（开发版）');
  }
  return {
    templates,
    askBelow: parseCount(env.REMINDER_ASK_BELOW, d.askBelow, 'REMINDER_ASK_BELOW', 1000),
    ...smsConfig(env),
    miniprogramState: state,
    quietHours: parseQuietHours(env.REMINDER_QUIET_HOURS, d.quietHours),
    batchSize: parseCount(env.REMINDER_BATCH_SIZE, d.batchSize, 'REMINDER_BATCH_SIZE', 1_000_000),
    pageSize: parseCount(env.REMINDER_PAGE_SIZE, d.pageSize, 'REMINDER_PAGE_SIZE', 1000),
    writeChunk: parseCount(env.REMINDER_WRITE_CHUNK, d.writeChunk, 'REMINDER_WRITE_CHUNK', 1000),
    sendBatch: parseCount(env.REMINDER_SEND_BATCH, d.sendBatch, 'REMINDER_SEND_BATCH', 1_000_000),
    timeBudgetMs: parseCount(env.REMINDER_TIME_BUDGET_MS, d.timeBudgetMs, 'REMINDER_TIME_BUDGET_MS', 3_600_000),
    sendBudgetMs: parseCount(env.REMINDER_SEND_BUDGET_MS, d.sendBudgetMs, 'REMINDER_SEND_BUDGET_MS', 3_600_000),
    maxAttempts: parseCount(env.REMINDER_MAX_ATTEMPTS, d.maxAttempts, 'REMINDER_MAX_ATTEMPTS', 20),
    retryBaseMs: parseCount(env.REMINDER_RETRY_BASE_MS, d.retryBaseMs, 'REMINDER_RETRY_BASE_MS', 86_400_000),
    leaseMs: parseCount(env.REMINDER_LEASE_MS, d.leaseMs, 'REMINDER_LEASE_MS', 86_400_000),
    taskPage: env.REMINDER_TASK_PAGE?.trim() || d.taskPage,
    suggestionPage: env.REMINDER_SUGGESTION_PAGE?.trim() || d.suggestionPage,
  };
}

/** The configured template ids (what the mini-program asks users to subscribe to, at most 3 a tap). */
export function subscribeTemplateIds(config: ReminderConfig): string[] {
  return [...new Set(TEMPLATE_NAMES.map((name) => config.templates[name]?.id).filter((id): id is string => !!id))];
}

/** The template a notification goes out with: its own, else the deadline template. */
export function templateFor(config: ReminderConfig, name: string | undefined): TemplateConfig | undefined {
  const own = TEMPLATE_NAMES.includes(name as TemplateName) ? config.templates[name as TemplateName] : undefined;
  return own ?? config.templates.deadline;
}

function smsConfig(env: Env): { sms?: SmsConfig } {
  const templateId = env.REMINDER_SMS_TEMPLATE?.trim();
  if (!templateId) return {};
  const smsEnv = env.REMINDER_SMS_ENV?.trim() || env.TCB_ENV?.trim() || env.SCF_NAMESPACE?.trim();
  if (!smsEnv) throw new ReminderConfigError('已配置短信提醒（REMINDER_SMS_TEMPLATE），还需设置 REMINDER_SMS_ENV（云开发环境 ID）');
  const when = (env.REMINDER_SMS_WHEN?.trim() || '3,1,0,overdue').split(',').map((w) => w.trim()).filter(Boolean);
  const days: number[] = [];
  let overdue = false;
  for (const w of when) {
    if (w === 'overdue') overdue = true;
    else if (/^\d{1,2}$/.test(w)) days.push(Number(w));
    else throw new ReminderConfigError(`REMINDER_SMS_WHEN 的「${w}」有误，应写成 3,1,0,overdue 的形式（到期前天数、0 为到期当天、overdue 为超期）`);
  }
  const version = env.REMINDER_SMS_VERSION?.trim() || 'release';
  if (!['release', 'trial', 'develop'].includes(version)) throw new ReminderConfigError('REMINDER_SMS_VERSION 只能是 release、trial 或 develop');
  return { sms: { templateId, env: smsEnv, days, overdue, envVersion: version as SmsConfig['envVersion'] } };
}

function parseFields(raw: string | undefined, fallback: Record<string, string>, name: string): Record<string, string> {
  if (!raw?.trim()) return { ...fallback };
  const fields: Record<string, string> = {};
  for (const part of raw.split(',')) {
    const [key, source] = part.split(':').map((s) => s.trim());
    if (!key || !source || !/^[a-z_]+\d+$/.test(key)) {
      throw new ReminderConfigError(`订阅消息模板（${name}）的字段配置有误：「${part.trim()}」，应写成 thing1:title 的形式`);
    }
    fields[key] = source;
  }
  return fields;
}

function parseBoolean(raw: string | undefined, fallback: boolean, name: string): boolean {
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = raw.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(value)) return true;
  if (['0', 'false', 'no', 'off'].includes(value)) return false;
  throw new ReminderConfigError(`${name} 只能是 true 或 false`);
}

function parseCount(raw: string | undefined, fallback: number, name: string, max: number): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new ReminderConfigError(`${name} 必须是 1 到 ${max} 之间的整数`);
  }
  return value;
}

function parseQuietHours(raw: string | undefined, fallback: QuietHours | undefined): QuietHours | undefined {
  if (raw === undefined || raw.trim() === '') return fallback;
  if (['off', 'none', '0'].includes(raw.trim().toLowerCase())) return undefined;
  const m = /^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$/.exec(raw);
  const minutes = m ? [Number(m[1]) * 60 + Number(m[2]), Number(m[3]) * 60 + Number(m[4])] : [];
  const [startMinute, endMinute] = minutes;
  const valid = (n: number | undefined): n is number => n !== undefined && n >= 0 && n < 24 * 60;
  if (!m || Number(m[2]) > 59 || Number(m[4]) > 59 || !valid(startMinute) || !valid(endMinute) || startMinute === endMinute) {
    throw new ReminderConfigError('REMINDER_QUIET_HOURS 应写成 22:00-08:00 的形式，或写 off 表示不设免打扰时段');
  }
  return { startMinute, endMinute };
}
