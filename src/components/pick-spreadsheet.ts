// Picking the 交办清单 file, the one platform edge of the import page. In WeChat the coordinator
// picks a file sent to a chat (chooseMessageFile) and the file system reads it; in the browser a
// file input does the same. Either way the page gets the name and the bytes as base64.
import Taro from '@tarojs/taro';

export interface PickedFile {
  name: string;
  base64: string;
}

async function pickInWeChat(): Promise<PickedFile | null> {
  const chosen = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['csv', 'xlsx'] });
  const file = chosen.tempFiles[0];
  if (!file) return null;
  const read = await Taro.getFileSystemManager().readFileSync(file.path, 'base64');
  return { name: file.name, base64: String(read) };
}

function pickInBrowser(): Promise<PickedFile | null> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.csv,.xlsx';
    input.onchange = () => {
      const file = input.files?.[0];
      if (!file) return resolve(null);
      const reader = new FileReader();
      reader.onload = () => resolve({ name: file.name, base64: String(reader.result).replace(/^data:[^,]*,/, '') });
      reader.onerror = () => reject(reader.error);
      reader.readAsDataURL(file);
    };
    input.click();
  });
}

export function pickFile(): Promise<PickedFile | null> {
  return process.env.TARO_ENV === 'weapp' ? pickInWeChat() : pickInBrowser();
}
