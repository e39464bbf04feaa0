// The 交办清单 template: read back through the real importer — the file reader, the rows, the plan
// against the roster (a dry run: nothing written) — its example row is clean, and importing the template
// as it is creates that one suggestion; the workbook opens in LibreOffice, both sheets. Both formats.
import type { ImportSuggestionsResult, ImportTemplateFile } from '../../../src/contract';
import { planImport } from '../../../src/server/import/import-plan';
import { readImportTable } from '../../../src/server/import/import-rows';
import { readImportFile } from '../../../src/server/import/read-file';
import { TEMPLATE_COLUMNS } from '../../../src/server/import/template';
import { NOW, openOffice, type Office } from '../coordinator/fixture';
import { allLines, renderAll } from '../papers/pdf-layout';

jest.setTimeout(240_000);


describe.each(['xlsx', 'csv'] as const)('the %s template', (format) => {
  let office: Office;
  let file: ImportTemplateFile;
  let bytes: Buffer;
  beforeEach(async () => {
    office = await openOffice();
    // The answer is a link made for the caller; the template is the file behind it.
    ({ file, bytes } = await office.download<ImportTemplateFile>('coordinator', 'suggestions.importTemplate', { format }));
  });
  afterEach(() => office.store.close());

  it('is named and typed for its format', () => {
    expect(file.fileName).toBe(`交办清单模板.${format}`);
    expect(file.url).toMatch(/^\/files\/exports\/[0-9a-f]{32}\/template\./);
    expect(file.mimeType).toBe(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    if (format === 'csv') expect(bytes.toString('utf8').startsWith('\uFEFF填写说明：')).toBe(true);
  });

  it('reads back through the importer: the 填写说明 line, the header, and an example row that passes a dry run', async () => {
    const table = await readImportFile(bytes, format);
    expect(table[0]![0]).toMatch(/^填写说明：/);
    expect(table[1]).toEqual([...TEMPLATE_COLUMNS]);
    const { rows, problems } = readImportTable(table);
    expect(problems).toEqual([]);
    // The example is made of the roster's units and deputies; the header is row 2, the example row 3.
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ line: 3, number: '示例1', leadDeputy: '李秀英', delegation: '章丘区代表团', phase: 'session', keySupervised: false, assignedDate: '2024-04-10' });
    expect(rows[0]!.units).toEqual([
      { name: '市发展改革委', role: 'lead' },
      { name: '市交通运输局', role: 'co' },
    ]);
    const before = office.store.dump();
    const plan = await planImport(office.store, rows, NOW);
    expect(plan.problems).toEqual([]);
    expect(plan.unknown).toEqual([]);
    expect(plan.create).toHaveLength(1);
    expect(office.store.dump()).toBe(before);
    // Imported as it is, it is one suggestion (示例1) with its two tasks.
    const imported = await office.ok<ImportSuggestionsResult>('coordinator', 'suggestions.import', { fileID: await office.upload('coordinator', bytes), format });
    expect(imported).toMatchObject({ created: 1, numbers: ['示例1'], remaining: 0 });
    expect(await office.store.find('tasks')).toHaveLength(2);
  });

  it('is refused to whoever may not import', async () => {
    expect(await office.call('handler-mzj', 'suggestions.importTemplate', { format })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('the xlsx template in LibreOffice', () => {
  it('opens, with the header, the example and the 填写说明 sheet with the allowed values', async () => {
    const office = await openOffice();
    const { bytes } = await office.download<ImportTemplateFile>('coordinator', 'suggestions.importTemplate', {});
    office.store.close();
    const pages = renderAll({ 'template.xlsx': bytes })['template.xlsx']!;
    const text = allLines(pages).map((l) => l.text).join('\n');
    for (const words of ['建议号', '领衔代表', '示例1', '（示例）关于增设社区养老服务站的建议', '列名', '是否必填', '填写要求', '“会期”、“大会期间”、“闭会期间”、“会后”', '“是”、“否”']) {
      expect([words, text.includes(words)]).toEqual([words, true]);
    }
  });
});
