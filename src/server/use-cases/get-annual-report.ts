// report.annual: the year's summary in the form of the office's own report (section 一 and the
// adopted suggestions), with the statistics it quotes.
import { z } from 'zod';
import type { AnnualReportData, AnnualReportResult } from '../../contract';
import { annualReport } from '../../core/annual-report';
import { shanghaiDate } from '../../core/calendar';
import { replyClassLabel } from '../../core/labels';
import { Directory } from '../directory';
import { metricsInput, scopeFor, statsSummary } from '../reporting';
import { caller, defineUseCase } from '../use-case';
import { idField } from '../validation';

const schema: z.ZodType<AnnualReportData> = z.object({ year: z.number().int().min(2000).max(2100), unitId: idField.optional() });

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
    const unitName = scope.kind === 'unit' ? await directory.unitName(scope.unitId) : ctx.deps.officeName;
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
    return {
      year: data.year,
      title: `${unitName}关于${data.year}年度人大代表建议办理工作情况的报告`,
      text: report.text,
      summary: report.summary,
      adopted: report.adopted.map((a) => ({ ...a, classLabel: replyClassLabel(a.class) })),
      stats: await statsSummary(report.metrics, { year: data.year }, directory),
    };
  },
});
