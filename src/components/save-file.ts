// A file the server made for the caller (the 台账 export), handed to the person the way the platform
// allows. The server keeps the file in storage and answers a short-lived link made for the caller
// (a file never travels inside a call): in the browser the link is downloaded under its Chinese name;
// in WeChat the file is downloaded (downloadFile) into the mini-program's user folder, then sent to a
// chat with shareFileMessage — which WeChat allows only in a tap (so it is a second button, 发送到聊天) —
// or, where that is not available, opened with openDocument, whose menu can also forward it.
import Taro from '@tarojs/taro';

export interface FileToSave {
  fileName: string;
  /** The short-lived link the action answered. */
  url: string;
  mimeType: string;
}

export type KeptFile = { kind: 'downloaded'; filename: string } | { kind: 'written'; filename: string; filePath: string };

/** The browser: a download of the link under the file's own name (the link is of this site). */
function download(file: FileToSave): KeptFile {
  const link = document.createElement('a');
  link.href = file.url;
  link.download = file.fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  return { kind: 'downloaded', filename: file.fileName };
}

/** WeChat: the file downloaded into the user folder, under a name with no path separators. */
async function write(file: FileToSave): Promise<KeptFile> {
  const safeName = file.fileName.replace(/[\\/:*?"<>|]/g, '_');
  const filePath = `${Taro.env.USER_DATA_PATH}/${safeName}`;
  const result = await Taro.downloadFile({ url: file.url, filePath });
  if (result.statusCode !== 200) throw new Error(`download answered ${result.statusCode}`);
  return { kind: 'written', filename: safeName, filePath };
}

/** Downloads the file (browser) or writes it for sending (WeChat). */
export function keepFile(file: FileToSave): Promise<KeptFile> {
  return process.env.TARO_ENV === 'weapp' ? write(file) : Promise.resolve(download(file));
}

const isCancel = (error: unknown) => /cancel/i.test(String((error as { errMsg?: string })?.errMsg ?? error));

function fileTypeOf(filename: string): string {
  const ext = /\.([a-z0-9]+)$/i.exec(filename)?.[1]?.toLowerCase();
  return ext ?? 'xlsx';
}

/**
 * WeChat, in a tap: sends the written file to a chat; where shareFileMessage is missing (older WeChat,
 * the PC client) or fails, opens it with openDocument instead. A cancel by the person is no failure.
 */
export async function sendToChat(file: KeptFile & { kind: 'written' }): Promise<'shared' | 'opened' | 'cancelled'> {
  const canShare = typeof Taro.shareFileMessage === 'function' && (typeof Taro.canIUse !== 'function' || Taro.canIUse('shareFileMessage'));
  if (canShare) {
    try {
      await Taro.shareFileMessage({ filePath: file.filePath, fileName: file.filename });
      return 'shared';
    } catch (error) {
      if (isCancel(error)) return 'cancelled';
    }
  }
  await Taro.openDocument({ filePath: file.filePath, fileType: fileTypeOf(file.filename) as 'xlsx', showMenu: true });
  return 'opened';
}
