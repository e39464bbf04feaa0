// What a notice says (a workflow step's notice, a 催办, a deadline reminder): the in-app title and body (Chinese), the page it opens, and the params the
// subscribe-message template fields are filled from. The schedule itself is the core's (dueReminders).
import { activeDeadline } from '../../core/deadlines';
import { TASK_STATE_LABELS, UNIT_ROLE_LABELS } from '../../core/labels';
import type { Suggestion, Task, Unit } from '../../core/model';
import { remainingDaysText, type DueReminder, type ReminderKind } from '../../core/reminders';
import type { ReminderConfig, TemplateName } from './config';

export interface MessageSubject {
  task: Task;
  suggestion: Suggestion;
  unit?: Unit;
}

export interface ReminderMessage {
  title: string;
  body: string;
  page: string;
  template: TemplateName;
  params: Record<string, string>;
}

export const DEADLINE_LABELS: Record<Exclude<ReminderKind, 'feedback'>, string> = {
  reply: '答复期限',
  coOpinion: '会办意见期限',
  returnWindow: '申请退回期限',
  rehandling: '重新办理期限',
};

const ASKS: Record<Exclude<ReminderKind, 'feedback'>, { before: string; overdue: string; note: string }> = {
  reply: { before: '请按时答复代表。', overdue: '已超过办理时限，请尽快答复代表。', note: '请按时答复代表' },
  coOpinion: { before: '请按时向主办单位送会办意见。', overdue: '已超过会办意见期限，请尽快送会办意见。', note: '请按时送会办意见' },
  returnWindow: { before: '如认为交办不当，请在期限内申请退回或调整，逾期不再受理。', overdue: '', note: '如需退回请在期限内申请' },
  rehandling: { before: '请按时重新办理并再次答复代表。', overdue: '已超过重新办理期限，请尽快再次答复代表。', note: '请按时重新办理' },
};

export function fillPage(template: string, ids: { taskId?: string; suggestionId?: string }): string {
  const page = template.replaceAll('{taskId}', ids.taskId ?? '').replaceAll('{suggestionId}', ids.suggestionId ?? '');
  return page.replace(/^\/+/, '');
}

function subjectLine({ task, suggestion, unit }: MessageSubject): string {
  const who = unit ? `，${unit.name}${UNIT_ROLE_LABELS[task.role]}` : '';
  return `《${suggestion.title}》（建议号${suggestion.number}${who}）`;
}

export function stagePhrase(daysLeft: number): string {
  if (daysLeft > 0) return '即将到期';
  return daysLeft === 0 ? '今日到期' : '已超期';
}

/** The message of one scheduled reminder seen on `today` (a Shanghai date). */
export function reminderMessage(reminder: DueReminder, subject: MessageSubject, today: string, config: ReminderConfig): ReminderMessage {
  const { task, suggestion, unit } = subject;
  const base = { title: suggestion.title, number: suggestion.number, unit: unit?.name ?? '' };
  if (reminder.kind === 'feedback') {
    return {
      title: '请评价办理答复',
      body: `${subjectLine(subject)}的答复已于${reminder.dueDate}送达，请对办理态度和办理结果作出评价。`,
      page: fillPage(config.suggestionPage, { taskId: task.id, suggestionId: suggestion.id }),
      template: 'feedback',
      params: { ...base, time: task.repliedAt ?? reminder.dueDate, dueDate: reminder.dueDate, stage: '待评价', note: '请对办理答复作出评价' },
    };
  }
  const label = DEADLINE_LABELS[reminder.kind];
  const ask = ASKS[reminder.kind];
  const remaining = remainingDaysText(reminder.dueDate, today);
  const overdue = reminder.daysLeft < 0;
  return {
    title: `${label}提醒：${remaining}`,
    body: `${subjectLine(subject)}${label}为${reminder.dueDate}，${remaining}。${overdue ? ask.overdue : ask.before}`,
    page: fillPage(config.taskPage, { taskId: task.id, suggestionId: suggestion.id }),
    template: 'deadline',
    params: {
      ...base,
      deadline: label,
      dueDate: reminder.dueDate,
      daysLeft: remaining,
      stage: stagePhrase(reminder.daysLeft),
      note: overdue ? '已超期，请尽快办理' : ask.note,
    },
  };
}

