// stats.summary: 办结率, 按时办结率, 面复率, 满意率 and the counts behind them, for a scope.
import * as z from 'zod';
import type { StatsQuery, StatsSummary } from '../../contract';
import { shanghaiDate } from '../../core/calendar';
import { computeMetrics } from '../../core/metrics';
import { Directory } from '../directory';
import { metricsInput, scopeFor, statsSummary } from '../reporting';
import { caller, defineUseCase } from '../use-case';
import { idField } from '../validation';

export const statsQueryFields = {
  year: z.number().int().min(2000).max(2100).optional(),
  session: z.string().trim().min(1).max(40).optional(),
  unitId: idField.optional(),
};
const schema: z.ZodType<StatsQuery> = z.object(statsQueryFields);

export const getStats = defineUseCase({
  action: 'stats.summary',
  access: 'user',
  schema,
  async run(data, ctx): Promise<StatsSummary> {
    const scope = scopeFor(caller(ctx), data.unitId);
    const filter = { ...(data.year !== undefined ? { year: data.year } : {}), ...(data.session ? { session: data.session } : {}) };
    const input = await metricsInput(ctx.deps.store, filter);
    const metrics = computeMetrics(input, scope, shanghaiDate(ctx.now), ctx.deps.policy);
    return statsSummary(metrics, filter, new Directory(ctx.deps.store));
  },
});
