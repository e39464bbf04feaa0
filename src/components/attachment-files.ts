// The platform edges of files: choosing a photo or scan on the phone or in the browser, and opening
// a file from a short-lived link. In WeChat a photo comes from chooseMedia (camera or album,
// compressed) and a PDF from chooseMessageFile (a file sent to a chat); in the browser from a file
// input. Either way the page gets the name and the bytes as base64 for attachments.add.
// Opening a file is src/components/open-file.ts.
import Taro from '@tarojs/taro';

export interface PickedFile {
  name: string;
  base64: string;
  size: number;
}

const ACCEPT = ['jpg', 'jpeg', 'png', 'pdf'];

async function readBase64(path: string): Promise<string> {
  return String(Taro.getFileSystemManager().readFileSync(path, 'base64'));
}

async function pickInWeChat(kind: 'photo' | 'file'): Promise<PickedFile | null> {
  if (kind === 'photo') {
    const chosen = await Taro.chooseMedia({ count: 1, mediaType: ['image'], sizeType: ['compressed'], sourceType: ['camera', 'album'] });
    const file = chosen.tempFiles[0];
    if (!file) return null;
    const ext = /\.(png|jpe?g)$/i.exec(file.tempFilePath)?.[1]?.toLowerCase() ?? 'jpg';
    return { name: `照片-${Date.now()}.${ext}`, base64: await readBase64(file.tempFilePath), size: file.size };
  }
  const chosen = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ACCEPT });
  const file = chosen.tempFiles[0];
  if (!file) return null;
  return { name: file.name, base64: await readBase64(file.path), size: file.size };
}

function pickInBrowser(): Promise<PickedFile | null> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.jpg,.jpeg,.png,.pdf,image/jpeg,image/png,application/pdf';
    input.onchange = () => {
      const file = input.files?.[0];
      if (!file) return resolve(null);
      const reader = new FileReader();
      reader.onload = () => resolve({ name: file.name, size: file.size, base64: String(reader.result).replace(/^data:[^,]*,/, '') });
      reader.onerror = () => reject(reader.error);
      reader.readAsDataURL(file);
    };
    input.click();
  });
}

export function pickAttachment(kind: 'photo' | 'file'): Promise<PickedFile | null> {
  return process.env.TARO_ENV === 'weapp' ? pickInWeChat(kind) : pickInBrowser();
}
