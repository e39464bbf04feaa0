// POST /upload: the browser's wx.cloud.uploadFile. The H5 app sends a file's bytes (an import list,
// a photo or scan) as the request body, named by ?name=; the gateway keeps it through the local file
// store in the session's own upload folder (uploads/<hash of the openid>/<random>.<ext>, the folder
// an action accepts a fileID from) and answers { ok, data: { fileID } }. Only the logged-in session
// may upload, only from this site's pages, only the extensions of imports and attachments, at most
// MAX_UPLOAD_BYTES (docs/security.md, Uploads).
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { FolderFileStore } from '../adapters/files/folder.files';
import { MAX_UPLOAD_BYTES, UPLOAD_EXTENSIONS, uploadFolderOf } from '../papers/uploads';

export const UPLOAD_ROUTE = '/upload';

const envelope = (code: string, message: string) => ({ ok: false as const, error: { code, message } });

export interface UploadOptions {
  files: FolderFileStore;
  /** The session's openid (the cookie the dev login or the first visit set). */
  sessionOf(req: FastifyRequest): string | undefined;
  /** Why a request does not come from this site's own pages (undefined: it does). */
  sameSite(req: FastifyRequest): string | undefined;
}

export async function registerUploads(app: FastifyInstance, options: UploadOptions): Promise<void> {
  // Raw bytes are read here only: the rest of the gateway takes JSON alone.
  await app.register(async (scope) => {
    scope.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: MAX_UPLOAD_BYTES }, (_req, body, done) => done(null, body));
    scope.post<{ Querystring: { name?: string } }>(UPLOAD_ROUTE, { bodyLimit: MAX_UPLOAD_BYTES }, async (req, reply) => {
      const problem = options.sameSite(req);
      if (problem) return reply.code(403).send(envelope('FORBIDDEN', problem));
      const openid = options.sessionOf(req);
      if (!openid) return reply.code(401).send(envelope('UNAUTHENTICATED', '请先登录后再上传文件'));
      const extension = (/\.([A-Za-z0-9]{1,5})$/.exec(String(req.query.name ?? ''))?.[1] ?? '').toLowerCase();
      if (!(UPLOAD_EXTENSIONS as readonly string[]).includes(extension)) {
        return reply.code(400).send(envelope('VALIDATION', '只能上传 Excel（xlsx）、CSV 表格，或 JPG、PNG 图片、PDF 文件'));
      }
      const body = req.body;
      if (!Buffer.isBuffer(body)) return reply.code(415).send(envelope('VALIDATION', '上传内容应为文件本身'));
      if (body.length === 0) return reply.code(400).send(envelope('VALIDATION', '上传的文件是空的，请重新选择'));
      const fileID = await options.files.put(`${uploadFolderOf(openid)}/${randomUUID().replace(/-/g, '')}.${extension}`, body, 'application/octet-stream');
      return { ok: true, data: { fileID } };
    });
  });
}
