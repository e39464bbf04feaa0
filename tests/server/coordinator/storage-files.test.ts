// Files never travel inside a call (docs/deployment.md, Files and call limits): the largest list the
// import takes (5 MB) goes to storage and the call carries its fileID; an export comes back as a link.
// On CloudBase the calls go through callFunction to the api function on the emulator, which holds them
// to the service's 6 MB request and answer limits; the same tests run on SQLite.
import ExcelJS from 'exceljs';
import type { ImportSuggestionsResult, LedgerExportFile } from '../../../src/contract';
import { MAX_IMPORT_BYTES } from '../../../src/server/import/read-file';
import { CALL_LIMIT_BYTES } from '../../support/cloudbase-emulator/functions';
import { readLink } from '../../support/uploads';
import { HEADER } from './fixture';
import { closeStores, openOfficeOn, STORE_KINDS, type OfficeOn } from './stores';

const DECISIONS = [
  { name: '张新民', create: true },
  { name: '赵海燕', create: true },
];

/**
 * A list of exactly MAX_IMPORT_BYTES: three suggestions, and notes columns (备注) the import does not
 * read, filled to the limit as an office's sheet with long remarks might be.
 */
function largestList(): Buffer {
  const notes = Array.from({ length: 18 }, (_, i) => `备注${i + 1}`);
  const rows = [
    ['2024501', '关于加快充电桩建设的建议', '建议增设充电桩。', '王建华', '张新民', '历下区代表团', '十八届三次', '会期', '市发展改革委', '', '', '2024-03-01', '否'],
    ['2024502', '关于黄河滩区保障的建议', '建议建立长效机制。', '李秀英', '', '章丘区代表团', '十八届三次', '会期', '市民政局', '', '', '2024-03-01', '否'],
    ['2024503', '关于社区养老服务的建议', '建议完善养老设施。', '赵海燕', '', '天桥区代表团', '十八届三次', '闭会期间', '市民政局', '', '', '2024-03-05', '否'],
  ];
  const cell = '备'.repeat(30_000); // 90,000 bytes in UTF-8, under a cell's 32,767 characters
  const lines = [[...HEADER, ...notes].join(','), ...rows.map((row) => [...row, ...notes.map(() => cell)].join(','))];
  const text = `\uFEFF${lines.join('\r\n')}\r\n`;
  const short = MAX_IMPORT_BYTES - Buffer.byteLength(text);
  if (short < 0) throw new Error(`the list is ${-short} bytes too long`);
  // Blank lines (spaces only, which the import skips) after the rows: the file is exactly the limit.
  const blank: string[] = [];
  for (let left = short; left > 0; left -= 30_002) blank.push(' '.repeat(Math.max(0, Math.min(30_000, left - 2))));
  const padded = `${text}${blank.join('\r\n')}${blank.length > 0 ? '\r\n' : ''}`;
  return Buffer.concat([Buffer.from(padded, 'utf8'), Buffer.alloc(Math.max(0, MAX_IMPORT_BYTES - Buffer.byteLength(padded)), 0x20)]).subarray(0, MAX_IMPORT_BYTES);
}

afterAll(() => closeStores());

describe.each(STORE_KINDS)('files through storage (%s)', (kind) => {
  let office: OfficeOn;
  beforeEach(async () => {
    office = await openOfficeOn(kind);
  });
  afterEach(() => office.close());

  it('imports the largest allowed list through storage, whose bytes inside the call would pass 6 MB', async () => {
    const list = largestList();
    expect(list.length).toBe(MAX_IMPORT_BYTES);
    // The old contract's call: the list as base64 inside the request, over the service's 6 MB.
    expect(Buffer.byteLength(JSON.stringify({ action: 'suggestions.import', data: { file: list.toString('base64'), format: 'csv' } }))).toBeGreaterThan(CALL_LIMIT_BYTES);
    const fileID = await office.upload('coordinator', list);
    const request = { fileID, format: 'csv', decisions: DECISIONS };
    expect(Buffer.byteLength(JSON.stringify({ action: 'suggestions.import', data: request }))).toBeLessThan(1024);
    const answer = await office.invoke('coordinator', 'suggestions.import', request);
    expect(answer).toMatchObject({ ok: true, data: { created: 3, numbers: ['2024501', '2024502', '2024503'], remaining: 0 } satisfies Partial<ImportSuggestionsResult> });
    expect((await office.store.find('suggestions')).map((s) => s.number).sort()).toEqual(['2024501', '2024502', '2024503']);
  }, 60_000);

  it('refuses a list one byte over the limit, and another person\'s upload, changing nothing', async () => {
    const before = office.dump();
    const over = Buffer.concat([largestList(), Buffer.from('x')]);
    expect(await office.invoke('coordinator', 'suggestions.import', { fileID: await office.upload('coordinator', over), format: 'csv', decisions: DECISIONS })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: '导入文件超过5MB，请分批导入' },
    });
    // The admin's upload of a sound list, passed by the coordinator: not found for the coordinator.
    const theirs = await office.upload('admin', largestList());
    expect(await office.invoke('coordinator', 'suggestions.import', { fileID: theirs, format: 'csv', decisions: DECISIONS })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: '没有找到您上传的文件，请重新选择文件上传' },
    });
    expect(office.dump()).toBe(before);
    expect((await office.files.read(theirs))?.length).toBe(MAX_IMPORT_BYTES);
  }, 60_000);

  it('answers an export with a link made for the caller, behind which is the workbook', async () => {
    await office.invoke('coordinator', 'suggestions.import', { fileID: await office.upload('coordinator', largestList()), format: 'csv', decisions: DECISIONS });
    const answer = await office.invoke('coordinator', 'ledger.export', { format: 'xlsx' });
    if (!('ok' in answer) || !answer.ok) throw new Error(`export failed: ${JSON.stringify(answer)}`);
    const file = answer.data as LedgerExportFile;
    expect(file).toEqual({ fileName: '建议办理台账-2024-04-10.xlsx', mimeType: expect.stringContaining('spreadsheetml'), url: expect.any(String), expiresAt: expect.any(String) });
    expect(JSON.stringify(answer).length).toBeLessThan(2048);
    const bytes = await readLink(office.files, file.url, 'coordinator');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const numbers = workbook.worksheets[0]!.getColumn(1).values.slice(3).map(String);
    expect(numbers).toEqual(['2024501', '2024502', '2024503']);
  }, 60_000);
});
