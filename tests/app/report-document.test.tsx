// The statistics page writes the year's summary as a Word document with the office's own sections.
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { StatsView } from '../../src/pages/office/stats';
import { installFakeServer, ok, type FakeServer } from './fake-server';
import { typeInto } from './form-helpers';

let server: FakeServer;
let opened: jest.SpyInstance;
beforeEach(() => {
  server = installFakeServer();
  opened = jest.spyOn(window, 'open').mockImplementation(() => null);
});
afterEach(() => jest.restoreAllMocks());

const stats = { received: 0, perUnit: [], scope: { unitName: '全部单位' }, today: '2026-05-01' };

describe('the annual summary document', () => {
  it('sends the office’s sections with format docx and opens the document', async () => {
    server.on('stats.summary', ok(stats));
    const plain = { year: 2026, title: '本机关关于2026年度人大代表建议办理工作情况的报告', text: '', summary: '2026年，本机关共收到人大代表建议0件。', adopted: [], stats };
    server.on('report.annual', (request) =>
      (request.data as { format?: string }).format === 'docx'
        ? ok({ ...plain, fileName: '本机关2026年度建议办理工作情况报告.docx', url: '/files/reports/2026/x.docx?sig=z', expiresAt: '' })
        : ok(plain),
    );
    render(<StatsView year={2026} />);
    await screen.findByText('年度总结文档（Word）');
    await typeInto('report-practices', '坚持领导领办。');
    fireEvent.click(screen.getByText('生成并打开 Word 文档'));
    await waitFor(() => expect(opened).toHaveBeenCalledWith('/files/reports/2026/x.docx?sig=z', '_blank', 'noopener'));
    expect(server.callsOf('report.annual').map((c) => c.data)).toContainEqual({ year: 2026, format: 'docx', practices: '坚持领导领办。' });
    expect(await screen.findByText('已生成：本机关2026年度建议办理工作情况报告.docx')).toBeTruthy();
  });
});
