// Contract additions for the coordinator's actions (re-exported by contract.ts).
import type { LedgerExportResult, LedgerQuery } from './contract';

/** ledger.export writes an Excel workbook (.xlsx, the default) or a CSV text. */
export type LedgerExportFormat = 'xlsx' | 'csv';

export interface LedgerExportData extends LedgerQuery {
  format?: LedgerExportFormat;
}

/** `content` is base64 of the workbook's bytes for xlsx, the CSV text itself (UTF-8 with BOM) for csv. */
export interface LedgerExportFile extends LedgerExportResult {
  encoding: 'base64' | 'utf8';
}
