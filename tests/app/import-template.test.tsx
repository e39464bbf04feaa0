import { render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { ImportView } from '../../src/pages/office/import';
import { installFakeServer, ok, type FakeServer } from './fake-server';
import { choose } from './form-helpers';

// The import page's template, answered as a link: a download of the link in the browser (Excel or CSV,
// under its Chinese name); in WeChat downloaded into the user folder and opened (or sent to a chat) on a tap.
let server: FakeServer;
beforeEach(() => {
  server = installFakeServer();
});

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('the 交办清单 template on the import page', () => {
  it('downloads the Excel and the CSV template under their names', async () => {
    const link = (ext: string) => `/files/exports/0123/template.${ext}?exp=1&sig=abc`;
    server.on('suggestions.importTemplate', (request) =>
      (request.data as { format: string }).format === 'csv'
        ? ok({ fileName: '交办清单模板.csv', mimeType: 'text/csv; charset=utf-8', url: link('csv'), expiresAt: '2026-11-27T02:10:00.000Z' })
        : ok({ fileName: '交办清单模板.xlsx', mimeType: XLSX, url: link('xlsx'), expiresAt: '2026-11-27T02:10:00.000Z' }),
    );
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
      expect(clicked.map((a) => a.getAttribute('href'))).toEqual([link('xlsx'), link('csv')]);
    } finally {
      click.mockRestore();
    }
  });

  it('in WeChat downloads the workbook from its link and opens it on a tap where sending to a chat is not available', async () => {
    const url = 'https://7465-env.tcb.qcloud.la/jianyitong/exports/0123/template.xlsx?sign=abc&t=1';
    server.on('suggestions.importTemplate', ok({ fileName: '交办清单模板.xlsx', mimeType: XLSX, url, expiresAt: '2026-11-27T02:10:00.000Z' }));
    const taro = Taro as unknown as Record<string, unknown>;
    const before = { env: taro.env, downloadFile: taro.downloadFile, openDocument: taro.openDocument, canIUse: taro.canIUse };
    const downloadFile = jest.fn(async (o: { filePath: string }) => ({ statusCode: 200, filePath: o.filePath, errMsg: 'downloadFile:ok' }));
    const openDocument = jest.fn().mockResolvedValue({ errMsg: 'openDocument:ok' });
    Object.assign(taro, { env: { USER_DATA_PATH: 'wxfile://usr' }, downloadFile, openDocument, canIUse: () => false });
    process.env.TARO_ENV = 'weapp';
    try {
      render(<ImportView pick={async () => null} />);
      choose('import-template-xlsx');
      expect(await screen.findByText('已生成：交办清单模板.xlsx')).toBeTruthy();
      expect(downloadFile).toHaveBeenCalledWith({ url, filePath: 'wxfile://usr/交办清单模板.xlsx' });
      choose('import-template-send');
      await waitFor(() => expect(openDocument).toHaveBeenCalledWith({ filePath: 'wxfile://usr/交办清单模板.xlsx', fileType: 'xlsx', showMenu: true }));
    } finally {
      process.env.TARO_ENV = 'h5';
      Object.assign(taro, before);
    }
  });
});
