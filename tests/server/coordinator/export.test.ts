// ledger.export keeps what people typed as text: a title that looks like a formula never runs in Excel.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import type { LedgerExportFile } from '../../../src/contract';
import { csvField } from '../../../src/server/use-cases/export-ledger';
import { openOffice, type Office } from './fixture';
import { importRows, soleRow } from './lifecycle';

/** What people paste from other programs: characters XML 1.0 forbids, terminal escapes, a BOM-like noncharacter. */
const DIRTY_TITLE = '关于\uFFFE改善\u0001道路\u001B[31m照明\u0007的建议\uFFFF\u0085';

/** Every sheet of the workbook parsed by a strict XML 1.0 parser (as Excel reads it): throws when one is malformed. */
async function parseSheets(bytes: Buffer): Promise<void> {
  const zip = await JSZip.loadAsync(bytes);
  for (const name of Object.keys(zip.files).filter((n) => n.endsWith('.xml'))) {
    const xml = await zip.files[name]!.async('string');
    const parser = new SaxesParser({ xmlns: false });
    parser.on('error', (e) => {
      throw new Error(`${name}: ${e.message}`);
    });
    parser.write(xml).close();
  }
}

describe('exporting the ledger', () => {
  let office: Office;
  beforeAll(async () => {
    office = await openOffice();
    await importRows(office, [soleRow('6001', '=HYPERLINK("http://example.com","点击")'), soleRow('6002', DIRTY_TITLE)]);
  });
  afterAll(() => office.store.close());

  it('writes a formula-like title as text in CSV', async () => {
    const file = await office.download<LedgerExportFile>('coordinator', 'ledger.export', { format: 'csv' });
    expect(file.text).toContain(`"'=HYPERLINK(""http://example.com"",""点击"")"`);
  });

  it('writes a formula-like title as a plain string cell in .xlsx', async () => {
    const file = await office.download<LedgerExportFile>('coordinator', 'ledger.export', { format: 'xlsx' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.bytes as unknown as ArrayBuffer);
    const cell = workbook.worksheets[0]!.getRow(3).getCell(2); // row 1 the title, row 2 the header
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe('=HYPERLINK("http://example.com","点击")');
  });

  it('writes an .xlsx that a strict XML parser reads, with the characters XML 1.0 forbids left out', async () => {
    const file = await office.download<LedgerExportFile>('coordinator', 'ledger.export', { format: 'xlsx' });
    await expect(parseSheets(file.bytes)).resolves.toBeUndefined();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.bytes as unknown as ArrayBuffer);
    const titles = workbook.worksheets[0]!.getColumn(2).values.map(String);
    expect(titles).toContain('关于改善道路[31m照明的建议');
  });

  it('writes no control characters into the CSV', async () => {
    const file = await office.download<LedgerExportFile>('coordinator', 'ledger.export', { format: 'csv' });
    const line = file.text.split('\r\n').find((l) => l.startsWith('6002'))!;
    expect(line).toContain(',关于改善道路[31m照明的建议,');
    expect(file.text).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/);
  });

  it('keeps a formula that hides behind a control character or tab from running in CSV', async () => {
    expect(csvField('\u0001=cmd|"/c calc"!A1')).toBe(`"'=cmd|""/c calc""!A1"`);
    expect(csvField('\u007F@SUM(1)')).toBe(`'@SUM(1)`);
    expect(csvField('\t=1+1')).toBe(`'\t=1+1`);
    expect(csvField('\r=1+1')).toBe(`"'\r=1+1"`);
    expect(csvField('换行\n保留')).toBe(`"换行\n保留"`);
  });

  it('exports an empty ledger as just the header', async () => {
    const file = await office.download<LedgerExportFile>('coordinator', 'ledger.export', { format: 'csv', session: '没有这一届' });
    expect(file.text.trim().split('\r\n')).toHaveLength(1);
  });
});
