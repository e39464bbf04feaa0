// The FileStore port on CloudBase cloud storage, through wx-server-sdk: uploadFile keeps the bytes
// and answers the fileID (cloud://<env>.<bucket>/<path>) that the record keeps; getTempFileURL makes
// the short-lived link (maxAge seconds); downloadFile reads; deleteFile removes. The storage's own
// security rules should deny clients direct reads (控制台 → 云存储 → 权限设置: 仅创建者可读写), so
// a file is reached only through a link the api function made after checking the caller.
import { FILE_LINK_SECONDS, type FileLink, type FileLinkOptions, type FileStore } from '../../ports';
import { assertFileKey } from './folder.files';

/** The part of wx-server-sdk's `cloud` this adapter uses (wx-server-sdk 4.x, index.d.ts). */
export interface CloudStorageApi {
  uploadFile(options: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID: string }>;
  getTempFileURL(options: { fileList: { fileID: string; maxAge: number }[] }): Promise<{
    fileList: { fileID: string; tempFileURL: string; status: number; errMsg: string }[];
  }>;
  downloadFile(options: { fileID: string }): Promise<{ fileContent: Buffer }>;
  deleteFile(options: { fileList: string[] }): Promise<{ fileList: { fileID: string; status: number; errMsg: string }[] }>;
}

/** wx-server-sdk's code for a file that is not there (TCB_ERR_CODE.STORAGE_FILE_NONEXIST). */
export const STORAGE_FILE_NONEXIST = -503003;

/** The SDK throws plain { errCode, errMsg } objects: turn them into Errors with a readable message. */
function sdkError(what: string, error: unknown): Error {
  if (error instanceof Error) return error;
  const e = error as { errCode?: number; errMsg?: string };
  return new Error(`cloud storage ${what} failed: ${e?.errCode ?? '?'} ${e?.errMsg ?? String(error)}`);
}

export function openCloudBaseFileStore(cloud: CloudStorageApi, options: { prefix?: string; now?: () => string } = {}): FileStore {
  const prefix = options.prefix ?? 'jianyitong';
  const now = options.now ?? (() => new Date().toISOString());
  return {
    async put(key, content) {
      assertFileKey(key);
      try {
        const { fileID } = await cloud.uploadFile({ cloudPath: `${prefix}/${key}`, fileContent: content });
        return fileID;
      } catch (error) {
        throw sdkError('upload', error);
      }
    },
    async link(ref: string, o: FileLinkOptions): Promise<FileLink> {
      const maxAge = o.ttlSeconds ?? FILE_LINK_SECONDS;
      let answer;
      try {
        answer = await cloud.getTempFileURL({ fileList: [{ fileID: ref, maxAge }] });
      } catch (error) {
        throw sdkError('link', error);
      }
      const [file] = answer.fileList;
      if (!file || file.status !== 0 || !file.tempFileURL) throw new Error(`cloud storage link failed: ${file?.status ?? 'no answer'} ${file?.errMsg ?? ''}`);
      // The temporary URL is the bearer: it opens the file for anyone holding it until maxAge passes.
      return { url: file.tempFileURL, expiresAt: new Date(Date.parse(now()) + maxAge * 1000).toISOString() };
    },
    async read(ref) {
      try {
        return (await cloud.downloadFile({ fileID: ref })).fileContent;
      } catch (error) {
        // node-sdk's downloadFile first asks for a link; a missing file fails there with this code.
        const e = error as { errCode?: number; code?: string };
        if (e?.code === 'STORAGE_FILE_NONEXIST' || e?.errCode === STORAGE_FILE_NONEXIST) return undefined;
        throw sdkError('download', error);
      }
    },
    async remove(ref) {
      let answer;
      try {
        answer = await cloud.deleteFile({ fileList: [ref] });
      } catch (error) {
        throw sdkError('delete', error);
      }
      const failed = answer.fileList.find((f) => f.status !== 0 && f.status !== STORAGE_FILE_NONEXIST);
      if (failed) throw new Error(`cloud storage delete failed: ${failed.status} ${failed.errMsg}`);
    },
  };
}
