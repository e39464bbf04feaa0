// A small reader of zip archives (an .xlsx is one) that never trusts the archive: the central
// directory is checked before anything is inflated (entry count, declared sizes, compression ratio),
// and an entry is inflated as a stream whose real output is counted, so an entry that lies about its
// size is stopped at its declared size. Limits and their figures: docs/security.md, Files read.
import { createInflateRaw } from 'node:zlib';
import { AppError } from '../../core/errors';

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

export interface ZipBounds {
  /** Entries in the archive (an .xlsx written by Excel or WPS has a few dozen). */
  maxEntries: number;
  /** Uncompressed bytes of one entry. */
  maxEntryBytes: number;
  /** Uncompressed bytes of all entries together. */
  maxTotalBytes: number;
  /** Uncompressed ÷ compressed size above which an entry larger than 1 MB is refused as a zip bomb. */
  maxRatio: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const RATIO_FLOOR = 1024 * 1024;

const unreadable = () => new AppError('VALIDATION', '无法读取该 Excel 文件，请确认是 .xlsx 格式');
const tooLarge = () => new AppError('VALIDATION', 'Excel 文件解压后内容过大，超出可导入的范围，请删去多余的工作表、图片或空行后再导入，或分批导入');

/** The entries of the archive's central directory, refused when they pass the bounds. */
export function listZipEntries(bytes: Buffer, bounds: ZipBounds): ZipEntry[] {
  const min = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let i = bytes.length - 22; i >= min; i--) {
    if (bytes.readUInt32LE(i) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) throw unreadable();
  const count = bytes.readUInt16LE(end + 10);
  const dirSize = bytes.readUInt32LE(end + 12);
  const dirOffset = bytes.readUInt32LE(end + 16);
  if (count === 0xffff || dirOffset === 0xffffffff) throw unreadable(); // zip64: never needed below 5 MB
  if (count > bounds.maxEntries) throw new AppError('VALIDATION', `Excel 文件包含的部件过多（超过${bounds.maxEntries}个），无法导入`);
  if (dirOffset + dirSize > end) throw unreadable();
  const entries: ZipEntry[] = [];
  let total = 0;
  let at = dirOffset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > end || bytes.readUInt32LE(at) !== CENTRAL) throw unreadable();
    const flags = bytes.readUInt16LE(at + 8);
    const method = bytes.readUInt16LE(at + 10);
    const compressedSize = bytes.readUInt32LE(at + 20);
    const size = bytes.readUInt32LE(at + 24);
    const nameLength = bytes.readUInt16LE(at + 28);
    const skip = nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    const localOffset = bytes.readUInt32LE(at + 42);
    const name = bytes.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + skip;
    if (size > bounds.maxEntryBytes) throw tooLarge();
    total += size;
    if (total > bounds.maxTotalBytes) throw tooLarge();
    if (size > RATIO_FLOOR && size > compressedSize * bounds.maxRatio) throw tooLarge();
    if (localOffset + 30 > dirOffset) throw unreadable();
    entries.push({ name, method, flags, compressedSize, size, localOffset });
  }
  return entries;
}

/** The compressed bytes of an entry, found through its local header. */
function entryData(bytes: Buffer, entry: ZipEntry): Buffer {
  const at = entry.localOffset;
  if (bytes.readUInt32LE(at) !== LOCAL) throw unreadable();
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  if (start + entry.compressedSize > bytes.length) throw unreadable();
  return bytes.subarray(start, start + entry.compressedSize);
}

/**
 * Hands the entry's text to `onText` chunk by chunk as it is inflated. The output is counted: more
 * than the entry declared (a lying header) stops the reading. `onText` may throw to stop early.
 */
export async function readZipEntryText(bytes: Buffer, entry: ZipEntry, onText: (chunk: string) => void): Promise<void> {
  if (entry.flags & 1) throw new AppError('VALIDATION', '该 Excel 文件已加密，请取消密码保护后再导入');
  const data = entryData(bytes, entry);
  const decoder = new TextDecoder('utf-8');
  if (entry.method === 0) {
    if (data.length !== entry.size) throw unreadable();
    for (let i = 0; i < data.length; i += 65536) onText(decoder.decode(data.subarray(i, i + 65536), { stream: true }));
    onText(decoder.decode());
    return;
  }
  if (entry.method !== 8) throw unreadable();
  const inflate = createInflateRaw({ chunkSize: 64 * 1024 });
  inflate.end(data);
  let produced = 0;
  try {
    for await (const chunk of inflate as AsyncIterable<Buffer>) {
      produced += chunk.length;
      if (produced > entry.size) throw tooLarge();
      onText(decoder.decode(chunk, { stream: true }));
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw unreadable();
  } finally {
    inflate.destroy();
  }
  onText(decoder.decode());
}
