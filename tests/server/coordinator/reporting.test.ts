// The ledger (台账), the statistics and the annual summary agree with what happened.
import ExcelJS from 'exceljs';
import type { AnnualReportResult, LedgerListResult, LedgerRow, StatsSummary } from '../../../src/contract';
import { readLink } from '../../support/uploads';
import type { LedgerExportFile } from '../../../src/contract';
import { TASK_STATE_LABELS } from '../../../src/core/labels';
import { NOW, openOffice, THREE_ROWS, type Office } from './fixture';
import { importRows, replyAndRate, soleRow } from './lifecycle';

describe('the ledger, the statistics and the annual summary', () => {
  let office: Office;
  beforeAll(async () => {
    office = await openOffice();
    // 2024001 主办+2会办, 2024002 分办×2, 2024003 独办 (会后), 3001 独办 replied A and rated, 3002 独办 overdue.
    const ids = await importRows(office, [...THREE_ROWS, soleRow('3001', '关于社区食堂的建议'), soleRow('3002', '关于适老化改造的建议')]);
    await replyAndRate(office, ids.get('3001')!.taskIds[0]!, { class: 'A', rating: 'satisfied' });
  });
  afterAll(() => office.store.close());

  const ledger = (openid: string, data: object = {}) => office.ok<LedgerListResult>(openid, 'ledger.list', { pageSize: 100, ...data });
  const stats = (openid: string, data: object = {}) => office.ok<StatsSummary>(openid, 'stats.summary', data);

  it('lists one row per task, with the deputy, unit, role, responsible person, dates, class and ratings', async () => {
    const all = await ledger('coordinator');
    expect(all.total).toBe(await office.store.count('tasks'));
    expect(all.total).toBe(8);
    expect(all.items.map((r) => `${r.number}/${r.unitName}/${r.roleLabel}`)).toEqual(
      expect.arrayContaining(['2024001/市发展改革委/主办', '2024001/市交通运输局/会办', '2024002/市水务局/分办', '2024003/市民政局/独办']),
    );
    const done = all.items.find((r) => r.number === '3001');
    expect(done).toMatchObject<Partial<LedgerRow>>({
      title: '关于社区食堂的建议',
      leadDeputyName: '王建华',
      unitName: '市民政局',
      roleLabel: '独办',
      stateLabel: '已办结',
      responsibleName: '孙丽',
      replyDue: '2024-04-05',
      repliedAt: NOW,
      replyClass: 'A',
      faceToFace: true,
      attitudeLabel: '满意',
      resultLabel: '满意',
      overdue: false,
      closedAt: NOW,
    });
    expect(all.items.find((r) => r.number === '3002')).toMatchObject({ stateLabel: TASK_STATE_LABELS.assigned, overdue: true });
  });

  it('filters by status, session, year and unit, and pages', async () => {
    expect((await ledger('coordinator', { status: 'closed' })).items.map((r) => r.number)).toEqual(['3001']);
    expect((await ledger('coordinator', { session: '十八届三次' })).total).toBe(8);
    expect((await ledger('coordinator', { session: '十八届一次' })).total).toBe(0);
    expect((await ledger('coordinator', { year: 2024 })).total).toBe(8);
    expect((await ledger('coordinator', { year: 2023 })).total).toBe(0);
    expect((await ledger('coordinator', { unitId: 'unit-mzj' })).items.map((r) => r.number).sort()).toEqual(['2024003', '3001', '3002']);
    const page = await ledger('coordinator', { page: 3, pageSize: 3 });
    expect(page).toMatchObject({ total: 8, page: 3, pageSize: 3 });
    expect(page.items).toHaveLength(2);
  });

  it('shows unit staff their own unit only, and no deputy any ledger', async () => {
    expect((await ledger('handler-fgw')).items.map((r) => r.unitName)).toEqual(['市发展改革委', '市发展改革委']);
    expect(await office.call('handler-fgw', 'ledger.list', { unitId: 'unit-mzj' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    for (const action of ['ledger.list', 'ledger.export', 'stats.summary']) {
      expect(await office.call('deputy-wang', action, {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(await office.call('deputy-wang', 'report.annual', { year: 2024 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await office.call(undefined, 'stats.summary', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('counts the whole deployment as the data says', async () => {
    const s = await stats('coordinator');
    expect(s).toMatchObject({
      scope: { unitName: '全部单位' },
      today: '2024-04-10',
      received: 5,
      assigned: 5,
      done: 1,
      completionRate: 0.2,
      onTimeDone: 0, // replied on 04-10, due 04-05
      onTimeRate: 0,
      replied: 1,
      faceToFace: 1,
      faceToFaceRate: 1,
      rated: 1,
      satisfactionRate: 1,
      byClass: { A: 1, B: 0, C: 0, D: 0 },
      adopted: 1,
      adoptionRate: 1,
      byRole: { lead: 1, co: 2, split: 2, sole: 3 },
      byPhase: { session: 4, recess: 1 },
    });
    const overdueRows = (await ledger('coordinator')).items.filter((r) => r.overdue).length;
    expect(s.overdue).toBe(overdueRows);
    // Each unit's line carries the figures the page shows, and only those.
    expect(s.perUnit.find((u) => u.unitName === '市民政局')).toEqual({
      unitId: expect.any(String),
      unitName: '市民政局',
      received: 3,
      done: 1,
      completionRate: 1 / 3,
      onTimeRate: expect.any(Number),
      faceToFaceRate: 1,
      satisfactionRate: 1,
      adoptionRate: 1,
    });
    expect(await stats('admin')).toEqual(s);
  });

  it('counts one unit by the roles it holds', async () => {
    expect(await stats('coordinator', { unitId: 'unit-fgw' })).toMatchObject({
      scope: { unitId: 'unit-fgw', unitName: '市发展改革委' },
      received: 2,
      done: 0,
      completionRate: 0,
      byRole: { lead: 1, co: 0, split: 1, sole: 0 },
    });
    expect(await stats('handler-fgw')).toEqual(await stats('coordinator', { unitId: 'unit-fgw' }));
    expect(await stats('coordinator', { year: 2023 })).toMatchObject({ received: 0, completionRate: null });
  });

  it('writes the annual summary in the office\'s words with the adopted suggestions', async () => {
    const report = await office.ok<AnnualReportResult>('coordinator', 'report.annual', { year: 2024 });
    expect(report.year).toBe(2024);
    expect(report.text).toContain('共收到人大代表建议5件');
    expect(report.text).toContain('1件为会后收到');
    // Office-wide the roles count tasks (项): five suggestions went out as eight tasks.
    expect(report.text).toContain('上述建议共交由承办单位办理8项（一件建议可由多个单位分别主办、会办），其中主办1项、分办2项、会办2项、独办3项。');
    expect(report.text).toContain('已办理完毕1件，正在办理4件，办结率20%、面复率100%、代表反馈满意率100%');
    expect(report.text).toMatch(/王建华代表提出的“关于社区食堂的建议”（A类，建议号3001）/);
    expect(report.stats).toMatchObject({ received: 5, done: 1 });

    const unit = await office.ok<AnnualReportResult>('coordinator', 'report.annual', { year: 2024, unitId: 'unit-mzj' });
    expect(unit.text).toContain('市民政局共收到人大代表建议3件');
    const empty = await office.ok<AnnualReportResult>('coordinator', 'report.annual', { year: 2023 });
    expect(empty.text).toContain('共收到人大代表建议0件');
    expect(await office.call('coordinator', 'report.annual', {})).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('exports the ledger as an .xlsx workbook with Chinese headers, the same rows as the list', async () => {
    const file = await office.download<LedgerExportFile>('coordinator', 'ledger.export', {});
    // The answer is a short-lived link made for the caller, not the file; the workbook is behind it.
    expect(file.file).toEqual({ fileName: '建议办理台账-2024-04-10.xlsx', mimeType: expect.stringContaining('spreadsheetml'), url: expect.stringMatching(/^\/files\/exports\//), expiresAt: '2024-04-10T02:10:00.000Z' });
    await expect(readLink(office.files, file.file.url, 'handler-fgw')).rejects.toThrow(/link refused: 403/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    // Dates are Excel dates (read back as Date at midnight UTC).
    const values = (r: number) => (sheet.getRow(r).values as unknown[]).slice(1).map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v ?? '')));
    // Row 1: the title naming the filters; row 2: the header, frozen with the title above it.
    const overdue = (await ledger('coordinator')).items.filter((r) => r.overdue).length;
    expect(overdue).toBeGreaterThan(0);
    expect(values(1)[0]).toBe(`建议办理台账（全部单位 · 全部状态）　共8条，超期${overdue}条　导出日期：2024-04-10`);
    expect(values(2).slice(0, 6)).toEqual(['建议号', '标题', '领衔代表', '承办单位', '承办类别', '办理状态']);
    expect(sheet.rowCount).toBe(2 + 8);
    const rows = Array.from({ length: 8 }, (_, i) => values(i + 3));
    const closed = rows.find((r) => r[0] === '3001')!;
    const header = values(2);
    const cell = (name: string) => closed[header.indexOf(name)];
    expect([cell('答复类别'), cell('是否面复'), cell('办理态度评价'), cell('办结日期'), cell('答复期限')]).toEqual(['A类', '是', '满意', '2024-04-10', '2024-04-05']);
  });

  it('lays the .xlsx out as the office prints it: frozen header, widths, overdue rows marked, filters in the title', async () => {
    const file = await office.download<LedgerExportFile>('coordinator', 'ledger.export', { year: 2024, session: '十八届三次', unitId: 'unit-mzj', status: 'handling' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const title = String(sheet.getRow(1).getCell(1).value);
    expect(title).toBe('建议办理台账（2024年 · 十八届三次 · 市民政局 · 办理中）　共2条，超期1条　导出日期：2024-04-10');
    expect(sheet.getCell('A1').isMerged).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToWidth: 1, printTitlesRow: '1:2' });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.getColumn(2).width).toBe(22); // 标题, wrapping
    expect(sheet.getColumn(1).width).toBe(8); // 建议号
    const header = (sheet.getRow(2).values as unknown[]).slice(1).map(String);
    const overdueCol = header.indexOf('是否超期') + 1;
    const marked: string[] = [];
    for (let r = 3; r <= sheet.rowCount; r++) {
      const row = sheet.getRow(r);
      const fill = row.getCell(1).fill as { fgColor?: { argb?: string } } | undefined;
      const isOverdue = row.getCell(overdueCol).value === '是';
      expect([String(row.getCell(1).value), fill?.fgColor?.argb === 'FFFDE2E1']).toEqual([String(row.getCell(1).value), isOverdue]);
      if (isOverdue) marked.push(String(row.getCell(1).value));
    }
    expect(marked).toEqual(['3002']);
    // A unit's staff get their unit named, whatever they asked.
    const own = await office.download<LedgerExportFile>('handler-fgw', 'ledger.export', {});
    const ownBook = new ExcelJS.Workbook();
    await ownBook.xlsx.load(own.bytes as unknown as ArrayBuffer);
    expect(String(ownBook.worksheets[0]!.getRow(1).getCell(1).value)).toContain('（市发展改革委 · 全部状态）');
  });

  it('exports CSV on request, and a unit\'s staff only their unit', async () => {
    const file = await office.download<LedgerExportFile>('handler-fgw', 'ledger.export', { format: 'csv' });
    expect(file.file).toMatchObject({ fileName: '建议办理台账-市发展改革委-2024-04-10.csv', mimeType: 'text/csv; charset=utf-8' });
    expect(file.text.startsWith('\uFEFF建议号,标题,领衔代表,承办单位')).toBe(true);
    const lines = file.text.trim().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines.slice(1).every((line) => line.includes('市发展改革委'))).toBe(true);
    expect(await office.call('coordinator', 'ledger.export', { format: 'pdf' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});
