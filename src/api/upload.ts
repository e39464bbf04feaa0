// Putting a file in storage before an action takes it (docs/security.md, Uploads): a file never
// travels inside a call, whose request is at most 6 MB on CloudBase. In WeChat the file goes to cloud
// storage with wx.cloud.uploadFile, under the caller's own folder (`me.uploadFolder`); in the browser
// to the local gateway's POST /upload, which keeps it in the session's folder. Either way the answer
// is the fileID the action is called with. The transport is chosen by the build target.
import Taro from '@tarojs/taro';
import { call } from './client';

/** A file the person picked: in WeChat a temporary file path, in the browser the File itself. */
export type LocalFile = { name: string } & ({ path: string } | { blob: Blob });

/**
 * An upload that did not succeed, with the words to show: a plain Error named UploadError (a subclass
 * of Error is not told apart by instanceof once compiled to ES5 for WeChat).
 */
export function uploadError(message: string): Error {
  const error = new Error(message);
  error.name = 'UploadError';
  return error;
}

/** The words of a failed upload, or undefined for any other failure (a cancelled picker). */
export function uploadMessageOf(error: unknown): string | undefined {
  return error instanceof Error && error.name === 'UploadError' ? error.message : undefined;
}

const NETWORK = '文件上传失败，请检查网络后重试';

/** The extension the upload keeps (lower case): the server reads the format from it. */
function extensionOf(name: string): string {
  return (/\.([A-Za-z0-9]{1,5})$/.exec(name)?.[1] ?? 'bin').toLowerCase();
}

let folder: string | undefined;

/** The caller's upload folder, asked of the server once (identity comes from the platform, not the app). */
async function uploadFolder(): Promise<string> {
  if (folder) return folder;
  const me = await call('me', {});
  if (!me.ok) throw uploadError(me.error.message);
  if (!me.data.uploadFolder) throw uploadError('请先绑定身份后再上传文件');
  folder = me.data.uploadFolder;
  return folder;
}

async function uploadInWeChat(file: LocalFile & { path: string }): Promise<string> {
  const name = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}.${extensionOf(file.name)}`;
  const cloudPath = `${await uploadFolder()}/${name}`;
  try {
    const result = await Taro.cloud.uploadFile({ cloudPath, filePath: file.path });
    return result.fileID;
  } catch {
    throw uploadError(NETWORK);
  }
}

async function uploadInBrowser(file: LocalFile & { blob: Blob }): Promise<string> {
  let body: { ok?: boolean; data?: { fileID?: string }; error?: { message?: string } };
  try {
    const response = await fetch(`/upload?name=${encodeURIComponent(file.name)}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/octet-stream' },
      body: file.blob,
    });
    body = (await response.json()) as typeof body;
  } catch {
    throw uploadError(NETWORK);
  }
  if (!body.ok || !body.data?.fileID) throw uploadError(body.error?.message ?? NETWORK);
  return body.data.fileID;
}

/** Uploads the file and answers its fileID; a failure's words are uploadMessageOf(error). */
export function uploadFile(file: LocalFile): Promise<string> {
  if ('path' in file) return uploadInWeChat(file);
  return uploadInBrowser(file);
}
