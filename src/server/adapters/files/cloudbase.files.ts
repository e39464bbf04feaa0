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

/** The most files one getTempFileURL call takes. */
const LINKS_PER_CALL = 50;

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
  /**
   * getTempFileURL takes a list of files and answers one entry a file in the same order, at most 50 in
   * one call (developers.weixin.qq.com, 云开发 服务端 API getTempFileURL: "一次最多取 50 个").
   */
  async function links(files: readonly { ref: string; options: FileLinkOptions }[]): Promise<FileLink[]> {
    const out: FileLink[] = [];
    for (let i = 0; i < files.length; i += LINKS_PER_CALL) {
      const chunk = files.slice(i, i + LINKS_PER_CALL);
      const fileList = chunk.map((f) => ({ fileID: f.ref, maxAge: f.options.ttlSeconds ?? FILE_LINK_SECONDS }));
      let answer;
      try {
        answer = await cloud.getTempFileURL({ fileList });
      } catch (error) {
        throw sdkError('link', error);
      }
      chunk.forEach((f, k) => {
        const file = answer.fileList.find((x) => x.fileID === f.ref) ?? answer.fileList[k];
        if (!file || file.status !== 0 || !file.tempFileURL) throw new Error(`cloud storage link failed: ${file?.status ?? 'no answer'} ${file?.errMsg ?? ''}`);
        // The temporary URL is the bearer: it opens the file for anyone holding it until maxAge passes.
        out.push({ url: file.tempFileURL, expiresAt: new Date(Date.parse(now()) + fileList[k]!.maxAge * 1000).toISOString() });
      });
    }
    return out;
  }

  return {
    root: `${prefix}/`,
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
      return (await links([{ ref, options: o }]))[0]!;
    },
    links,
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
