import Taro from '@tarojs/taro';
import { keepFile, sendToChat } from '../../src/components/save-file';

// The export handed over in WeChat (the mini-program build): downloaded from the link the server made
// into the user folder, then sent to a chat in a tap, or opened where sending is not available. Taro's WeChat APIs are stood in for here;
// the browser's download is proven in a real Chromium (tests/e2e/office-desk.test.ts).

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const file = { fileName: '建议办理台账-2026-11-27.xlsx', mimeType: XLSX, url: 'https://7465-env.tcb.qcloud.la/exports/ledger.xlsx?sign=abc&t=1' };

type Api = Record<string, unknown>;
const taro = Taro as unknown as Api;
const saved: Api = {};

function stand(api: Api): void {
  for (const [name, value] of Object.entries(api)) {
    if (!(name in saved)) saved[name] = taro[name];
    taro[name] = value;
  }
}

let downloadFile: jest.Mock;
beforeEach(() => {
  process.env.TARO_ENV = 'weapp';
  downloadFile = jest.fn(async (o: { filePath: string }) => ({ statusCode: 200, filePath: o.filePath, errMsg: 'downloadFile:ok' }));
  stand({ env: { USER_DATA_PATH: 'wxfile://usr' }, downloadFile });
});
afterEach(() => {
  process.env.TARO_ENV = 'h5';
  for (const [name, value] of Object.entries(saved)) taro[name] = value;
  for (const name of Object.keys(saved)) delete saved[name];
});

describe('a file in WeChat', () => {
  it('is downloaded from its link into the user folder under its name, a path in the name dropped', async () => {
    const kept = await keepFile(file);
    expect(kept).toEqual({ kind: 'written', filename: '建议办理台账-2026-11-27.xlsx', filePath: 'wxfile://usr/建议办理台账-2026-11-27.xlsx' });
    expect(downloadFile).toHaveBeenCalledWith({ url: file.url, filePath: 'wxfile://usr/建议办理台账-2026-11-27.xlsx' });
    await keepFile({ ...file, fileName: '台账/2026.csv' });
    expect(downloadFile).toHaveBeenLastCalledWith({ url: file.url, filePath: 'wxfile://usr/台账_2026.csv' });
  });

  it('fails when the link no longer opens (expired), rather than keeping an error page', async () => {
    downloadFile.mockResolvedValueOnce({ statusCode: 403, tempFilePath: '', errMsg: 'downloadFile:ok' });
    await expect(keepFile(file)).rejects.toThrow(/403/);
  });

  it('is sent to a chat with shareFileMessage where WeChat has it', async () => {
    const shareFileMessage = jest.fn().mockResolvedValue({ errMsg: 'shareFileMessage:ok' });
    const openDocument = jest.fn().mockResolvedValue({});
    stand({ shareFileMessage, openDocument, canIUse: (name: string) => name === 'shareFileMessage' });
    const kept = await keepFile(file);
    if (kept.kind !== 'written') throw new Error('not written');
    await expect(sendToChat(kept)).resolves.toBe('shared');
    expect(shareFileMessage).toHaveBeenCalledWith({ filePath: 'wxfile://usr/建议办理台账-2026-11-27.xlsx', fileName: '建议办理台账-2026-11-27.xlsx' });
    expect(openDocument).not.toHaveBeenCalled();
  });

  it('is opened with openDocument (its menu forwards it) where shareFileMessage is not available', async () => {
    const shareFileMessage = jest.fn();
    const openDocument = jest.fn().mockResolvedValue({});
    stand({ shareFileMessage, openDocument, canIUse: () => false });
    const kept = await keepFile(file);
    if (kept.kind !== 'written') throw new Error('not written');
    await expect(sendToChat(kept)).resolves.toBe('opened');
    expect(shareFileMessage).not.toHaveBeenCalled();
    expect(openDocument).toHaveBeenCalledWith({ filePath: 'wxfile://usr/建议办理台账-2026-11-27.xlsx', fileType: 'xlsx', showMenu: true });
  });

  it('is opened when sending fails, and left alone when the person cancels', async () => {
    const openDocument = jest.fn().mockResolvedValue({});
    stand({ openDocument, canIUse: () => true, shareFileMessage: jest.fn().mockRejectedValue({ errMsg: 'shareFileMessage:fail no permission' }) });
    const kept = await keepFile(file);
    if (kept.kind !== 'written') throw new Error('not written');
    await expect(sendToChat(kept)).resolves.toBe('opened');
    expect(openDocument).toHaveBeenCalledTimes(1);
    stand({ shareFileMessage: jest.fn().mockRejectedValue({ errMsg: 'shareFileMessage:fail cancel' }) });
    await expect(sendToChat(kept)).resolves.toBe('cancelled');
    expect(openDocument).toHaveBeenCalledTimes(1);
  });
});
