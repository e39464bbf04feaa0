// Crafted .xlsx files for the bounds of the import readers (docs/security.md, Files read): a zip
// written by hand, so that an entry can be as large, as compressible or as dishonest about its
// size as an attacker would make it, without holding its inflated text in memory here.
import { randomBytes } from 'node:crypto';
import { createDeflateRaw } from 'node:zlib';

export interface BombEntry {
  name: string;
  /** The entry's text, in pieces (a generator keeps a 200 MB entry out of memory). */
  pieces: Iterable<string>;
  /** Size written in the directory instead of the real one (a lying header). */
  claimedSize?: number;
  /** zlib level (default 6); 1 for large random text, which no level compresses better. */
  level?: number;
}

async function deflate(pieces: Iterable<string>, level = 6): Promise<{ data: Buffer; size: number }> {
  const z = createDeflateRaw({ level });
  const out: Buffer[] = [];
  z.on('data', (d: Buffer) => out.push(d));
  const done = new Promise((resolve, reject) => {
    z.on('end', resolve);
    z.on('error', reject);
  });
  let size = 0;
  for (const piece of pieces) {
    const b = Buffer.from(piece, 'utf8');
    size += b.length;
    if (!z.write(b)) await new Promise((r) => z.once('drain', r));
  }
  z.end();
  await done;
  return { data: Buffer.concat(out), size };
}

/** A zip archive of the entries, deflated (CRCs are left 0: the readers under test do not check them). */
export async function zipOf(entries: BombEntry[]): Promise<Buffer> {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const { data, size } = await deflate(entry.pieces, entry.level);
    const name = Buffer.from(entry.name, 'utf8');
    const declared = entry.claimedSize ?? size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += 30 + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const SHEET_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const SHEET_TAIL = '</sheetData></worksheet>';
const HEADER_ROW = '<row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c><c r="B1" t="inlineStr"><is><t>代表团</t></is></c></row>';

/** A workbook of one sheet whose rows are given as XML pieces (shared strings optional). */
export function workbook(rows: Iterable<string>, extra: BombEntry[] = [], claimedSheetSize?: number): Promise<Buffer> {
  function* sheet() {
    yield SHEET_HEAD;
    yield* rows;
    yield SHEET_TAIL;
  }
  return zipOf([
    { name: '[Content_Types].xml', pieces: ['<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'] },
    { name: 'xl/worksheets/sheet1.xml', pieces: sheet(), ...(claimedSheetSize !== undefined ? { claimedSize: claimedSheetSize } : {}) },
    ...extra,
  ]);
}

function* repeat(piece: string, times: number) {
  for (let i = 0; i < times; i++) yield piece;
}

/** Deflate ratio: a sheet of 200 MB of blank space (about 200 KB compressed), its size declared honestly. */
export const ratioBomb = () => workbook([HEADER_ROW, ...repeat(' '.repeat(1 << 20), 200)]);

/** The same 200 MB, its directory claiming 1 KB: only counting the inflated output stops it. */
export const lyingBomb = () => workbook([HEADER_ROW, ...repeat(' '.repeat(1 << 20), 200)], [], 1024);

function* rows(count: number) {
  yield HEADER_ROW;
  let batch = '';
  for (let r = 2; r <= count; r++) {
    batch += `<row r="${r}"><c><v>1</v></c></row>`;
    if (batch.length > 1 << 20) {
      yield batch;
      batch = '';
    }
  }
  yield batch;
}

/** A real sheet of 1,000,000 rows (about 33 MB of XML, under 5 MB compressed). */
export const millionRows = () => workbook(rows(1_000_000));

/** One filled cell at the last cell Excel has, XFD1048576. */
export const lastCell = () => workbook([HEADER_ROW, '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>']);

/** A cell far to the right on the second row. */
export const farColumn = () => workbook([HEADER_ROW, '<row r="2"><c r="XFD2" t="inlineStr"><is><t>x</t></is></c></row>']);

/** Random text of a and b: compressible only about 7 to 1. */
function ab(length: number): string {
  const bytes = randomBytes(length);
  for (let i = 0; i < length; i++) bytes[i] = 0x61 + (bytes[i]! & 1);
  return bytes.toString('latin1');
}

/** Shared strings of 17 million characters (random a/b: compressible only about 7 to 1, so under the ratio bound). */
export function hugeSharedStrings(): Promise<Buffer> {
  function* strings() {
    yield '<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">';
    // One random block, repeated: deflate's 32 KB window never reaches the last copy, so the ratio
    // stays that of random text, and nothing is drawn twice.
    const text = ab(600_000);
    let block = '';
    for (let i = 0; i < 30; i++) block += `<si><t>${text.slice(i * 20_000, (i + 1) * 20_000)}</t></si>`;
    for (let i = 0; i < 17_000_000 / 600_000; i++) yield block;
    yield '</sst>';
  }
  return workbook([HEADER_ROW, '<row r="2"><c r="A2" t="s"><v>0</v></c></row>'], [{ name: 'xl/sharedStrings.xml', pieces: strings(), level: 1 }]);
}

/** One shared string of 100,000 characters, past the cell limit. */
export function longSharedString(): Promise<Buffer> {
  const s = ab(100_000);
  return workbook(
    [HEADER_ROW, '<row r="2"><c r="A2" t="s"><v>0</v></c></row>'],
    [{ name: 'xl/sharedStrings.xml', pieces: [`<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>${s}</t></si></sst>`] }],
  );
}

/** 300,000 short shared strings, past their count bound. */
export function manySharedStrings(): Promise<Buffer> {
  function* strings() {
    yield '<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">';
    let batch = '';
    for (let i = 0; i < 300_000; i++) batch += `<si><t>${i.toString(36)}</t></si>`;
    yield batch;
    yield '</sst>';
  }
  return workbook([HEADER_ROW], [{ name: 'xl/sharedStrings.xml', pieces: strings() }]);
}
