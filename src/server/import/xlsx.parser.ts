// Reads the first worksheet of an .xlsx 交办清单 into rows of text, as the office sees the cells:
// a date cell becomes YYYY-MM-DD, rich text its plain text, a formula its result.
// Read within fixed bounds whatever the file claims (docs/security.md, Files read): the zip directory
// is checked first (zip-reader.ts), the parts are inflated and parsed as streams, and reading stops
// with a refusal at the first row past the import's row limit, the first cell past the column or
// length limit, or shared strings past their bound. Memory stays within a few times the bounds.
import { SaxesParser } from 'saxes';
import { AppError } from '../../core/errors';
import { listZipEntries, readZipEntryText, type ZipBounds, type ZipEntry } from './zip-reader';

export interface TableBounds {
  /** Rows of the sheet, the header included; a filled cell below them refuses the file. */
  maxRows: number;
  /** Columns; a filled cell to their right refuses the file. */
  maxColumns: number;
  /** Characters of one cell (Excel's own limit is 32,767). */
  maxCellChars: number;
}

export const ZIP_BOUNDS: ZipBounds = { maxEntries: 1000, maxEntryBytes: 48 * 1024 * 1024, maxTotalBytes: 96 * 1024 * 1024, maxRatio: 100 };
/** Shared strings (every distinct text of the workbook): how many, and their characters together. */
export const MAX_SHARED_STRINGS = 200_000;
export const MAX_SHARED_CHARS = 16_000_000;
const SMALL_PART_BYTES = 4 * 1024 * 1024;

/** Built-in number formats that show a date (ECMA-376 §18.8.30, and the CJK ones 27–36, 50–58). */
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);
const isDateFormatCode = (code: string) => /[ymdhs]/i.test(code.replace(/\[[^\]]*\]|"[^"]*"|\\./g, ''));

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

/** A column's number from its letters: A → 1, XFD → 16384. */
export function columnNumber(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) break;
    n = n * 26 + (code - 64);
  }
  return n;
}

async function parsePart(bytes: Buffer, entry: ZipEntry, handlers: (parser: SaxesParser) => void): Promise<void> {
  const parser = new SaxesParser();
  handlers(parser);
  let failure: unknown;
  parser.on('error', (error) => {
    failure ??= error;
  });
  await readZipEntryText(bytes, entry, (chunk) => {
    parser.write(chunk);
    if (failure) throw failure;
  });
  parser.close();
  if (failure) throw failure instanceof AppError ? failure : new AppError('VALIDATION', '无法读取该 Excel 文件，请确认是 .xlsx 格式');
}

interface Workbook {
  sheetPath?: string;
  date1904: boolean;
}

async function readWorkbook(bytes: Buffer, parts: Map<string, ZipEntry>): Promise<Workbook> {
  const book = parts.get('xl/workbook.xml');
  const result: Workbook = { date1904: false };
  let firstRel: string | undefined;
  if (book && book.size <= SMALL_PART_BYTES) {
    await parsePart(bytes, book, (p) =>
      p.on('opentag', (tag) => {
        const name = localName(tag.name);
        if (name === 'workbookPr') result.date1904 = ['1', 'true'].includes(String(tag.attributes.date1904 ?? ''));
        if (name === 'sheet' && firstRel === undefined) {
          const rel = Object.entries(tag.attributes).find(([key]) => localName(key) === 'id');
          firstRel = rel ? String(rel[1]) : '';
        }
      }),
    );
  }
  const rels = parts.get('xl/_rels/workbook.xml.rels');
  if (firstRel && rels && rels.size <= SMALL_PART_BYTES) {
    await parsePart(bytes, rels, (p) =>
      p.on('opentag', (tag) => {
        if (localName(tag.name) === 'Relationship' && tag.attributes.Id === firstRel) {
          const target = String(tag.attributes.Target ?? '');
          result.sheetPath = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
        }
      }),
    );
  }
  return result;
}

async function readDateStyles(bytes: Buffer, entry: ZipEntry | undefined): Promise<boolean[]> {
  if (!entry || entry.size > SMALL_PART_BYTES) return [];
  const custom = new Map<number, string>();
  const dates: boolean[] = [];
  let inCellXfs = false;
  await parsePart(bytes, entry, (p) => {
    p.on('opentag', (tag) => {
      const name = localName(tag.name);
      if (name === 'numFmt') custom.set(Number(tag.attributes.numFmtId), String(tag.attributes.formatCode ?? ''));
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        const id = Number(tag.attributes.numFmtId ?? 0);
        dates.push(DATE_FORMAT_IDS.has(id) || (custom.has(id) && isDateFormatCode(custom.get(id)!)));
      }
    });
    p.on('closetag', (tag) => {
      if (localName(tag.name) === 'cellXfs') inCellXfs = false;
    });
  });
  return dates;
}

