// A CSV reader for the 交办清单 (RFC 4180): quoted fields may hold commas, quotes ("") and line
// breaks; a UTF-8 byte-order mark (as Excel writes it) is dropped; CRLF and LF both end a record.

/** The records of a CSV text, each a list of raw field values (not trimmed). */
export function parseCsv(text: string): string[][] {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const endField = () => {
    record.push(field);
    field = '';
  };
  const endRecord = () => {
    endField();
    records.push(record);
    record = [];
  };
  while (i < source.length) {
    const ch = source[i]!;
    if (quoted) {
      if (ch === '"' && source[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
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
    else field += ch;
    i += 1;
  }
  if (field.length > 0 || record.length > 0) endRecord();
  return records;
}
