// stats.years: the years (of 交办, in Beijing) in which the caller's scope holds suggestions, latest first —
// what the year filters of the lists, the 台账 and the statistics offer, so that none offers an empty year.
// Read from the counters kept per (year, session, unit) (src/server/read-models/project.ts): one query.
import * as z from 'zod';
import type { StatsYearsResult } from '../../contract';
import { scopeFor } from '../queries/reporting';
import { caller, defineUseCase } from '../use-case';
import { idField } from '../validation';

const schema: z.ZodType<{ unitId?: string }> = z.object({ unitId: idField.optional() });

export const statsYears = defineUseCase({
  action: 'stats.years',
  access: 'user',
  schema,
  async run(data, ctx): Promise<StatsYearsResult> {
    const scope = scopeFor(caller(ctx), data.unitId);
    const counters = await ctx.deps.store.find('statCounters', { where: { unitId: scope.kind === 'unit' ? scope.unitId : '*' } });
    const years = new Set(counters.filter((c) => c.received > 0).map((c) => c.year));
    return { years: [...years].sort((a, b) => b - a) };
  },
});
