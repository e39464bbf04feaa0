// The platform edges of files: choosing a photo or scan on the phone or in the browser, and opening
// a file from a short-lived link. In WeChat a photo comes from chooseMedia (camera or album,
// compressed) and a PDF from chooseMessageFile (a file sent to a chat); in the browser from a file
// input. Either way the file is uploaded to storage (src/api/upload.ts) and the page gets the name
// and the fileID for attachments.add. Opening a file is src/components/open-file.ts.
import Taro from '@tarojs/taro';
import { uploadError, uploadFile, type LocalFile } from '../api/upload';

export interface PickedFile {
  name: string;
  fileID: string;
  size: number;
}

type Chosen = LocalFile & { size: number };

const ACCEPT = ['jpg', 'jpeg', 'png', 'pdf'];

async function pickInWeChat(kind: 'photo' | 'file'): Promise<Chosen | null> {
  if (kind === 'photo') {
    const chosen = await Taro.chooseMedia({ count: 1, mediaType: ['image'], sizeType: ['compressed'], sourceType: ['camera', 'album'] });
    const file = chosen.tempFiles[0];
    if (!file) return null;
    const ext = /\.(png|jpe?g)$/i.exec(file.tempFilePath)?.[1]?.toLowerCase() ?? 'jpg';
    return { name: `照片-${Date.now()}.${ext}`, path: file.tempFilePath, size: file.size };
  }
  const chosen = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ACCEPT });
  const file = chosen.tempFiles[0];
  if (!file) return null;
  return { name: file.name, path: file.path, size: file.size };
}

function pickInBrowser(): Promise<Chosen | null> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.jpg,.jpeg,.png,.pdf,image/jpeg,image/png,application/pdf';
    input.onchange = () => {
      const file = input.files?.[0];
      resolve(file ? { name: file.name, size: file.size, blob: file } : null);
    };
    input.onerror = () => reject(new Error('file input failed'));
    input.click();
  });
}

/** Picks a photo or file and uploads it (a file over maxBytes is refused before); null when nothing was picked. */
export async function pickAttachment(kind: 'photo' | 'file', tooLarge?: { maxBytes: number; message: string }): Promise<PickedFile | null> {
  const file = process.env.TARO_ENV === 'weapp' ? await pickInWeChat(kind) : await pickInBrowser();
  if (!file) return null;
  if (tooLarge && file.size > tooLarge.maxBytes) throw uploadError(tooLarge.message);
  return { name: file.name, size: file.size, fileID: await uploadFile(file) };
}
