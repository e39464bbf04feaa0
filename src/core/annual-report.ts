// The annual summary in the form of the office's own report (section 一, 总体办结情况), and the list
// of adopted (A/B) suggestions, built only from data.
import { shanghaiDate } from './calendar';
import type { Reply, ReplyClass, Suggestion, User } from './model';
import { computeMetrics, type Metrics, type MetricsInput, type MetricsScope } from './metrics';
import type { DeadlinePolicy } from './policy';
import { UNIT_ROLE_LABELS } from './labels';

export interface AnnualReportOptions {
  year: number;
  /** Who reports, e.g. 市发展改革委. */
  unitName: string;
  /** Whose suggestions, e.g. 市人大代表. */
  deputyTitle: string;
  /**
   * The congress session during which 会期 suggestions were raised, e.g. 市十八届人大一次会议. Without
   * it, the sessions (届次) of the year's 会期 suggestions in scope are named, each as "<届次>会议".
   */
  sessionName?: string;
  scope: MetricsScope;
  today: string;
}

export interface AdoptedSuggestion {
  suggestionId: string;
  number: string;
  title: string;
  deputies: string[]; // lead deputy first, then co-signers
  class: ReplyClass;
}

export interface AnnualReport {
  summary: string;
  adopted: AdoptedSuggestion[];
  text: string;
  metrics: Metrics;
}

/** 1 → "100", 0.915 → "91.5": one decimal at most, as the office writes it. */
export function percent(rate: number): string {
  return `${Math.round(rate * 1000) / 10}%`;
}

const CN_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const ordinal = (i: number) => (i < 10 ? CN_NUMERALS[i]! : `${i + 1}`);

/** "十八届一次" → "十八届一次会议"; a 届次 already ending in 会议 keeps its name. */
export function sessionMeetingName(session: string): string {
  const name = session.trim();
  return name.endsWith('会议') ? name : `${name}会议`;
}

/** The sessions of the 会期 suggestions given, in order of first appearance by 建议号, joined by 、. */
export function sessionsPhrase(suggestions: readonly Pick<Suggestion, 'session' | 'phase' | 'number'>[]): string {
  const sorted = [...suggestions].sort((a, b) => a.number.localeCompare(b.number, 'zh-CN', { numeric: true }));
  const names = [...new Set(sorted.filter((s) => s.phase === 'session' && s.session.trim() !== '').map((s) => sessionMeetingName(s.session)))];
  return names.length > 0 ? names.join('、') : '人民代表大会会议';
}

function receivedSentence(o: AnnualReportOptions & { sessionName: string }, m: Metrics): string {
  const { session, recess } = m.byPhase;
  const unassigned = m.received - m.assigned;
  let s = `${o.year}年，${o.unitName}共收到${o.deputyTitle}建议${m.received}件`;
  if (session > 0 && recess > 0) s += `，其中${session}件为${o.sessionName}期间收到，${recess}件为会后收到`;
  else if (session > 0) s += `，均为${o.sessionName}期间收到`;
  else if (recess > 0) s += '，均为会后收到';
  if (unassigned > 0) s += `，另有${unassigned}件尚待交办`;
  return `${s}。`;
}

/**
 * The tasks by the unit's role. Office-wide they are counted as tasks (项), not suggestions: one
 * suggestion goes to a lead and co-handling units, so the roles add up to more than the suggestions
 * received. A unit holds one task of a suggestion, so its roles count its suggestions (件).
 */
function roleSentence(m: Metrics): string {
  const order = ['lead', 'split', 'co', 'sole'] as const;
  const present = order.filter((r) => m.byRole[r] > 0);
  if (present.length === 0) return '';
  const total = present.reduce((sum, r) => sum + m.byRole[r], 0);
  if (m.scope.kind === 'unit' && total === m.received) {
    return `从承办类别来看，${present.map((r) => `${UNIT_ROLE_LABELS[r]}件${m.byRole[r]}件`).join('、')}。`;
  }
  const parts = present.map((r) => `${UNIT_ROLE_LABELS[r]}${m.byRole[r]}项`).join('、');
  return `上述建议共交由承办单位办理${total}项（一件建议可由多个单位分别主办、会办），其中${parts}。`;
}