async function readSharedStrings(bytes: Buffer, entry: ZipEntry | undefined, bounds: TableBounds): Promise<string[]> {
  if (!entry) return [];
  const strings: string[] = [];
  let total = 0;
  let current: string | undefined;
  let inText = false;
  let phonetic = 0;
  const tooMany = () => new AppError('VALIDATION', `Excel 文件中的文字过多（超过${MAX_SHARED_CHARS / 10_000}万字或${MAX_SHARED_STRINGS / 10_000}万段），请分批导入`);
  await parsePart(bytes, entry, (p) => {
    p.on('opentag', (tag) => {
      const name = localName(tag.name);
      if (name === 'si') {
        if (strings.length >= MAX_SHARED_STRINGS) throw tooMany();
        current = '';
      } else if (name === 'rPh') phonetic += 1;
      else if (name === 't' && current !== undefined && phonetic === 0) inText = true;
    });
    const text = (t: string) => {
      if (!inText || current === undefined) return;
      total += t.length;
      if (total > MAX_SHARED_CHARS) throw tooMany();
      if (current.length + t.length > bounds.maxCellChars) throw new AppError('VALIDATION', `Excel 文件中有一段文字超过${bounds.maxCellChars}个字，无法导入`);
      current += t;
    };
    p.on('text', text);
    p.on('cdata', text);
    p.on('closetag', (tag) => {
      const name = localName(tag.name);
      if (name === 't') inText = false;
      else if (name === 'rPh') phonetic -= 1;
      else if (name === 'si' && current !== undefined) {
        strings.push(current);
        current = undefined;
      }
    });
  });
  return strings;
}

function dateText(serial: number, date1904: boolean): string {
  const ms = Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000);
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? String(serial) : date.toISOString().slice(0, 10);
}

export async function readXlsx(bytes: Buffer, bounds: TableBounds): Promise<string[][]> {
  const entries = listZipEntries(bytes, ZIP_BOUNDS);
  const parts = new Map(entries.map((e) => [e.name.replace(/^\//, ''), e]));
  const book = await readWorkbook(bytes, parts);
  const sheet =
    (book.sheetPath ? parts.get(book.sheetPath) : undefined) ??
    parts.get('xl/worksheets/sheet1.xml') ??
    entries.find((e) => /^xl\/worksheets\/[^/]+\.xml$/.test(e.name));
  if (!sheet) throw new AppError('VALIDATION', parts.has('[Content_Types].xml') ? 'Excel 文件中没有工作表' : '无法读取该 Excel 文件，请确认是 .xlsx 格式');
  const dateStyles = await readDateStyles(bytes, parts.get('xl/styles.xml'));
  const shared = await readSharedStrings(bytes, parts.get('xl/sharedStrings.xml'), bounds);

  const rows: string[][] = [];
  let rowNumber = 0;
  let lastColumn = 0;
  let cell: { column: number; type: string; style: number; value: string; inline: boolean } | undefined;
  let collecting: 'v' | 't' | undefined;
  let phonetic = 0;
  const finishCell = () => {
    if (!cell) return;
    const { type, value } = cell;
    let text: string;
    if (type === 's') text = shared[Number(value)] ?? '';
    else if (type === 'inlineStr' || type === 'str') text = value;
    else if (type === 'b') text = value === '1' ? 'true' : value === '0' ? 'false' : value;
    else if (type === 'e') text = '';
    else if (type === 'd') text = value.slice(0, 10);
    else if (value.trim() === '') text = '';
    else {
      const n = Number(value);
      text = Number.isNaN(n) ? value : dateStyles[cell.style] ? dateText(n, book.date1904) : String(n);
    }
    if (text === '') return;
    if (rowNumber > bounds.maxRows) throw new AppError('VALIDATION', `表格超过${bounds.maxRows}行（第${rowNumber}行有内容），请删去多余的行或分批导入`);
    if (cell.column > bounds.maxColumns) throw new AppError('VALIDATION', `表格超过${bounds.maxColumns}列（第${rowNumber}行第${cell.column}列有内容），请只保留清单的各列`);
    const row = (rows[rowNumber - 1] ??= []);
    row[cell.column - 1] = text;
  };
  await parsePart(bytes, sheet, (p) => {
    p.on('opentag', (tag) => {
      const name = localName(tag.name);
      if (name === 'row') {
        const r = Number(tag.attributes.r);
        rowNumber = Number.isInteger(r) && r > 0 ? r : rowNumber + 1;
        lastColumn = 0;
      } else if (name === 'c') {
        const fromRef = columnNumber(String(tag.attributes.r ?? ''));
        const column = fromRef > 0 ? fromRef : lastColumn + 1;
        cell = { column, type: String(tag.attributes.t ?? 'n'), style: Number(tag.attributes.s ?? 0), value: '', inline: false };
      } else if (cell && name === 'v') collecting = 'v';
      else if (cell && name === 'rPh') phonetic += 1;
      else if (cell && name === 't' && phonetic === 0) collecting = 't';
    });
    const text = (t: string) => {
      if (!cell || !collecting) return;
      if (collecting === 'v' && cell.type === 'inlineStr') return;
      if (cell.value.length + t.length > bounds.maxCellChars) {
        throw new AppError('VALIDATION', `第${rowNumber}行有一格超过${bounds.maxCellChars}个字，无法导入`);
      }
      cell.value += t;
    };
    p.on('text', text);
    p.on('cdata', text);
    p.on('closetag', (tag) => {
      const name = localName(tag.name);
      if (name === 'v' || name === 't') collecting = undefined;
      else if (name === 'rPh') phonetic -= 1;
      else if (name === 'c') {
        finishCell();
        lastColumn = cell?.column ?? lastColumn;
        cell = undefined;
      }
    });
  });
  const table: string[][] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] ?? [];
    table.push(Array.from({ length: row.length }, (_, c) => row[c] ?? ''));
  }
  return table;
}
