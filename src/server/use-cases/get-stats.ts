// stats.summary: 办结率, 按时办结率, 面复率, 满意率 and the counts behind them, for a scope — read from
// the counters kept per (year, session, unit) in the same commit as each change (src/server/read-models/project.ts),
// and two counts of the ledger rows for 超期 and 临期 (which move with the date, not with changes).
import * as z from 'zod';
import type { StatsQuery, StatsSummary } from '../../contract';
import { addDays, shanghaiDate } from '../../core/calendar';
import { Directory } from '../directory';
import type { Query, Store } from '../ports';
import type { Counts } from '../ports/read-model-docs';
import { addCounts, headlineOf, zeroCounts } from '../read-models/project';
import { scopeFor, unitFigures } from '../queries/reporting';
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
    const store = ctx.deps.store;
    const scope = scopeFor(caller(ctx), data.unitId);
    const today = shanghaiDate(ctx.now);
    // The same figures for the same scope and day, while nothing has changed (a store with a stamp).
    const stamp = store.readStamp?.();
    if (stamp === undefined) return summary(store, data, scope, today, ctx.deps.policy.atRiskDays);
    let memo = MEMOS.get(store);
    if (!memo || memo.stamp !== stamp) MEMOS.set(store, (memo = { stamp, answers: new Map() }));
    const key = JSON.stringify([scope.kind === 'unit' ? scope.unitId : '*', data.year ?? null, data.session ?? null, today, ctx.deps.policy.atRiskDays]);
    let answer = memo.answers.get(key);
    if (!answer) {
      answer = summary(store, data, scope, today, ctx.deps.policy.atRiskDays);
      memo.answers.set(key, answer);
      // A failed read is not kept.
      answer.catch(() => memo!.answers.delete(key));
    }
    return answer;
  },
});

/** Answers by scope, year, session and day, computed at one stamp of a store. */
const MEMOS = new WeakMap<Store, { stamp: string; answers: Map<string, Promise<StatsSummary>> }>();

async function summary(store: Store, data: StatsQuery, scope: ReturnType<typeof scopeFor>, today: string, atRiskDays: number): Promise<StatsSummary> {
  const filter = { ...(data.year !== undefined ? { year: data.year } : {}), ...(data.session ? { session: data.session } : {}) };
  const unitId = scope.kind === 'unit' ? scope.unitId : undefined;
  const rows: Query<'ledgerRows'>['where'] = { ...filter, ...(unitId ? { unitId } : {}) };
  const [counters, overdue, atRisk] = await Promise.all([
    store.find('statCounters', { where: { ...filter, ...(unitId ? { unitId } : {}) } }),
    store.count('ledgerRows', { where: rows, range: { field: 'activeDue', lt: today } }),
    store.count('ledgerRows', { where: rows, range: { field: 'activeDue', gte: today, lt: addDays(today, atRiskDays + 1) } }),
  ]);
  // Summed over years and sessions when the query names none.
  const byUnit = new Map<string, Counts>();
  for (const counter of counters) {
    const sum = byUnit.get(counter.unitId) ?? zeroCounts();
    byUnit.set(counter.unitId, addCounts(sum, counter));
  }
  const total = byUnit.get(unitId ?? '*') ?? zeroCounts();
  const units = [...byUnit.entries()].filter(([id, c]) => id !== '*' && c.received > 0).sort(([a], [b]) => (a < b ? -1 : 1));
  const directory = new Directory(store);
  await directory.preload([], [...units.map(([id]) => id), ...(unitId ? [unitId] : [])]);
  return {
    ...headlineOf(total),
    scope: {
      ...(unitId ? { unitId } : {}),
      unitName: unitId ? await directory.unitName(unitId) : '全部单位',
      ...filter,
    },
    today,
    overdue,
    atRisk,
    perUnit: await Promise.all(units.map(async ([id, c]) => unitFigures(id, await directory.unitName(id), headlineOf(c)))),
  };
}
