// A file put where the app's upload puts it — the caller's own upload folder of the file store
// (src/server/papers/uploads.ts) — so that a test can call an import or attachments.add with its
// fileID, as the app does after wx.cloud.uploadFile or the gateway's POST /upload.
import { randomUUID } from 'node:crypto';
import type { FileStore } from '../../src/server/ports';
import { uploadFolderOf } from '../../src/server/papers/uploads';
import { FILE_ROUTE, type FolderFileStore } from '../../src/server/adapters/files/folder.files';

/** The extension of an upload from its bytes: a zip is an .xlsx, %PDF a .pdf, a PNG or JPEG an image, else CSV. */
function extensionOf(bytes: Buffer): string {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return 'xlsx';
  if (bytes.subarray(0, 4).toString('latin1') === '%PDF') return 'pdf';
  if (bytes[0] === 0x89 && bytes[1] === 0x50) return 'png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return 'jpg';
  return 'csv';
}

/** Uploads the bytes (or UTF-8 text) as the caller with this openid; answers the fileID. */
export async function uploadAs(files: FileStore, openid: string, content: Buffer | string, extension?: string): Promise<string> {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  const name = `${randomUUID().replace(/-/g, '')}.${extension ?? extensionOf(bytes)}`;
  return files.put(`${uploadFolderOf(openid)}/${name}`, bytes, 'application/octet-stream');
}

/**
 * The file behind a link an action answered, read as the caller's browser or phone would: a local
 * link (/files/…) through the folder store's own check of signature, expiry and caller; a CloudBase
 * temporary URL over HTTP. Fails the test when the link does not open.
 */
export async function readLink(files: FileStore, url: string, openid?: string): Promise<Buffer> {
  if (url.startsWith(FILE_ROUTE)) {
    const target = new URL(url, 'http://local');
    const opened = await (files as FolderFileStore).open(decodeURIComponent(target.pathname.slice(FILE_ROUTE.length)), Object.fromEntries(target.searchParams), openid);
    if (!opened.ok) throw new Error(`link refused: ${opened.status} ${opened.message}`);
    return opened.content;
  }
  const response = await fetch(url);
  if (!response.ok) throw new Error(`link refused: ${response.status}`);
  return Buffer.from(await response.arrayBuffer());
}
