// Picking a spreadsheet (the 交办清单, the delegation's deputies), the one platform edge of the import
// pages. In WeChat the office picks a file sent to a chat (chooseMessageFile) and the file system reads
// uploads it to cloud storage; in the browser a file input picks it and the gateway's upload keeps it.
// Either way the page gets the name and the fileID to call the import with (src/api/upload.ts), and
// the format its name says. A failed upload throws an error whose words uploadMessageOf gives.
import Taro from '@tarojs/taro';
import { uploadFile, type LocalFile } from '../api/upload';

export interface PickedFile {
  name: string;
  fileID: string;
}

async function pickInWeChat(): Promise<LocalFile | null> {
  const chosen = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['csv', 'xlsx'] });
  const file = chosen.tempFiles[0];
  if (!file) return null;
  return { name: file.name, path: file.path };
}

function pickInBrowser(): Promise<LocalFile | null> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.csv,.xlsx';
    input.onchange = () => {
      const file = input.files?.[0];
      resolve(file ? { name: file.name, blob: file } : null);
    };
    input.onerror = () => reject(new Error('file input failed'));
    input.click();
  });
}

/** Picks a list and uploads it; null when nothing was picked. */
export async function pickFile(): Promise<PickedFile | null> {
  const file = process.env.TARO_ENV === 'weapp' ? await pickInWeChat() : await pickInBrowser();
  if (!file) return null;
  return { name: file.name, fileID: await uploadFile(file) };
}

/** The spreadsheet format a file's name says (.xlsx or .csv), or null for anything else. */
export function spreadsheetFormatOf(name: string): 'csv' | 'xlsx' | null {
  const lower = name.toLowerCase();
  if (lower.endsWith('.xlsx')) return 'xlsx';
  if (lower.endsWith('.csv')) return 'csv';
  return null;
}
