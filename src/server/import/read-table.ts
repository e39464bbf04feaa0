// Reads an uploaded 交办清单 (CSV or .xlsx) into rows of text keyed by the header's Chinese names.
import ExcelJS from 'exceljs';
import { AppError } from '../../core/errors';

export interface TableRow {
  rowNumber: number; // as the office sees it in the spreadsheet: the header is row 1
  cells: Record<string, string>;
}

/** RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF; a leading BOM is dropped. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i += 1) {
    const c = src[i]!;
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (quoted) throw new AppError('VALIDATION', '文件格式有误：引号未闭合');
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const shanghai = new Date(value.getTime() + 8 * 3_600_000);
    // Excel dates carry no zone; exceljs reads them as UTC midnight.
    return (value.getUTCHours() === 0 ? value : shanghai).toISOString().slice(0, 10);
  }
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    return '';
  }
  return String(value);
}

export async function parseXlsx(bytes: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new AppError('VALIDATION', '文件无法读取，请上传 .xlsx 格式的交办清单');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new AppError('VALIDATION', '文件中没有工作表');
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const values: string[] = [];
    for (let col = 1; col <= sheet.columnCount; col += 1) values.push(cellText(row.getCell(col).value));
    rows[rowNumber - 1] = values;
  });
  return Array.from(rows, (r) => r ?? []);
}

export function toTable(rows: string[][], required: readonly string[]): TableRow[] {
  const [header, ...body] = rows;
  if (!header) throw new AppError('VALIDATION', '文件为空');
  const names = header.map((h) => h.trim());
  const missing = required.filter((name) => !names.includes(name));
  if (missing.length > 0) throw new AppError('VALIDATION', `表头缺少：${missing.join('、')}`);
  return body
    .map((cells, index) => ({
      rowNumber: index + 2,
      cells: Object.fromEntries(names.map((name, col) => [name, (cells[col] ?? '').trim()])),
    }))
    .filter((row) => Object.values(row.cells).some((v) => v !== ''));
}
