// The wire contract: ledger, statistics, report. Types, and the words of each action; see docs/architecture.md.
import { said, type WordsOf } from './words';
import type { ReplyClass } from '../core/model';
import type { Headline } from '../core/metrics';
import type { CaseFilters, PageQuery, Paged, SortOrder } from './common';
import type { FileLinkResult } from './papers';

/** number: by 届次, 建议号, then unit (default); replyDue: the deadline in force, nearest first; assignedAt: by 交办 date. */
export type LedgerSort = 'number' | 'replyDue' | 'assignedAt';

/** unitId is the scope: one unit; default the whole deployment (a unit's staff: their unit). */
export interface LedgerQuery extends PageQuery, CaseFilters {
  sort?: LedgerSort;
  order?: SortOrder; // default asc
}
export interface LedgerRow {
  suggestionId: string;
  taskId: string;
  number: string;
  title: string;
  leadDeputyName: string;
  unitName: string;
  roleLabel: string;
  stateLabel: string;
  responsibleName?: string;
  assignedAt: string;
  replyDue: string;
  repliedAt?: string;
  replyClass?: ReplyClass;
  faceToFace: boolean;
  attitudeLabel?: string;
  resultLabel?: string;
  overdue: boolean;
  closedAt?: string;
  keySupervised: boolean;
  atRisk: boolean; // 临期: due within the policy's days, today included
  dueDate?: string; // the deadline in force (答复 / 会办意见 / 重新办理); absent when none
  dueLabel?: string; // its name: 答复期限 / 会办意见期限 / 重新办理期限 …
  daysLeftText?: string; // 剩余 12 天 / 今日到期 / 已超期 3 天
}
export type LedgerListResult = Paged<LedgerRow>;

export interface StatsQuery {
  year?: number;
  session?: string;
  unitId?: string;
}
/** The named statistics of the core's metrics (rates are fractions 0..1, null when nothing to count). */
export interface StatsSummary extends Headline {
  scope: { unitId?: string; unitName: string; year?: number; session?: string };
  today: string;
  overdue: number; // 超期 open tasks
  atRisk: number; // 临期 open tasks
  perUnit: UnitFigures[];
}
/**
 * A unit's line of the statistics: the figures the page shows for each unit (the scope's own headline
 * above carries every figure). 200 units' full headlines made a 150 KB answer; these make a third.
 */
export type UnitFigures = { unitId: string; unitName: string } & Pick<
  Headline,
  'received' | 'done' | 'completionRate' | 'onTimeRate' | 'faceToFaceRate' | 'satisfactionRate' | 'adoptionRate'
>;
/** The years (of 交办, Beijing) in which the caller's scope has suggestions, latest first: what a year filter offers. */
export interface StatsYearsResult {
  years: number[];
}
export interface AnnualReportData {
  year: number;
  unitId?: string;
  /** 'docx': also write the summary as a Word document and answer fileName and url. */
  format?: 'text' | 'docx';
  /** The office's own sections of the document, where it has written them: 主要做法, 下步工作措施. */
  practices?: string;
  nextSteps?: string;
}
export interface AnnualReportResult {
  year: number;
  title: string;
  text: string; // the summary in the form of the office's report, section 一
  summary: string; // the paragraph of totals and rates
  /** Suggestions whose reply was A or B (吸收采纳), lead deputy first. */
  adopted: { suggestionId: string; number: string; title: string; deputies: string[]; class: ReplyClass; classLabel: string }[];
  stats: StatsSummary;
  /** With format 'docx': the document, through a link made for the caller. */
  fileName?: string;
  url?: string;
  expiresAt?: string;
}

/** ledger.export writes an Excel workbook (.xlsx, the default) or a CSV text. */
export type LedgerExportFormat = 'xlsx' | 'csv';

export interface LedgerExportData extends LedgerQuery {
  format?: LedgerExportFormat;
}

/**
 * The export kept in storage and answered as a short-lived link made for the caller (a workbook of
 * thousands of rows would not fit in a call's 6 MB answer).
 */
export interface LedgerExportFile extends FileLinkResult {
  mimeType: string;
}

/** The office actions: each one's request data and result. */
export interface OfficeActions {
  'ledger.list': { data: LedgerQuery; result: LedgerListResult };
  'ledger.export': { data: LedgerExportData; result: LedgerExportFile };
  'stats.summary': { data: StatsQuery; result: StatsSummary };
  'stats.years': { data: { unitId?: string }; result: StatsYearsResult };
  'report.annual': { data: AnnualReportData; result: AnnualReportResult };
}

/** The words of each of them (docs/architecture.md, Adding an action). */
export const OFFICE_ACTIONS = {
  'ledger.list': said('查看台账'),
  'ledger.export': said('导出台账'),
  'stats.summary': said('查看统计'),
  'stats.years': said('查看有建议的年度'),
  'report.annual': said('查看年度总结'),
} as const satisfies WordsOf<OfficeActions>;
