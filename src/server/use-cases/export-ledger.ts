// ledger.export: the ledger (台账) as the office keeps it in Excel — an .xlsx workbook, or a CSV text
// (UTF-8 with BOM, so that Excel reads the Chinese) — with Chinese headers, every row in scope. The
// file is kept in the file store, one a caller and format (exports/<caller>/ledger.xlsx, replaced by
// the next export), and answered as a short-lived link made for the caller: a workbook of thousands
// of rows would not fit in the 6 MB answer of a call (docs/deployment.md, Files and call limits).
import { PassThrough } from 'node:stream';
import * as z from 'zod';
import type { LedgerQuery, LedgerRow } from '../../contract';
import type { LedgerExportData, LedgerExportFile } from '../../contract';
import { shanghaiDate } from '../../core/calendar';
import { REPLY_CLASS_LABELS, SUGGESTION_STATUS_LABELS } from '../../core/labels';
import type { MetricsScope } from '../../core/metrics';
import { Directory } from '../directory';
import { scopeFor } from '../queries/reporting';
import { ledgerRows } from '../queries/ledger';
import { caller, defineUseCase, type UseCaseContext } from '../use-case';
import { keptForCaller } from '../papers/kept-files';
import { ledgerQuerySchema } from './list-ledger';
import { loadExcelJS } from '../lazy';
import type { Fill, Font } from 'exceljs';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A cell: text, a calendar date (an Excel date in the workbook), or nothing (an empty cell, not ''). */
export type LedgerValue = string | { date: string } | null;

const day = (iso: string | undefined): LedgerValue => (iso ? { date: shanghaiDate(iso) } : null);
const words = (text: string | undefined): LedgerValue => (text ? text : null);

/**
 * Header, column width (Excel's character units, a Chinese character taking two) and value of each
 * ledger column. The widths (144) fit A4 landscape at 100% in Excel (Calibri), long texts wrapping in their cell.
 */
export const LEDGER_COLUMNS: [string, number, (row: LedgerRow) => LedgerValue][] = [
  ['建议号', 8, (r) => r.number],
  ['标题', 22, (r) => r.title],
  ['领衔代表', 8, (r) => r.leadDeputyName],
  ['承办单位', 10, (r) => r.unitName],
  ['承办类别', 6, (r) => r.roleLabel],
  ['办理状态', 9, (r) => r.stateLabel],
  ['办理责任人', 7, (r) => words(r.responsibleName)],
  ['交办日期', 11, (r) => day(r.assignedAt)],
  ['答复期限', 11, (r) => ({ date: r.replyDue })],
  ['答复日期', 11, (r) => day(r.repliedAt)],
  ['答复类别', 6, (r) => (r.replyClass ? REPLY_CLASS_LABELS[r.replyClass].label : null)],
  ['是否面复', 5, (r) => (r.faceToFace ? '是' : '否')],
  ['办理态度评价', 7, (r) => words(r.attitudeLabel)],
  ['办理结果评价', 7, (r) => words(r.resultLabel)],
  ['是否超期', 5, (r) => (r.overdue ? '是' : '否')],
  ['办结日期', 11, (r) => day(r.closedAt)],
];

/** A value as text (CSV): a date as 2024-04-10, nothing as an empty field. */
const asText = (v: LedgerValue): string => (v === null ? '' : typeof v === 'string' ? v : v.date);
/** A value as a workbook cell: a date as an Excel date (midnight UTC is the day itself), nothing as an empty cell. */
const asCell = (v: LedgerValue): string | Date | null => (v === null ? null : typeof v === 'string' ? exportable(v) : new Date(`${v.date}T00:00:00.000Z`));

const schema = (ledgerQuerySchema as z.ZodObject).extend({ format: z.enum(['xlsx', 'csv']).optional() }) as unknown as z.ZodType<LedgerExportData>;

/**
 * Characters no exported cell carries: those XML 1.0 forbids (C0 controls but tab, LF and CR; lone
 * surrogates; U+FFFE and U+FFFF; one of them makes the whole .xlsx unreadable) and the other control
 * characters (DEL, C1), which would go raw into the CSV.
 */
const UNEXPORTABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export const exportable = (value: string) => value.replace(UNEXPORTABLE, '');

