// An uploaded list (the 交办清单, a delegation's deputies: CSV or .xlsx bytes read from storage) as a table of text cells.
import type { ImportFormat } from '../../contract';
import { AppError } from '../../core/errors';
import { parseCsv } from './csv.parser';
import { readXlsx, type TableBounds } from './xlsx.parser';

/** The largest list: 5 MB (3,000 rows of about 1.7 KB), uploaded to storage, never inside a call. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const IMPORT_TOO_LARGE = '导入文件超过5MB，请分批导入';

/**
 * What any imported table may hold, whatever its format (docs/security.md, Files read): 5,000 rows
 * (a list's 3,000 at most, with title and blank rows), 64 columns, 32,767 characters a cell (Excel's
 * own limit). The reader stops at the first cell past them.
 */
export const TABLE_BOUNDS: TableBounds = { maxRows: 5000, maxColumns: 64, maxCellChars: 32_767 };

const isZip = (bytes: Buffer) => bytes[0] === 0x50 && bytes[1] === 0x4b; // "PK": an .xlsx is a zip archive

export async function readImportFile(bytes: Buffer, format: ImportFormat, bounds: TableBounds = TABLE_BOUNDS): Promise<string[][]> {
  if (bytes.length === 0) throw new AppError('VALIDATION', '导入文件是空的');
  if (bytes.length > MAX_IMPORT_BYTES) throw new AppError('VALIDATION', IMPORT_TOO_LARGE);
  if (format === 'xlsx') {
    if (!isZip(bytes)) throw new AppError('VALIDATION', '该文件不是 .xlsx 格式的 Excel 文件');
    return readXlsx(bytes, bounds);
  }
  if (isZip(bytes)) throw new AppError('VALIDATION', '该文件是 Excel 文件，请按“xlsx”格式导入');
  const text = new TextDecoder('utf-8').decode(bytes);
  if (text.includes('\uFFFD')) throw new AppError('VALIDATION', 'CSV 文件应为 UTF-8 编码，请在 Excel 中另存为“CSV UTF-8”后再导入');
  return parseCsv(text, bounds);
}
