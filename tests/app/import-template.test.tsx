import { render, screen, waitFor } from '@testing-library/react';
import { TextEncoder as NodeTextEncoder } from 'node:util';
import Taro from '@tarojs/taro';
import { ImportView } from '../../src/pages/office/import';
import { installFakeServer, ok, type FakeServer } from './fake-server';
import { choose } from './form-helpers';

// The import page's template: a download in the browser (Excel or CSV, under its Chinese name); in
// WeChat written to the user folder and opened (or sent to a chat) on a tap.
let server: FakeServer;
beforeEach(() => {
  server = installFakeServer();
});

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('the 交办清单 template on the import page', () => {
  it('downloads the Excel and the CSV template under their names', async () => {
    const content = Buffer.from('PK fake template').toString('base64');
    server.on('suggestions.importTemplate', (request) =>
      (request.data as { format: string }).format === 'csv'
        ? ok({ filename: '交办清单模板.csv', mimeType: 'text/csv; charset=utf-8', encoding: 'utf8', content: '\uFEFF填写说明：…\r\n建议号,标题\r\n' })
        : ok({ filename: '交办清单模板.xlsx', mimeType: XLSX, encoding: 'base64', content }),
    );
    // jsdom has no TextEncoder (browsers and WeChat have): the CSV text is encoded by Node's.
    Object.assign(globalThis, { TextEncoder: globalThis.TextEncoder ?? NodeTextEncoder });
    const created: Blob[] = [];
    Object.assign(URL, { createObjectURL: jest.fn((blob: Blob) => (created.push(blob), 'blob:template')), revokeObjectURL: jest.fn() });
    const clicked: HTMLAnchorElement[] = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    try {
      render(<ImportView pick={async () => null} />);
      expect(screen.getByText('第一次导入，请先下载模板填写')).toBeTruthy();
      choose('import-template-xlsx');
      expect(await screen.findByText('已下载：交办清单模板.xlsx')).toBeTruthy();
      choose('import-template-csv');
      expect(await screen.findByText('已下载：交办清单模板.csv')).toBeTruthy();
      expect(server.callsOf('suggestions.importTemplate').map((c) => c.data)).toEqual([{ format: 'xlsx' }, { format: 'csv' }]);
      expect(clicked.map((a) => a.download)).toEqual(['交办清单模板.xlsx', '交办清单模板.csv']);
      expect(created.map((b) => b.type)).toEqual([XLSX, 'text/csv; charset=utf-8']);
    } finally {
      click.mockRestore();
    }
  });

  it('in WeChat writes the workbook and opens it on a tap where sending to a chat is not available', async () => {
    const content = Buffer.from('PK fake template').toString('base64');
    server.on('suggestions.importTemplate', ok({ filename: '交办清单模板.xlsx', mimeType: XLSX, encoding: 'base64', content }));
    const taro = Taro as unknown as Record<string, unknown>;
    const before = { env: taro.env, getFileSystemManager: taro.getFileSystemManager, openDocument: taro.openDocument, canIUse: taro.canIUse };
    const writeFileSync = jest.fn();
    const openDocument = jest.fn().mockResolvedValue({ errMsg: 'openDocument:ok' });
    Object.assign(taro, { env: { USER_DATA_PATH: 'wxfile://usr' }, getFileSystemManager: () => ({ writeFileSync }), openDocument, canIUse: () => false });
    process.env.TARO_ENV = 'weapp';
    try {
      render(<ImportView pick={async () => null} />);
      choose('import-template-xlsx');
      expect(await screen.findByText('已生成：交办清单模板.xlsx')).toBeTruthy();
      expect(writeFileSync).toHaveBeenCalledWith('wxfile://usr/交办清单模板.xlsx', content, 'base64');
      choose('import-template-send');
      await waitFor(() => expect(openDocument).toHaveBeenCalledWith({ filePath: 'wxfile://usr/交办清单模板.xlsx', fileType: 'xlsx', showMenu: true }));
    } finally {
      process.env.TARO_ENV = 'h5';
      Object.assign(taro, before);
    }
  });
});
