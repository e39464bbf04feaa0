// suggestions.importTemplate: the 交办清单 template for the coordinator who imports — an .xlsx workbook
// or a CSV text (UTF-8 with BOM), kept for the caller and answered as a link (papers/kept-files.ts), with the columns, a line of 填写说明, an example row that this
// deployment's roster accepts and (in the workbook) the allowed values; see src/server/import/template.ts.
import * as z from 'zod';
import type { ImportTemplateData, ImportTemplateFile } from '../../contract';
import { authorize } from '../access/permissions';
import { exampleRow, templateCsv, templateXlsx } from '../import/template';
import { caller, defineUseCase } from '../use-case';
import { keptForCaller } from '../papers/kept-files';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const schema: z.ZodType<ImportTemplateData> = z.object({ format: z.enum(['xlsx', 'csv']).optional() });

export const importTemplate = defineUseCase({
  action: 'suggestions.importTemplate',
  access: 'user',
  schema,
  async run(data, ctx): Promise<ImportTemplateFile> {
    authorize(caller(ctx), 'suggestions.importTemplate');
    const example = await exampleRow(ctx.deps.store, ctx.now);
    if (data.format === 'csv') {
      return keptForCaller(ctx, { kind: 'template', fileName: '交办清单模板.csv', mimeType: 'text/csv; charset=utf-8', bytes: Buffer.from(templateCsv(example), 'utf8') });
    }
    return keptForCaller(ctx, { kind: 'template', fileName: '交办清单模板.xlsx', mimeType: XLSX_MIME, bytes: await templateXlsx(example, ctx.now) });
  },
});
