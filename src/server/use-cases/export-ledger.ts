// ledger.export: the whole ledger as CSV text (UTF-8 with BOM, so that Excel reads the Chinese).
import type { LedgerExportResult, LedgerRow } from '../../core/contract';
import { shanghaiDate } from '../../core/calendar';
import { REPLY_CLASS_LABELS } from '../../core/labels';
import { ledgerRows } from '../ledger';
import { caller, defineUseCase } from '../use-case';
import { ledgerQuerySchema } from './list-ledger';

const COLUMNS: [string, (row: LedgerRow) => string][] = [
  ['建议号', (r) => r.number],
  ['标题', (r) => r.title],
  ['领衔代表', (r) => r.leadDeputyName],
  ['承办单位', (r) => r.unitName],
  ['承办类别', (r) => r.roleLabel],
  ['办理状态', (r) => r.stateLabel],
  ['办理责任人', (r) => r.responsibleName ?? ''],
  ['交办日期', (r) => shanghaiDate(r.assignedAt)],
  ['答复期限', (r) => r.replyDue],
  ['答复日期', (r) => (r.repliedAt ? shanghaiDate(r.repliedAt) : '')],
  ['答复类别', (r) => (r.replyClass ? REPLY_CLASS_LABELS[r.replyClass].label : '')],
  ['是否面复', (r) => (r.faceToFace ? '是' : '否')],
  ['办理态度评价', (r) => r.attitudeLabel ?? ''],
  ['办理结果评价', (r) => r.resultLabel ?? ''],
  ['是否超期', (r) => (r.overdue ? '是' : '否')],
  ['办结日期', (r) => (r.closedAt ? shanghaiDate(r.closedAt) : '')],
];

const cell = (value: string) => (/[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

export const exportLedger = defineUseCase({
  action: 'ledger.export',
  access: 'user',
  schema: ledgerQuerySchema,
  async run(data, ctx): Promise<LedgerExportResult> {
    const rows = await ledgerRows(ctx.deps.store, caller(ctx), { ...data, page: undefined, pageSize: undefined }, shanghaiDate(ctx.now));
    const lines = [COLUMNS.map(([name]) => name).join(','), ...rows.map((row) => COLUMNS.map(([, get]) => cell(get(row))).join(','))];
    return { filename: `建议办理台账-${shanghaiDate(ctx.now)}.csv`, mimeType: 'text/csv; charset=utf-8', content: `\uFEFF${lines.join('\r\n')}\r\n` };
  },
});
