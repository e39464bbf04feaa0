// A local HTTP listener that answers wx-server-sdk's cloud-storage requests as the CloudBase service
// and COS do, so the FileStore's CloudBase adapter runs through the real SDK. Request and answer
// shapes follow the SDK's own source (@cloudbase/node-sdk src/storage/index.ts, which wx-server-sdk
// 4.x calls; per-file codes are those of wx-server-sdk's TCB_ERR_CODE):
// - uploadFile: POST {action: 'storage.getUploadMetadata', path, method: 'put'} answered with
//   {data: {url, token, authorization, fileId, cosFileId}}; then PUT <url> with the bytes and the
//   headers authorization / x-cos-security-token / x-cos-meta-fileid; COS answers an empty body on
//   success or an XML <Error><Code>…</Code><Message>…</Message>… (node-sdk parses it with xml2js).
// - getTempFileURL: POST {action: 'storage.batchGetDownloadUrl', file_list: [{fileid, max_age}]}
//   answered with {data: {download_list: [{fileID, tempFileURL, code}]}}; a missing file has code
//   STORAGE_FILE_NONEXIST and no URL. The URL carries a signature and works until max_age passes.
// - deleteFile: POST {action: 'storage.batchDeleteFile', fileid_list} answered with
//   {data: {delete_list: [{fileID, code}]}}.
// COS refuses an object over its single-PUT limit; here a smaller limit (maxObjectBytes) stands in,
// answered as COS does (EntityTooLarge).
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StorageListener {
  url: string;
  env: string;
  /** Objects by cloud path. */
  objects: Map<string, Buffer>;
  actions: string[];
  /** COS's object size limit, lowered for a test (undefined: none). */
  setMaxObjectBytes(bytes: number | undefined): void;
  /** Time passes for temporary URLs (seconds added to the real clock). */
  advance(seconds: number): void;
  close(): Promise<void>;
}

const xmlError = (code: string, message: string) =>
  `<?xml version='1.0' encoding='utf-8' ?>\n<Error><Code>${code}</Code><Message>${message}</Message><Resource>/</Resource><RequestId>cos-req</RequestId><TraceId>trace</TraceId></Error>`;

export async function startStorageListener(options: { env?: string; maxObjectBytes?: number } = {}): Promise<StorageListener> {
  const env = options.env ?? 'test-env';
  const bucket = `7465-${env}-1250000000`;
  const objects = new Map<string, Buffer>();
  const actions: string[] = [];
  const issued = new Map<string, string>(); // cloud path → authorization issued for its upload
  let skew = 0;
  let maxObjectBytes = options.maxObjectBytes;
  const now = () => Date.now() + skew * 1000;
  const sign = (path: string, t: number) => createHmac('sha256', 'cos').update(`${path}\n${t}`).digest('hex');
  const fileIdOf = (path: string) => `cloud://${env}.${bucket}/${path}`;
  const pathOf = (fileId: string) => (fileId.startsWith(`cloud://${env}.${bucket}/`) ? fileId.slice(`cloud://${env}.${bucket}/`.length) : undefined);
  let base = '';

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const url = new URL(req.url ?? '/', base);
      if (url.pathname.startsWith('/cos/')) {
        const path = decodeURIComponent(url.pathname.slice('/cos/'.length));
        if (req.method === 'PUT') {
          actions.push('cos.put');
          if (!issued.has(path) || req.headers.authorization !== issued.get(path)) {
            res.statusCode = 403;
            return res.end(xmlError('AccessDenied', 'Access Denied.'));
          }
          if (maxObjectBytes !== undefined && body.length > maxObjectBytes) {
            res.statusCode = 400;
            return res.end(xmlError('EntityTooLarge', 'Your proposed upload exceeds the maximum allowed object size.'));
          }
          objects.set(path, body);
          issued.delete(path);
          return res.end('');
        }
        actions.push('cos.get');
        const t = Number(url.searchParams.get('t'));
        if (url.searchParams.get('sign') !== sign(path, t) || !(t * 1000 > now())) {
          res.statusCode = 403;
          return res.end(xmlError('AccessDenied', 'Request has expired'));
        }
        const object = objects.get(path);
        if (!object) {
          res.statusCode = 404;
          return res.end(xmlError('NoSuchKey', 'The specified key does not exist.'));
        }
        return res.end(object);
      }
      const request = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
      const action = String(request.action);
      actions.push(action);
      res.setHeader('content-type', 'application/json');
      const answer = (data: unknown) => res.end(JSON.stringify({ data, requestId: `req-${actions.length}` }));
      switch (action) {
        case 'storage.getUploadMetadata': {
          const path = String(request.path);
          const authorization = `q-sign-algorithm=sha1&q-key=${actions.length}`;
          issued.set(path, authorization);
          return answer({ url: `${base}/cos/${encodeURI(path)}`, token: 'token', authorization, fileId: fileIdOf(path), cosFileId: `cos-${path}` });
        }
        case 'storage.batchGetDownloadUrl': {
          const list = request.file_list as { fileid: string; max_age?: number }[];
          return answer({
            download_list: list.map(({ fileid, max_age }) => {
              const path = pathOf(fileid);
              if (path === undefined || !objects.has(path)) return { fileID: fileid, tempFileURL: '', code: 'STORAGE_FILE_NONEXIST' };
              const t = Math.floor(now() / 1000) + Number(max_age ?? 86400);
              return { fileID: fileid, tempFileURL: `${base}/cos/${encodeURI(path)}?sign=${sign(path, t)}&t=${t}`, code: 'SUCCESS' };
            }),
          });
        }
        case 'storage.batchDeleteFile': {
          const list = request.fileid_list as string[];
          return answer({
            delete_list: list.map((fileid) => {
              const path = pathOf(fileid);
              if (path === undefined || !objects.delete(path)) return { fileID: fileid, code: 'STORAGE_FILE_NONEXIST' };
              return { fileID: fileid, code: 'SUCCESS' };
            }),
          });
        }
        default:
          res.statusCode = 200;
          return res.end(JSON.stringify({ code: 'INVALID_ACTION', message: `unknown action ${action}`, requestId: 'r' }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  base = `http://127.0.0.1:${port}`;
  return {
    url: `${base}/tcb`,
    env,
    objects,
    actions,
    setMaxObjectBytes: (bytes) => (maxObjectBytes = bytes),
    advance: (seconds) => (skew += seconds),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