/**
 * The message of a coordinator's 催办. It quotes the deadline the task works against now: a 会办
 * task's 会办意见期限, a re-handled task's 重新办理期限, otherwise the 答复期限.
 */
export function urgeMessage(subject: MessageSubject, today: string, config: ReminderConfig, message?: string): ReminderMessage {
  const { task, suggestion, unit } = subject;
  const due = activeDeadline(task) ?? { kind: 'reply' as const, date: task.due.reply };
  const label = DEADLINE_LABELS[due.kind];
  const remaining = remainingDaysText(due.date, today);
  const extra = message ? `督办意见：${message}` : task.role === 'co' ? '请加快办理进度，按时送会办意见。' : '请加快办理进度，按时答复代表。';
  return {
    title: '督办提醒',
    body: `联络员对${subjectLine(subject)}进行催办，${label}为${due.date}，${remaining}。${extra}`,
    page: fillPage(config.taskPage, { taskId: task.id, suggestionId: suggestion.id }),
    template: 'urge',
    params: {
      title: suggestion.title,
      number: suggestion.number,
      unit: unit?.name ?? '',
      deadline: label,
      dueDate: due.date,
      daysLeft: remaining,
      stage: '催办',
      note: message ?? '请加快办理进度',
    },
  };
}

/** The in-app title of each workflow step's notice (the event names of the core's transition table). */
const NOTICE_TITLES: Record<string, string> = {
  returnRequested: '有单位申请退回建议',
  returnApproved: '退回申请已同意',
  returnRejected: '退回申请未同意',
  extensionRequested: '有单位申请延期',
  extensionApproved: '延期申请已同意',
  extensionRejected: '延期申请未同意',
  coOpinionsOverridden: '联络员已免除未送会办意见',
  draftSubmitted: '有答复稿待审核',
  draftApproved: '有答复待签发',
  draftRejected: '答复稿被退回修改',
  replySigned: '建议已答复',
  opinionSent: '会办单位已送会办意见',
  feedbackSatisfied: '代表已评价：满意',
  feedbackUnsatisfied: '代表评价不满意，请重新办理',
};

/** The notice of one workflow step (a transition's effect), told to whoever the core names. */
export function noticeMessage(event: string, subject: MessageSubject, config: ReminderConfig): ReminderMessage {
  const { task, suggestion, unit } = subject;
  const title = NOTICE_TITLES[event] ?? '建议办理提醒';
  const state = TASK_STATE_LABELS[task.state];
  return {
    title,
    body: `${suggestion.number}号《${suggestion.title}》${unit ? `（${unit.name}${UNIT_ROLE_LABELS[task.role]}）` : ''}：${title}，当前状态为「${state}」。`,
    page: fillPage(config.taskPage, { taskId: task.id, suggestionId: suggestion.id }),
    template: 'deadline',
    params: {
      title: suggestion.title,
      number: suggestion.number,
      unit: unit?.name ?? '',
      deadline: '答复期限',
      dueDate: task.due.reply,
      stage: state,
      note: title,
    },
  };
}

/**
 * 一人一函: what each deputy of a suggestion is told when the office assigns it — the units, their
 * roles and the reply deadline (docs/proposals.md). It informs; it asks nothing of the deputy.
 */
export function assignmentMessage(
  suggestion: Suggestion,
  assigned: readonly { task: Task; unit?: Unit }[],
  lead: boolean,
  config: ReminderConfig,
): ReminderMessage {
  const units = assigned.map(({ task, unit }) => `${unit?.name ?? ''}（${UNIT_ROLE_LABELS[task.role]}）`).join('、');
  const replying = assigned.filter(({ task }) => task.role !== 'co').map(({ task }) => task.due.reply).sort();
  const dueDate = replying[0] ?? assigned[0]?.task.due.reply ?? '';
  const title = '建议已交办';
  return {
    title,
    body: `您${lead ? '领衔' : '附议'}的${suggestion.number}号建议《${suggestion.title}》已交办：${units}。答复期限为${dueDate}，承办单位将在期限内答复您。`,
    page: fillPage(config.suggestionPage, { suggestionId: suggestion.id }),
    template: 'deadline',
    params: { title: suggestion.title, number: suggestion.number, unit: units, deadline: '答复期限', dueDate, stage: title, note: '承办单位将按期答复' },
  };
}
