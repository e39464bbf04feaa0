// The wire contract: ledger, statistics, report. Types only; see docs/architecture.md.
import type { ReplyClass, SuggestionStatus } from '../core/model';
import type { Headline } from '../core/metrics';
import type { PageQuery, Paged } from './common';

export interface LedgerQuery extends PageQuery {
  session?: string;
  year?: number;
  unitId?: string; // scope: one unit; default the whole deployment (a unit's staff: their unit)
  status?: SuggestionStatus;
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
}
export type LedgerListResult = Paged<LedgerRow>;
export interface LedgerExportResult {
  filename: string;
  mimeType: string;
  content: string; // CSV text (UTF-8 with BOM)
}

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
  perUnit: ({ unitId: string; unitName: string } & Headline)[];
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

/** `content` is base64 of the workbook's bytes for xlsx, the CSV text itself (UTF-8 with BOM) for csv. */
export interface LedgerExportFile extends LedgerExportResult {
  encoding: 'base64' | 'utf8';
}
