// A file the server made for the caller (the 台账 export), handed to the person the way the platform
// allows: in the browser a real download under its Chinese name; in WeChat the file is written to the
// mini-program's user folder, then sent to a chat with shareFileMessage — which WeChat allows only in a
// tap (so it is a second button, 发送到聊天) — or, where that is not available, opened with
// openDocument, whose menu can also forward it.
import Taro from '@tarojs/taro';

export interface FileToSave {
  filename: string;
  mimeType: string;
  /** base64: content is the file's bytes in base64; utf8: content is the text itself. */
  encoding: 'base64' | 'utf8';
  content: string;
}

export type KeptFile = { kind: 'downloaded'; filename: string } | { kind: 'written'; filename: string; filePath: string };

function bytesOf(file: FileToSave): Uint8Array<ArrayBuffer> {
  if (file.encoding === 'utf8') return new Uint8Array(new TextEncoder().encode(file.content));
  const binary = atob(file.content);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The browser: a download of the bytes under the file's own name. */
function download(file: FileToSave): KeptFile {
  const blob = new Blob([bytesOf(file)], { type: file.mimeType });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.filename;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The download has taken the bytes once the click is handled; the link is freed a moment later.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return { kind: 'downloaded', filename: file.filename };
}

/** WeChat: the file in the user folder, under a name with no path separators. */
function write(file: FileToSave): KeptFile {
  const safeName = file.filename.replace(/[\\/:*?"<>|]/g, '_');
  const filePath = `${Taro.env.USER_DATA_PATH}/${safeName}`;
  Taro.getFileSystemManager().writeFileSync(filePath, file.content, file.encoding === 'base64' ? 'base64' : 'utf8');
  return { kind: 'written', filename: safeName, filePath };
}

/** Downloads the file (browser) or writes it for sending (WeChat). */
export function keepFile(file: FileToSave): KeptFile {
  return process.env.TARO_ENV === 'weapp' ? write(file) : download(file);
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
