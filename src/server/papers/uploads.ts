// Files the caller uploaded to storage before a call (docs/security.md, Uploads): imports and
// attachments never travel inside a call, whose request is at most 6 MB on CloudBase. The app puts
// the file in storage first — wx.cloud.uploadFile in WeChat, the local gateway's POST /upload in the
// browser — under the caller's own folder, and passes the fileID. The server takes a fileID only
// from that folder, which is derived from the caller's openid as the platform gives it (never from
// the request), reads it through the file store and checks its size before anything else happens.
import { createHash } from 'node:crypto';
import { AppError } from '../../core/errors';
import type { FileStore } from '../ports';
import { fileStore, type UseCaseContext } from '../use-case';

/** Where uploads live in storage: uploads/<folder of the caller>/<name>. */
export const UPLOADS = 'uploads';

/** The largest file anyone may upload: an import list (5 MB); attachments have their own lower cap. */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

/** The extensions an upload may have: the import lists' and the attachments'. */
export const UPLOAD_EXTENSIONS = ['csv', 'xlsx', 'jpg', 'jpeg', 'png', 'pdf'] as const;

/**
 * The caller's upload folder: a hash of the openid, so that no openid appears in a storage path and
 * nobody can name another person's folder without knowing that person's openid.
 */
export function uploadFolderOf(openid: string): string {
  return `${UPLOADS}/${callerKey(openid)}`;
}

/** The caller's upload folder as the app names it in storage (wx.cloud.uploadFile's cloudPath): under the store's root. */
export function uploadPathOf(files: FileStore | undefined, openid: string): string {
  return `${files?.root ?? ''}${uploadFolderOf(openid)}`;
}

/** The caller's part of a storage path (uploads, exports): a hash of the openid. */
export function callerKey(openid: string): string {
  return createHash('sha256').update(`upload|${openid}`).digest('hex').slice(0, 32);
}

/** A file name inside the folder: letters, digits, '-', '_' and one extension. */
const UPLOAD_NAME = /^[A-Za-z0-9_-]{1,80}\.[a-z0-9]{1,5}$/;

/**
 * The storage path of a fileID: a CloudBase fileID is cloud://<env>.<bucket>/<path>; the local file
 * store's reference is the path itself. The path starts with the file store's root.
 */
export function storagePathOf(fileID: string): string {
  const cloud = /^cloud:\/\/[^/]+\/(.*)$/.exec(fileID);
  return cloud ? cloud[1]! : fileID;
}

/**
 * Another person's upload is answered as a file that is not there: what the caller may not see is
 * NOT_FOUND, so its existence is not revealed (docs/architecture.md, Roles and reach).
 */
const notFound = () => new AppError('NOT_FOUND', '没有找到您上传的文件，请重新选择文件上传');

/**
 * The bytes of an upload the caller made, or a refusal that changes nothing: NOT_FOUND for a fileID
 * outside the caller's folder (another person's upload, a letter, anything else in storage) or no
 * longer there, VALIDATION for a file that is empty or over `maxBytes`.
 */
export async function readUpload(ctx: UseCaseContext, fileID: string, limits: { maxBytes: number; tooLarge: string }): Promise<Buffer> {
  if (!ctx.openid) throw new AppError('UNAUTHENTICATED', '请先登录后再上传文件');
  const folder = `${uploadPathOf(ctx.deps.files, ctx.openid)}/`;
  const path = storagePathOf(fileID);
  if (!path.startsWith(folder) || !UPLOAD_NAME.test(path.slice(folder.length))) throw notFound();
  const bytes = await fileStore(ctx).read(fileID);
  if (!bytes) throw notFound();
  if (bytes.length === 0) throw new AppError('VALIDATION', '上传的文件是空的，请重新选择');
  if (bytes.length > limits.maxBytes) throw new AppError('VALIDATION', limits.tooLarge);
  return bytes;
}

/** An upload is no longer needed once its content is kept elsewhere: removed, a failure only logged. */
export async function dropUpload(ctx: UseCaseContext, fileID: string): Promise<void> {
  await fileStore(ctx)
    .remove(fileID)
    .catch((e: unknown) => ctx.deps.log(`upload ${fileID} not removed`, e));
}
