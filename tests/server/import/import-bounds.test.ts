import { readImportFile, TABLE_BOUNDS } from '../../../src/server/import/read-file';
import { readXlsx } from '../../../src/server/import/xlsx.parser';
import { farColumn, hugeSharedStrings, lastCell, longSharedString, lyingBomb, manySharedStrings, millionRows, ratioBomb, workbook } from '../../support/xlsx-bombs';

// The import readers stop at fixed bounds whatever a file claims (docs/security.md, Files read).
// Each of these files took the whole service down when the workbook was handed to ExcelJS unchecked.
const refusal = async (bytes: Buffer) => {
  try {
    await readXlsx(bytes, TABLE_BOUNDS);
  } catch (error) {
    return error as { code: string; message: string };
  }
  throw new Error('the file was read');
};

jest.setTimeout(180_000);

describe('xlsx within bounds', () => {
  it('refuses a deflate bomb from its directory, before inflating', async () => {
    const bytes = await ratioBomb();
    expect(bytes.length).toBeLessThan(5 * 1024 * 1024);
    await expect(refusal(bytes)).resolves.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('解压后内容过大') });
  });

  it('stops an entry that inflates past the size it declared', async () => {
    await expect(refusal(await lyingBomb())).resolves.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('解压后内容过大') });
  });

  it('stops a sheet of 1,000,000 rows at the row limit', async () => {
    const bytes = await millionRows();
    expect(bytes.length).toBeLessThan(5 * 1024 * 1024);
    await expect(refusal(bytes)).resolves.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining(`表格超过${TABLE_BOUNDS.maxRows}行`) });
  });

  it('refuses one filled cell at XFD1048576, and one far to the right', async () => {
    await expect(refusal(await lastCell())).resolves.toMatchObject({ message: expect.stringContaining('第1048576行有内容') });
    await expect(refusal(await farColumn())).resolves.toMatchObject({ message: expect.stringContaining('第2行第16384列有内容') });
  });

  it('refuses shared strings past their bounds: total characters, one string, count', async () => {
    const huge = await hugeSharedStrings();
    expect(huge.length).toBeLessThan(5 * 1024 * 1024);
    await expect(refusal(huge)).resolves.toMatchObject({ message: expect.stringContaining('文字过多') });
    await expect(refusal(await longSharedString())).resolves.toMatchObject({ message: expect.stringContaining('超过32767个字') });
    await expect(refusal(await manySharedStrings())).resolves.toMatchObject({ message: expect.stringContaining('文字过多') });
  });

  it('still reads a plain sheet: inline and shared strings, numbers, rows out of the way skipped', async () => {
    const bytes = await workbook(
      ['<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="inlineStr"><is><t>代表团</t></is></c></row>', '<row r="3"><c r="A3"><v>13800138000</v></c><c t="str"><v>x&amp;y</v></c></row>'],
      [{ name: 'xl/sharedStrings.xml', pieces: ['<sst><si><r><t>姓</t></r><r><t>名</t></r><rPh><t>xing</t></rPh></si></sst>'] }],
    );
    await expect(readXlsx(bytes, TABLE_BOUNDS)).resolves.toEqual([['姓名', '', '代表团'], [], ['13800138000', 'x&y']]);
  });
});

describe('csv within bounds', () => {
  const csv = (text: string) => readImportFile(Buffer.from(text), 'csv');
  it('drops blank lines past the row limit instead of holding millions of rows', async () => {
    const table = await csv(`姓名,代表团\n张三,一团${'\n'.repeat(4_000_000)}`);
    expect(table.length).toBeLessThanOrEqual(TABLE_BOUNDS.maxRows);
  });
  it('refuses a filled row past the limit, a field past the length limit, a column past the limit', async () => {
    await expect(csv(`姓名\n${'\n'.repeat(6000)}x`)).rejects.toMatchObject({ message: expect.stringContaining('第6002行有内容') });
    await expect(csv(`姓名\n${'x'.repeat(40_000)}`)).rejects.toMatchObject({ message: expect.stringContaining('超过32767个字') });
    await expect(csv(`姓名\n${','.repeat(100)}x`)).rejects.toMatchObject({ message: expect.stringContaining('第2行第101列有内容') });
  });
});

describe('messages about a bad value', () => {
  it('quote at most 40 characters of it, then an ellipsis', async () => {
    const { readImportTable } = await import('../../../src/server/import/import-rows');
    const header = ['建议号', '标题', '内容', '领衔代表', '代表团', '届次', '提出阶段', '主办单位', '交办日期'];
    const long = '很'.repeat(30_000);
    const { problems } = readImportTable([header, ['1001', '标题', '内容', '王建华', '一团', '十八届三次', long, '市民政局', `2024-${long}`]]);
    const reasons = problems.map((p) => p.reason);
    expect(reasons.some((r) => r.includes('「提出阶段」'))).toBe(true);
    for (const reason of reasons) expect(reason.length).toBeLessThan(120);
    expect(reasons.find((r) => r.includes('「提出阶段」'))).toContain(`${'很'.repeat(40)}…`);
  });
});
