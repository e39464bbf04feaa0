// A file an action makes for the caller (the ledger's export, the import template), kept in the file
// store one a caller and kind — exports/<hash of the openid>/<kind>.<ext>, replaced by the next one — and
// answered as a short-lived link made for that caller: no file travels in a call's answer, which is at
// most 6 MB on CloudBase (docs/deployment.md, Files and call limits).
import type { FileLinkResult } from '../../contract';
import { fileStore, type UseCaseContext } from '../use-case';
import { callerKey } from './uploads';

export async function keptForCaller(
  ctx: UseCaseContext,
  file: { kind: string; fileName: string; mimeType: string; bytes: Buffer },
): Promise<FileLinkResult & { mimeType: string }> {
  const files = fileStore(ctx);
  const extension = file.fileName.toLowerCase().endsWith('.csv') ? 'csv' : 'xlsx';
  const owner = callerKey(ctx.openid ?? ctx.user?.id ?? 'nobody');
  const ref = await files.put(`exports/${owner}/${file.kind}.${extension}`, file.bytes, file.mimeType);
  const link = await files.link(ref, { fileName: file.fileName, contentType: file.mimeType, ...(ctx.openid ? { openid: ctx.openid } : {}) });
  return { fileName: file.fileName, mimeType: file.mimeType, url: link.url, expiresAt: link.expiresAt };
}
