// report.annual: the year's summary in the form of the office's own report (section 一 and the
// adopted suggestions), with the statistics it quotes.
import * as z from 'zod';
import type { AnnualReportData, AnnualReportResult } from '../../contract';
import { annualReport } from '../../core/annual-report';
import { shanghaiDate } from '../../core/calendar';
import { replyClassLabel } from '../../core/labels';
import { Directory } from '../directory';
import { metricsInput, scopeFor, statsSummary } from '../queries/reporting';
import { caller, defineUseCase, fileStore } from '../use-case';
import { idField, optionalText } from '../validation';
import { annualBlocks } from '../papers/annual-document';
import { officeSettings, UNNAMED_OFFICE } from '../queries/office-settings';

/** 主送 of the office-wide summary until the office names its own. */
const DEFAULT_REPORT_TO = '市人大常委会';
import { DOCX_MIME, renderOfficialDocx } from '../papers/official-docx';

const schema: z.ZodType<AnnualReportData> = z.object({
  year: z.number().int().min(2000).max(2100),
  unitId: idField.optional(),
  format: z.enum(['text', 'docx']).optional(),
  practices: optionalText(5000),
  nextSteps: optionalText(5000),
});

export const getAnnualReport = defineUseCase({
  action: 'report.annual',
  access: 'user',
  schema,
  async run(data, ctx): Promise<AnnualReportResult> {
    const scope = scopeFor(caller(ctx), data.unitId);
    const store = ctx.deps.store;
    const directory = new Directory(store);
    // The year's suggestions only: the sessions named in the summary are those of the year and scope.
    const input = await metricsInput(store, { year: data.year });
    // The office-wide summary speaks in the deployment's name (asked at setup) and goes to its 主送
    // (e.g. 市人大常委会); a unit's goes to the office.
    const [office, unit] = await Promise.all([officeSettings(store), scope.kind === 'unit' ? store.get('units', scope.unitId) : undefined]);
    const deploymentName = office?.name.trim() || UNNAMED_OFFICE;
    const unitName = scope.kind === 'unit' ? (unit?.name ?? (await directory.unitName(scope.unitId))) : deploymentName;
    const addressee = scope.kind === 'unit' ? deploymentName : office?.reportTo?.trim() || DEFAULT_REPORT_TO;
    const report = annualReport(
      input,
      {
        year: data.year,
        unitName,
        deputyTitle: '人大代表',
        scope,
        today: shanghaiDate(ctx.now),
      },
      ctx.deps.policy,
    );
    const result: AnnualReportResult = {
      year: data.year,
      title: `${unitName}关于${data.year}年度人大代表建议办理工作情况的报告`,
      text: report.text,
      summary: report.summary,
      adopted: report.adopted.map((a) => ({ ...a, classLabel: replyClassLabel(a.class) })),
      stats: await statsSummary(report.metrics, { year: data.year }, directory),
    };
    if (data.format !== 'docx') return result;
    // The document is written for this request and kept in the file store for its link, one per scope
    // and year (reports/<year>/<scope>.docx): a new one replaces the last (docs/security.md, Documents written).
    const today = shanghaiDate(ctx.now);
    const bytes = await renderOfficialDocx(
      annualBlocks(result, { unitName, addressee, sealed: unit?.letter?.sealed !== false, today, ...(data.practices ? { practices: data.practices } : {}), ...(data.nextSteps ? { nextSteps: data.nextSteps } : {}) }),
      { title: result.title, creator: unitName, layout: { kind: 'general' } },
    );
    const files = fileStore(ctx);
    const fileName = `${unitName}${data.year}年度建议办理工作情况报告.docx`;
    const ref = await files.put(`reports/${data.year}/${scope.kind === 'unit' ? `unit-${scope.unitId}` : 'all'}.docx`, bytes, DOCX_MIME);
    const link = await files.link(ref, { fileName, contentType: DOCX_MIME, ...(ctx.openid ? { openid: ctx.openid } : {}) });
    return { ...result, fileName, url: link.url, expiresAt: link.expiresAt };
  },
});
