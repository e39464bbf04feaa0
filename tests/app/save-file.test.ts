import Taro from '@tarojs/taro';
import { keepFile, sendToChat } from '../../src/components/save-file';

// The export handed over in WeChat (the mini-program build): written to the user folder, then sent to
// a chat in a tap, or opened where sending is not available. Taro's WeChat APIs are stood in for here;
// the browser's download is proven in a real Chromium (tests/e2e/office-desk.test.ts).

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const file = { filename: '建议办理台账-2026-11-27.xlsx', mimeType: XLSX, encoding: 'base64' as const, content: Buffer.from('PK workbook').toString('base64') };

type Api = Record<string, unknown>;
const taro = Taro as unknown as Api;
const saved: Api = {};

function stand(api: Api): void {
  for (const [name, value] of Object.entries(api)) {
    if (!(name in saved)) saved[name] = taro[name];
    taro[name] = value;
  }
}

let writeFileSync: jest.Mock;
beforeEach(() => {
  process.env.TARO_ENV = 'weapp';
  writeFileSync = jest.fn();
  stand({ env: { USER_DATA_PATH: 'wxfile://usr' }, getFileSystemManager: () => ({ writeFileSync }) });
});
afterEach(() => {
  process.env.TARO_ENV = 'h5';
  for (const [name, value] of Object.entries(saved)) taro[name] = value;
  for (const name of Object.keys(saved)) delete saved[name];
});

describe('a file in WeChat', () => {
  it('is written in the user folder under its name, as bytes from base64 or as text', () => {
    const kept = keepFile(file);
    expect(kept).toEqual({ kind: 'written', filename: '建议办理台账-2026-11-27.xlsx', filePath: 'wxfile://usr/建议办理台账-2026-11-27.xlsx' });
    expect(writeFileSync).toHaveBeenCalledWith('wxfile://usr/建议办理台账-2026-11-27.xlsx', file.content, 'base64');
    keepFile({ ...file, filename: '台账/2026.csv', encoding: 'utf8', content: '\uFEFF建议号' });
    expect(writeFileSync).toHaveBeenLastCalledWith('wxfile://usr/台账_2026.csv', '\uFEFF建议号', 'utf8');
  });

  it('is sent to a chat with shareFileMessage where WeChat has it', async () => {
    const shareFileMessage = jest.fn().mockResolvedValue({ errMsg: 'shareFileMessage:ok' });
    const openDocument = jest.fn().mockResolvedValue({});
    stand({ shareFileMessage, openDocument, canIUse: (name: string) => name === 'shareFileMessage' });
    const kept = keepFile(file);
    if (kept.kind !== 'written') throw new Error('not written');
    await expect(sendToChat(kept)).resolves.toBe('shared');
    expect(shareFileMessage).toHaveBeenCalledWith({ filePath: 'wxfile://usr/建议办理台账-2026-11-27.xlsx', fileName: '建议办理台账-2026-11-27.xlsx' });
    expect(openDocument).not.toHaveBeenCalled();
  });

  it('is opened with openDocument (its menu forwards it) where shareFileMessage is not available', async () => {
    const shareFileMessage = jest.fn();
    const openDocument = jest.fn().mockResolvedValue({});
    stand({ shareFileMessage, openDocument, canIUse: () => false });
    const kept = keepFile(file);
    if (kept.kind !== 'written') throw new Error('not written');
    await expect(sendToChat(kept)).resolves.toBe('opened');
    expect(shareFileMessage).not.toHaveBeenCalled();
    expect(openDocument).toHaveBeenCalledWith({ filePath: 'wxfile://usr/建议办理台账-2026-11-27.xlsx', fileType: 'xlsx', showMenu: true });
  });

  it('is opened when sending fails, and left alone when the person cancels', async () => {
    const openDocument = jest.fn().mockResolvedValue({});
    stand({ openDocument, canIUse: () => true, shareFileMessage: jest.fn().mockRejectedValue({ errMsg: 'shareFileMessage:fail no permission' }) });
    const kept = keepFile(file);
    if (kept.kind !== 'written') throw new Error('not written');
    await expect(sendToChat(kept)).resolves.toBe('opened');
    expect(openDocument).toHaveBeenCalledTimes(1);
    stand({ shareFileMessage: jest.fn().mockRejectedValue({ errMsg: 'shareFileMessage:fail cancel' }) });
    await expect(sendToChat(kept)).resolves.toBe('cancelled');
    expect(openDocument).toHaveBeenCalledTimes(1);
  });
});
