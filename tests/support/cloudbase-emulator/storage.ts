// Cloud storage in the CloudBase emulator: what wx-server-sdk's uploadFile, getTempFileURL,
// downloadFile and deleteFile send, answered as the storage service and COS do. Shapes from the SDK's
// own source (@cloudbase/node-sdk src/storage/index.ts, which wx-server-sdk 4 calls; per-file codes
// are those of wx-server-sdk's TCB_ERR_CODE):
// - uploadFile: POST { action: 'storage.getUploadMetadata', path, method: 'put' } answered with
//   { data: { url, token, authorization, fileId, cosFileId } }; then PUT <url> with the bytes and the
//   headers authorization / x-cos-security-token / x-cos-meta-fileid. COS answers an empty body on
//   success or an XML <Error><Code>…</Code><Message>…</Message><RequestId/><TraceId/></Error>, which
//   node-sdk parses with xml2js (SignatureDoesNotMatch → SYS_ERR, others → STORAGE_REQUEST_FAIL).
// - getTempFileURL: POST { action: 'storage.batchGetDownloadUrl', file_list: [{ fileid, max_age }] }
//   answered with { data: { download_list: [{ fileID, tempFileURL, code }] } }; a missing file has
//   code STORAGE_FILE_NONEXIST and no URL. The URL is signed and works until max_age has passed
//   (by the emulator's clock). downloadFile asks for such a URL and GETs it.
// - deleteFile: POST { action: 'storage.batchDeleteFile', fileid_list } answered with
//   { data: { delete_list: [{ fileID, code }] } }, STORAGE_FILE_NONEXIST for a file not there.
// COS refuses an object over its single-PUT limit (5 GB); setMaxObjectBytes lowers it for a test,
// answered as COS does (EntityTooLarge).
import { createHmac } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export class StorageError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const xmlError = (code: string, message: string) =>
  `<?xml version='1.0' encoding='utf-8' ?>\n<Error><Code>${code}</Code><Message>${message}</Message><Resource>/</Resource><RequestId>emu-cos</RequestId><TraceId>emu-trace</TraceId></Error>`;

export interface EmulatedStorage {
  /** The answer's data to a storage.* action. */
  action(action: string, body: Record<string, unknown>): Record<string, unknown>;
  /** A request to the COS side (PUT an upload, GET a temporary URL). */
  cos(req: IncomingMessage, res: ServerResponse, body: Buffer): void;
  /** Objects by cloud path. */
  objects: Map<string, Buffer>;
  setMaxObjectBytes(bytes: number | undefined): void;
  reset(): void;
}

export function createStorage(options: { env: string; base: () => string; now: () => number }): EmulatedStorage {
  const bucket = `7465-${options.env}-1250000000`;
  const prefix = `cloud://${options.env}.${bucket}/`;
  const objects = new Map<string, Buffer>();
  const issued = new Map<string, string>(); // cloud path → the authorization issued for its upload
  let maxObjectBytes: number | undefined;
  let seq = 0;
  const sign = (path: string, t: number) => createHmac('sha256', 'emulated-cos').update(`${path}\n${t}`).digest('hex');
  const pathOf = (fileId: string) => (fileId.startsWith(prefix) ? fileId.slice(prefix.length) : undefined);

  return {
    objects,
    setMaxObjectBytes: (bytes) => (maxObjectBytes = bytes),
    reset() {
      objects.clear();
      issued.clear();
      maxObjectBytes = undefined;
    },
    action(action, body) {
      switch (action) {
        case 'storage.getUploadMetadata': {
          const path = String(body.path ?? '');
          if (!path) throw new StorageError('INVALID_PARAM', 'path is required');
          const authorization = `q-sign-algorithm=sha1&q-ak=emu&q-key-time=${(seq += 1)}`;
          issued.set(path, authorization);
          return { url: `${options.base()}/cos/${encodeURI(path)}`, token: 'emu-token', authorization, fileId: `${prefix}${path}`, cosFileId: `emu-${path}` };
        }
        case 'storage.batchGetDownloadUrl': {
          const list = (body.file_list ?? []) as { fileid: string; max_age?: number }[];
          return {
            download_list: list.map(({ fileid, max_age }) => {
              const path = pathOf(fileid);
              if (path === undefined || !objects.has(path)) return { fileID: fileid, tempFileURL: '', code: 'STORAGE_FILE_NONEXIST' };
              const t = Math.floor(options.now() / 1000) + Number(max_age ?? 86400);
              return { fileID: fileid, tempFileURL: `${options.base()}/cos/${encodeURI(path)}?sign=${sign(path, t)}&t=${t}`, code: 'SUCCESS' };
            }),
          };
        }
        case 'storage.batchDeleteFile': {
          const list = (body.fileid_list ?? []) as string[];
          return {
            delete_list: list.map((fileid) => {
              const path = pathOf(fileid);
              return path !== undefined && objects.delete(path) ? { fileID: fileid, code: 'SUCCESS' } : { fileID: fileid, code: 'STORAGE_FILE_NONEXIST' };
            }),
          };
        }
        default:
          throw new StorageError('INVALID_ACTION', `action ${action} is not emulated`);
      }
    },
    cos(req, res, body) {
      const url = new URL(req.url ?? '/', options.base());
      const path = decodeURIComponent(url.pathname.slice('/cos/'.length));
      if (req.method === 'PUT') {
        if (!issued.has(path) || req.headers.authorization !== issued.get(path)) {
          res.statusCode = 403;
          res.end(xmlError('AccessDenied', 'Access Denied.'));
          return;
        }
        if (maxObjectBytes !== undefined && body.length > maxObjectBytes) {
          res.statusCode = 400;
          res.end(xmlError('EntityTooLarge', 'Your proposed upload exceeds the maximum allowed object size.'));
          return;
        }
        objects.set(path, body);
        issued.delete(path);
        res.end('');
        return;
      }
      const t = Number(url.searchParams.get('t'));
      if (url.searchParams.get('sign') !== sign(path, t) || !(t * 1000 > options.now())) {
        res.statusCode = 403;
        res.end(xmlError('AccessDenied', 'Request has expired'));
        return;
      }
      const object = objects.get(path);
      if (!object) {
        res.statusCode = 404;
        res.end(xmlError('NoSuchKey', 'The specified key does not exist.'));
        return;
      }
      res.end(object);
    },
  };
}
