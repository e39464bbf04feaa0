// Picking a spreadsheet (the 交办清单, the delegation's deputies), the one platform edge of the import
// pages. In WeChat the office picks a file sent to a chat (chooseMessageFile) and the file system reads
// it; in the browser a file input does the same. Either way the page gets the name and the bytes as
// base64, and the format its name says.
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

/** The spreadsheet format a file's name says (.xlsx or .csv), or null for anything else. */
export function spreadsheetFormatOf(name: string): 'csv' | 'xlsx' | null {
  const lower = name.toLowerCase();
  if (lower.endsWith('.xlsx')) return 'xlsx';
  if (lower.endsWith('.csv')) return 'csv';
  return null;
}