const csvCell = (value: string) => (/[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
/** A cell that starts like a formula (a tab or CR before it too) is written as text, so it cannot run in someone's Excel. */
const safe = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

/** One value as a CSV field: cleaned, kept from running as a formula, quoted when it must be. */
export const csvField = (value: string) => csvCell(safe(exportable(value)));

function csvText(rows: readonly LedgerRow[]): string {
  const lines = [LEDGER_COLUMNS.map(([name]) => csvCell(name)), ...rows.map((row) => LEDGER_COLUMNS.map(([, , get]) => csvField(asText(get(row)))))];
  return `\uFEFF${lines.map((cells) => cells.join(',')).join('\r\n')}\r\n`;
}

/** An overdue row, marked so that it shows on screen and on paper (a light red fill and dark red text; 是否超期 says it in words). */
const OVERDUE_FILL: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFDE2E1' } };
const OVERDUE_FONT: Partial<Font> = { color: { argb: 'FF9B1C1C' }, bold: true };

/** The filters of the export in words, for the sheet's title: 2024年 · 十八届三次 · 市民政局 · 已办结. */
export async function filterWords(query: LedgerQuery, scope: MetricsScope, directory: Directory): Promise<string> {
  const parts: string[] = [];
  if (query.year !== undefined) parts.push(`${query.year}年`);
  if (query.session) parts.push(`${query.session}`);
  parts.push(scope.kind === 'unit' ? await directory.unitName(scope.unitId) : '全部单位');
  parts.push(query.status ? SUGGESTION_STATUS_LABELS[query.status] : '全部状态');
  return parts.join(' · ');
}

/** Columns whose text wraps in its cell rather than widening the sheet. */
const WRAPPED = new Set(['标题', '承办单位']);

/**
 * The workbook through exceljs's streaming writer (about three times faster than building it in
 * memory), as the office prints it: a title row naming the filters and the date, the header frozen
 * under it and repeated on every printed page, column widths set, overdue rows marked, dates as
 * Excel dates, empty cells empty; A4 landscape fitted to the page width, with the unit and the page
 * numbers in the footer.
 */
async function workbookBytes(rows: readonly LedgerRow[], title: string, heading: string, footer: string, now: string): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ExcelJS = await loadExcelJS();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
  workbook.created = new Date(now);
  workbook.modified = new Date(now);
  const sheet = workbook.addWorksheet(title, {
    views: [{ state: 'frozen', ySplit: 2 }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:2',
      margins: { left: 0.3, right: 0.3, top: 0.5, bottom: 0.6, header: 0.2, footer: 0.25 },
    },
    // &P / &N: this page and the number of pages (Excel's header and footer codes).
    headerFooter: { oddFooter: `&L${exportable(footer).replace(/&/g, '&&')}&R第 &P 页，共 &N 页` },
  });
  sheet.columns = LEDGER_COLUMNS.map(([name, width]) => ({
    width,
    ...(name.endsWith('日期') || name === '答复期限' ? { style: { numFmt: 'yyyy-mm-dd' } } : {}),
    ...(WRAPPED.has(name) ? { style: { alignment: { wrapText: true, vertical: 'top' as const } } } : {}),
  }));
  const titleRow = sheet.addRow([exportable(heading)]);
  titleRow.font = { bold: true, size: 14 };
  titleRow.height = 24;
  sheet.mergeCells(1, 1, 1, LEDGER_COLUMNS.length);
  titleRow.commit();
  const header = sheet.addRow(LEDGER_COLUMNS.map(([name]) => name));
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  header.height = 30; // two lines: the narrow columns' headers wrap
  header.eachCell((cell) => (cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEDEDED' } }));
  header.commit();
  sheet.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: LEDGER_COLUMNS.length } };
  for (const row of rows) {
    const added = sheet.addRow(LEDGER_COLUMNS.map(([, , get]) => asCell(get(row))));
    if (row.overdue) {
      added.eachCell({ includeEmpty: true }, (cell) => {
        cell.fill = OVERDUE_FILL;
        cell.font = OVERDUE_FONT;
      });
    }
    added.commit();
  }
  sheet.commit();
  await workbook.commit();
  return Buffer.concat(chunks);
}

/** The export kept for the caller (the last one of this format replaced) and its link, made for the caller. */
const kept = (ctx: UseCaseContext, fileName: string, mimeType: string, bytes: Buffer): Promise<LedgerExportFile> =>
  keptForCaller(ctx, { kind: 'ledger', fileName, mimeType, bytes });

export const exportLedger = defineUseCase({
  action: 'ledger.export',
  access: 'user',
  schema,
  async run(data, ctx): Promise<LedgerExportFile> {
    const { format = 'xlsx', page: _page, pageSize: _pageSize, ...query } = data;
    const today = shanghaiDate(ctx.now);
    const user = caller(ctx);
    const { rows } = await ledgerRows(ctx.deps.store, user, query satisfies LedgerQuery, today, ctx.deps.policy);
    // A unit's export names the unit, in its file name and on every printed page.
    const scope = scopeFor(user, query.unitId);
    const directory = new Directory(ctx.deps.store);
    const unitName = scope.kind === 'unit' ? await directory.unitName(scope.unitId) : undefined;
    const name = `建议办理台账-${unitName ? `${unitName}-` : ''}${today}`;
    if (format === 'csv') return kept(ctx, `${name}.csv`, 'text/csv; charset=utf-8', Buffer.from(csvText(rows), 'utf8'));
    const filters = await filterWords(query, scope, directory);
    const overdue = rows.filter((r) => r.overdue).length;
    const heading = `建议办理台账（${filters}）　共${rows.length}条${overdue > 0 ? `，超期${overdue}条` : ''}　导出日期：${today}`;
    const footer = `${unitName ?? '全部单位'}建议办理台账　导出日期：${today}`;
    return kept(ctx, `${name}.xlsx`, XLSX_MIME, await workbookBytes(rows, '建议办理台账', heading, footer, ctx.now));
  },
});
