// ledger.export keeps what people typed as text: a title that looks like a formula never runs in Excel.
import ExcelJS from 'exceljs';
import type { LedgerExportFile } from '../../../src/contract';
import { openOffice, type Office } from './fixture';
import { importRows, soleRow } from './lifecycle';

describe('exporting the ledger', () => {
  let office: Office;
  beforeAll(async () => {
    office = await openOffice();
    await importRows(office, [soleRow('6001', '=HYPERLINK("http://example.com","点击")')]);
  });
  afterAll(() => office.store.close());

  it('writes a formula-like title as text in CSV', async () => {
    const file = await office.ok<LedgerExportFile>('coordinator', 'ledger.export', { format: 'csv' });
    expect(file.content).toContain(`"'=HYPERLINK(""http://example.com"",""点击"")"`);
  });

  it('writes a formula-like title as a plain string cell in .xlsx', async () => {
    const file = await office.ok<LedgerExportFile>('coordinator', 'ledger.export', { format: 'xlsx' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.content, 'base64') as unknown as ArrayBuffer);
    const cell = workbook.worksheets[0]!.getRow(2).getCell(2);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe('=HYPERLINK("http://example.com","点击")');
  });

  it('exports an empty ledger as just the header', async () => {
    const file = await office.ok<LedgerExportFile>('coordinator', 'ledger.export', { format: 'csv', session: '没有这一届' });
    expect(file.content.trim().split('\r\n')).toHaveLength(1);
  });
});
