// A CSV reader for the 交办清单 (RFC 4180): quoted fields may hold commas, quotes ("") and line
// breaks; a UTF-8 byte-order mark (as Excel writes it) is dropped; CRLF and LF both end a record.
// Read within the import's bounds (docs/security.md, Files read): reading stops with a refusal at the
// first filled field past the row or column limit or a field past the length limit.
import { AppError } from '../../core/errors';
import type { TableBounds } from './xlsx.parser';

/** The records of a CSV text, each a list of raw field values (not trimmed). */
export function parseCsv(text: string, bounds: TableBounds): string[][] {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  let blank = true;
  let line = 1;
  const endField = () => {
    if (field.length > 0) {
      if (line > bounds.maxRows) throw new AppError('VALIDATION', `表格超过${bounds.maxRows}行（第${line}行有内容），请删去多余的行或分批导入`);
      if (record.length + 1 > bounds.maxColumns) throw new AppError('VALIDATION', `表格超过${bounds.maxColumns}列（第${line}行第${record.length + 1}列有内容），请只保留清单的各列`);
      blank = false;
    }
    record.push(field);
    field = '';
  };
  const endRecord = () => {
    endField();
    // Blank records past the last row read are dropped: a file of line breaks holds no table.
    if (line <= bounds.maxRows) records.push(blank ? [] : record);
    record = [];
    blank = true;
    line += 1;
  };
  const tooLong = () => new AppError('VALIDATION', `第${line}行有一格超过${bounds.maxCellChars}个字，无法导入`);
  while (i < source.length) {
    const ch = source[i]!;
    if (quoted) {
      if (ch === '"' && source[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else if (field.length >= bounds.maxCellChars) throw tooLong();
      else field += ch;
      i += 1;
      continue;
    }
    if (ch === '"' && field.length === 0) quoted = true;
    else if (ch === ',') endField();
    else if (ch === '\r' && source[i + 1] === '\n') {
      endRecord();
      i += 1;
    } else if (ch === '\n' || ch === '\r') endRecord();
    else if (field.length >= bounds.maxCellChars) throw tooLong();
    else field += ch;
    i += 1;
  }
  if (field.length > 0 || record.length > 0) endRecord();
  return records;
}
