// The FileStore port on the local machine: files in a folder beside the SQLite file (DATA_DIR/files),
// opened through short-lived links that the local gateway checks: the link names the file, its
// expiry and the caller it was made for, signed with HMAC-SHA256 under a secret of this process
// (or FILE_LINK_SECRET), so a link cannot be altered, outlive its expiry, or serve another caller.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { FILE_LINK_SECONDS, type FileLink, type FileLinkOptions, type FileStore } from '../../ports';

/** Keys are made by the server (ids and fixed words), never by the caller; anything else is refused. */
export const FILE_KEY = /^[A-Za-z0-9_-]+(\/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$/;

export function assertFileKey(key: string): void {
  if (!FILE_KEY.test(key) || key.split('/').some((part) => part === '..' || part === '.')) throw new Error(`bad file key: ${key}`);
}

/** Where the gateway serves links: GET /files/<key>?… */
export const FILE_ROUTE = '/files/';

export type FileOpenResult =
  | { ok: true; content: Buffer; contentType: string; fileName: string }
  | { ok: false; status: 403 | 404 | 410; message: string };

export interface FolderFileStore extends FileStore {
  /** The gateway's side: check a link (signature, expiry, caller) and read the file. */
  open(key: string, query: Record<string, string | undefined>, openid: string | undefined): Promise<FileOpenResult>;
  dir: string;
}

export interface FolderFileStoreOptions {
  dir: string;
  /** The instant now (the gateway's clock, so a link's expiry follows the same time as the app). */
  now: () => string;
  /** The signing secret; default a random one per process (links die with the process). */
  secret?: string | Buffer;
}

export function openFolderFileStore(options: FolderFileStoreOptions): FolderFileStore {
  const secret = options.secret ?? randomBytes(32);
  const dir = path.resolve(options.dir);
  const fileOf = (key: string) => {
    assertFileKey(key);
    return path.join(dir, ...key.split('/'));
  };
  const sign = (fields: string[]) => createHmac('sha256', secret).update(fields.join('\n')).digest('base64url');

  return {
    dir,
    async put(key, content) {
      const file = fileOf(key);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, content);
      return key;
    },
    async link(ref: string, o: FileLinkOptions): Promise<FileLink> {
      assertFileKey(ref);
      const expires = Date.parse(options.now()) + (o.ttlSeconds ?? FILE_LINK_SECONDS) * 1000;
      const exp = String(expires);
      const sig = sign([ref, exp, o.fileName, o.contentType, o.openid ?? '']);
      const query = new URLSearchParams({ exp, name: o.fileName, type: o.contentType, ...(o.openid ? { u: '1' } : {}), sig });
      return { url: `${FILE_ROUTE}${ref}?${query.toString()}`, expiresAt: new Date(expires).toISOString() };
    },
    async read(ref) {
      try {
        return await readFile(fileOf(ref));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
    async remove(ref) {
      await rm(fileOf(ref), { force: true });
    },
    async open(key, query, openid) {
      const { exp = '', name = '', type = '', sig = '' } = query;
      if (!FILE_KEY.test(key) || key.includes('..')) return { ok: false, status: 404, message: '没有找到该文件' };
      // A link made for a caller carries u=1 and is signed with that caller's openid: only the same
      // session opens it. A link without it was made for no one in particular.
      const bound = query.u === '1' ? (openid ?? '') : '';
      const expected = Buffer.from(sign([key, exp, name, type, bound]));
      const given = Buffer.from(sig);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        return { ok: false, status: 403, message: query.u === '1' ? '此链接仅供获得授权的本人打开，请在建议详情中重新打开' : '链接无效' };
      }
      if (!(Number(exp) > Date.parse(options.now()))) return { ok: false, status: 410, message: '链接已过期，请在建议详情中重新打开' };
      const content = await this.read(key);
      if (!content) return { ok: false, status: 404, message: '没有找到该文件' };
      return { ok: true, content, contentType: type, fileName: name };
    },
  };
}
