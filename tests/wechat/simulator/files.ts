// The simulated phone's files and WeChat's file APIs, answered by the office's real file store
// (the folder store the api writes, as cloud storage behind the cloud function in production):
// - the phone's own files are wxfile:// paths (a picked file, a download);
// - wx.cloud.uploadFile({ cloudPath, filePath }) keeps the phone's file at cloudPath in the store and
//   answers its fileID, as cloud storage does;
// - wx.cloud.downloadFile({ fileID }) and wx.downloadFile({ url, filePath? }) put a stored file on the
//   phone: a link the api made is opened through the store's own checks (signature, expiry, caller),
//   with the simulated user's OPENID, answering its HTTP status as a server would.
import { FILE_ROUTE, type FileOpenResult } from '../../../src/server/adapters/files/folder.files';

/** The part of the office's file store the phone reaches. */
export interface OfficeFiles {
  put(key: string, content: Buffer, contentType: string): Promise<string>;
  read(ref: string): Promise<Buffer | undefined>;
  open(key: string, query: Record<string, string | undefined>, openid: string | undefined): Promise<FileOpenResult>;
}

export interface PhoneFiles {
  /** The file the person picks next (chooseMessageFile / chooseMedia); none offered: the picker is cancelled. */
  offer(file: { name: string; content: Buffer } | undefined): void;
  picked(kind: 'file' | 'media'): Record<string, unknown>;
  upload(cloudPath: string, filePath: string): Promise<Record<string, unknown>>;
  downloadCloud(fileID: string): Promise<Record<string, unknown>>;
  download(url: string, filePath?: string): Promise<Record<string, unknown>>;
  /** A file on the phone. */
  read(filePath: string): Buffer | undefined;
}

export function phoneFiles(office: OfficeFiles | undefined, openid: () => string | undefined): PhoneFiles {
  const disk = new Map<string, Buffer>();
  let offered: { name: string; content: Buffer } | undefined;
  let seq = 0;
  const store = () => {
    if (!office) throw new Error('the simulated office has no file store');
    return office;
  };
  const temp = (name: string) => `wxfile://tmp_${(seq += 1)}_${name.replace(/[^A-Za-z0-9.]/g, '') || 'file'}`;
  return {
    offer(file) {
      offered = file;
    },
    picked(kind) {
      if (!offered) throw new Error('cancel');
      const path = temp(offered.name.split('.').pop() ?? 'bin');
      disk.set(path, offered.content);
      const file = offered;
      offered = undefined;
      return kind === 'file' ? { name: file.name, path, size: file.content.length, type: 'file', time: 0 } : { tempFilePath: path, size: file.content.length, fileType: 'image' };
    },
    async upload(cloudPath, filePath) {
      const bytes = disk.get(filePath);
      if (!bytes) throw new Error(`no file at ${filePath}`);
      return { fileID: await store().put(cloudPath, bytes, 'application/octet-stream'), statusCode: 200 };
    },
    async downloadCloud(fileID) {
      const bytes = await store().read(fileID);
      if (!bytes) throw new Error('STORAGE_FILE_NONEXIST');
      const tempFilePath = temp('download');
      disk.set(tempFilePath, bytes);
      return { tempFilePath, statusCode: 200 };
    },
    async download(url, filePath) {
      if (!url.startsWith(FILE_ROUTE)) return { statusCode: 404, ...(filePath ? { filePath } : { tempFilePath: '' }) };
      const target = new URL(url, 'https://office.local');
      const opened = await store().open(decodeURIComponent(target.pathname.slice(FILE_ROUTE.length)), Object.fromEntries(target.searchParams), openid());
      const path = filePath ?? temp('download');
      if (opened.ok) disk.set(path, opened.content);
      return { statusCode: opened.ok ? 200 : opened.status, ...(filePath ? { filePath: path } : { tempFilePath: path }) };
    },
    read: (filePath) => disk.get(filePath),
  };
}
