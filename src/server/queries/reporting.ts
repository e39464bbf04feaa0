// Scope and inputs of the office's numbers (ledger, statistics, annual summary): the whole deployment
// for the office, one unit for its own staff; the core computes, this file only gathers.
import { shanghaiDate } from '../../core/calendar';
import type { Headline, MetricsInput, MetricsScope } from '../../core/metrics';
import type { User } from '../../core/model';
import type { StatsSummary, UnitFigures } from '../../contract';
import type { Metrics } from '../../core/metrics';
import { authorize, isOffice } from '../access/permissions';
import type { Directory } from '../directory';
import type { Reader } from '../ports';

export function scopeFor(user: User, unitId: string | undefined): MetricsScope {
  authorize(user, 'stats.summary');
  if (isOffice(user)) return unitId ? { kind: 'unit', unitId } : { kind: 'all' };
  authorize(user, 'stats.summary', { unitId }, '只能查看本单位的台账和统计');
  return { kind: 'unit', unitId: user.unitId! };
}

export interface Filter {
  year?: number;
  session?: string;
}

export async function metricsInput(reader: Reader, filter: Filter): Promise<MetricsInput & { users: User[] }> {
  const [allSuggestions, tasks, replies, feedbacks, contacts, users] = await Promise.all([
    reader.find('suggestions'),
    reader.find('tasks'),
    reader.find('replies'),
    reader.find('feedback'),
    reader.find('contacts'),
    reader.find('users'),
  ]);
  const suggestions = allSuggestions.filter(
    (s) =>
      (filter.session === undefined || s.session === filter.session) &&
      (filter.year === undefined || shanghaiDate(s.assignedAt ?? s.createdAt).startsWith(`${filter.year}-`)),
  );
  const ids = new Set(suggestions.map((s) => s.id));
  return {
    suggestions,
    tasks: tasks.filter((t) => ids.has(t.suggestionId)),
    replies: replies.filter((r) => ids.has(r.suggestionId)),
    feedbacks: feedbacks.filter((f) => ids.has(f.suggestionId)),
    contacts: contacts.filter((c) => ids.has(c.suggestionId)),
    users,
  };
}

function headline(metrics: Headline): Headline {
  const {
    received, assigned, done, completionRate, onTimeDone, onTimeRate, replied, faceToFace, faceToFaceRate, rated,
    satisfactionRate, attitude, result, byClass, adopted, adoptionRate, byRole, byPhase,
  } = metrics;
  return {
    received, assigned, done, completionRate, onTimeDone, onTimeRate, replied, faceToFace, faceToFaceRate, rated,
    satisfactionRate, attitude, result, byClass, adopted, adoptionRate, byRole, byPhase,
  };
}

/** A unit's line of stats.summary (UnitFigures): the figures the page shows, from the unit's headline. */
export function unitFigures(unitId: string, unitName: string, h: Headline): UnitFigures {
  const { received, done, completionRate, onTimeRate, faceToFaceRate, satisfactionRate, adoptionRate } = h;
  return { unitId, unitName, received, done, completionRate, onTimeRate, faceToFaceRate, satisfactionRate, adoptionRate };
}

export async function statsSummary(metrics: Metrics, filter: Filter, directory: Directory): Promise<StatsSummary> {
  const scope = metrics.scope;
  return {
    ...headline(metrics),
    scope: {
      ...(scope.kind === 'unit' ? { unitId: scope.unitId } : {}),
      unitName: scope.kind === 'unit' ? await directory.unitName(scope.unitId) : '全部单位',
      ...(filter.year !== undefined ? { year: filter.year } : {}),
      ...(filter.session !== undefined ? { session: filter.session } : {}),
    },
    today: metrics.today,
    overdue: metrics.overdue.length,
    atRisk: metrics.atRisk.length,
    perUnit: await Promise.all(
      Object.entries(metrics.perUnit).map(async ([unitId, h]) => unitFigures(unitId, await directory.unitName(unitId), headline(h))),
    ),
  };
}