function progressSentence(m: Metrics): string {
  if (m.assigned === 0) return '';
  const head =
    m.done === m.assigned
      ? `截至目前，${m.assigned}件人大建议已全部办理完毕`
      : `截至目前，已办理完毕${m.done}件，正在办理${m.assigned - m.done}件`;
  const rates: [string, number | null][] = [
    ['办结率', m.completionRate],
    ['面复率', m.faceToFaceRate],
    ['代表反馈满意率', m.satisfactionRate],
  ];
  const parts = rates.filter(([, r]) => r !== null).map(([label, r]) => `${label}${percent(r!)}`);
  return `${head}，${parts.join('、')}。`;
}

function adoptedSuggestions(input: MetricsInput & { users: readonly Pick<User, 'id' | 'name'>[] }, m: Metrics): AdoptedSuggestion[] {
  const names = new Map(input.users.map((u) => [u.id, u.name]));
  const scoped = new Set(input.tasks.filter((t) => t.state !== 'returned' && (m.scope.kind === 'all' || t.unitId === m.scope.unitId)).map((t) => t.id));
  // Only the latest signed reply of each task counts: a round-2 reply supersedes the round-1 one
  // (as the class counts of the metrics do), so a B answered again as C is no longer adopted.
  const latest = new Map<string, Reply>();
  for (const r of input.replies) {
    if (!r.signedAt || !scoped.has(r.taskId)) continue;
    const prev = latest.get(r.taskId);
    if (!prev || r.round > prev.round || (r.round === prev.round && r.signedAt > prev.signedAt!)) latest.set(r.taskId, r);
  }
  const best = new Map<string, ReplyClass>();
  for (const r of latest.values()) {
    if (r.class !== 'A' && r.class !== 'B') continue;
    const prev = best.get(r.suggestionId);
    if (!prev || r.class < prev) best.set(r.suggestionId, r.class);
  }
  return input.suggestions
    .filter((s) => best.has(s.id))
    .map((s) => ({
      suggestionId: s.id,
      number: s.number,
      title: s.title,
      deputies: [s.leadDeputyId, ...s.coSignerIds].map((id) => names.get(id) ?? id),
      class: best.get(s.id)!,
    }))
    .sort((a, b) => a.number.localeCompare(b.number, 'zh-CN', { numeric: true }));
}

/** The year's suggestions are those assigned (or, not yet assigned, created) in that Shanghai year. */
export function annualReport(
  input: MetricsInput & { users: readonly Pick<User, 'id' | 'name'>[] },
  options: AnnualReportOptions,
  policy: DeadlinePolicy,
): AnnualReport {
  const suggestions = input.suggestions.filter((s) => shanghaiDate(s.assignedAt ?? s.createdAt).startsWith(`${options.year}-`));
  const ids = new Set(suggestions.map((s) => s.id));
  const yearInput = { ...input, suggestions, tasks: input.tasks.filter((t) => ids.has(t.suggestionId)) };
  const metrics = computeMetrics(yearInput, options.scope, options.today, policy);
  const inScope = new Set(
    yearInput.tasks.filter((t) => t.state !== 'returned' && (options.scope.kind === 'all' || t.unitId === options.scope.unitId)).map((t) => t.suggestionId),
  );
  const scopedSuggestions = options.scope.kind === 'all' ? suggestions : suggestions.filter((s) => inScope.has(s.id));
  const sessionName = options.sessionName ?? sessionsPhrase(scopedSuggestions);
  const summary = receivedSentence({ ...options, sessionName }, metrics) + roleSentence(metrics) + progressSentence(metrics);
  const adopted = adoptedSuggestions(yearInput, metrics);
  const lines = adopted.map(
    (a, i) => `（${ordinal(i)}）${a.deputies[0]}代表${a.deputies.length > 1 ? '等' : ''}提出的“${a.title}”${a.title.endsWith('建议') ? '' : '建议'}（${a.class}类，建议号${a.number}）`,
  );
  const text = ['一、总体办结情况', summary, '二、建议吸收采纳情况', ...(lines.length > 0 ? lines : ['暂无A类、B类答复的建议。'])].join('\n');
  return { summary, adopted, text, metrics };
}
