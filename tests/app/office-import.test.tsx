import { render, screen, waitFor } from '@testing-library/react';
import { ImportView } from '../../src/pages/office/import';
import { fail, installFakeServer, ok, type FakeServer } from './fake-server';
import { tap } from './form-helpers';

let server: FakeServer;
beforeEach(() => {
  server = installFakeServer();
});

const csv = Buffer.from('建议号,标题\n', 'utf8').toString('base64');

describe('importing the 交办清单', () => {
  it('sends the picked file with its format and reports what was imported', async () => {
    server.on('suggestions.import', ok({ created: 2, unchanged: 1, numbers: ['3001', '3002', '3003'], remaining: 0 }));
    render(<ImportView pick={async () => ({ name: '2026交办清单.CSV', base64: csv })} />);
    tap('选择文件并导入');
    expect(await screen.findByText('新导入2件，已导入过（未变）1件：3001、3002、3003号')).toBeTruthy();
    expect(server.callsOf('suggestions.import')[0]!.data).toEqual({ file: csv, format: 'csv' });
  });

  it('calls again with the same file while rows remain, and reports the whole import', async () => {
    const answers = [
      ok({ created: 50, unchanged: 3, numbers: ['4001', '4002'], remaining: 70 }),
      ok({ created: 50, unchanged: 53, numbers: ['4051'], remaining: 20 }),
      ok({ created: 20, unchanged: 103, numbers: ['4101'], remaining: 0 }),
    ];
    server.on('suggestions.import', () => answers.shift()!);
    render(<ImportView pick={async () => ({ name: 'list.csv', base64: csv })} />);
    tap('选择文件并导入');
    expect(await screen.findByText('新导入120件，已导入过（未变）3件：4001、4002、4051、4101号')).toBeTruthy();
    const calls = server.callsOf('suggestions.import');
    expect(calls.map((c) => c.data)).toEqual([0, 1, 2].map(() => ({ file: csv, format: 'csv' })));
    // Each step is its own request: a step's requestId is never reused for the next one.
    expect(new Set(calls.map((c) => c.requestId)).size).toBe(3);
  });

  it('shows every bad row the server lists, and imports nothing', async () => {
    server.on('suggestions.import', fail('VALIDATION', '第3行：「主办单位」市交通局不是登记的承办单位；第5行：「交办日期」应为 YYYY-MM-DD'));
    render(<ImportView pick={async () => ({ name: 'list.xlsx', base64: 'UEsDBA==' })} />);
    tap('选择文件并导入');
    expect(await screen.findByText(/第3行.*第5行/)).toBeTruthy();
    expect(server.callsOf('suggestions.import')[0]!.data).toEqual({ file: 'UEsDBA==', format: 'xlsx' });
    expect(screen.queryByText(/新导入/)).toBeNull();
  });

  it('refuses a file of another kind without calling the server, and does nothing when the picker is closed', async () => {
    let picked: { name: string; base64: string } | null = { name: '清单.docx', base64: 'AA==' };
    render(<ImportView pick={async () => picked} />);
    tap('选择文件并导入');
    expect(await screen.findByText('请选择 .xlsx 或 .csv 格式的交办清单')).toBeTruthy();
    picked = null;
    tap('选择文件并导入');
    await waitFor(() => expect(screen.queryByText('请选择 .xlsx 或 .csv 格式的交办清单')).toBeNull());
    expect(server.callsOf('suggestions.import')).toHaveLength(0);
  });

  it('says so when the file cannot be read', async () => {
    render(<ImportView pick={async () => Promise.reject(new Error('denied'))} />);
    tap('选择文件并导入');
    expect(await screen.findByText('未能读取文件，请重新选择')).toBeTruthy();
  });
});
