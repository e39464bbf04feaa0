// Unit names as people type them in a 交办清单, and the roster's units near a name no unit has: the
// name normalised as a deputy's is (spaces dropped, full-width made half-width), then near when one
// character is replaced, added or dropped ("市民政局" / "民政局" — 市 missing — / "市民证局"), or when it is
// a short name of the unit (its characters in order within the full name and keeping its first and last:
// "市发改委" for 市发展改革委, "交通局" for 市交通运输局). The closest first, at most NEAR_UNITS.
import type { Unit } from '../../core/model';
import { normaliseName, withinOneEdit } from './deputy-names';

export const NEAR_UNITS = 3;

const CITY = /^[市区县省]/;

/** True when every character of `short` appears in `full` in order, the last ones matching (局, 委 …). */
function shortNameOf(short: string, full: string): boolean {
  const s = [...short.replace(CITY, '')];
  const f = [...full.replace(CITY, '')];
  if (s.length < 2 || s.length >= f.length || s[0] !== f[0] || s[s.length - 1] !== f[f.length - 1]) return false;
  let i = 0;
  for (const ch of f) if (ch === s[i]) i += 1;
  return i === s.length;
}

/** 0: one edit apart; 1: a short name of the other (either way); undefined: not near. */
function closeness(name: string, unit: string): number | undefined {
  if (withinOneEdit(name, unit)) return 0;
  if (shortNameOf(name, unit) || shortNameOf(unit, name)) return 1;
  return undefined;
}

/** Up to NEAR_UNITS roster units near `name` (normalised), the closest first, then by name. */
export function nearUnits(name: string, units: readonly Unit[]): Unit[] {
  return units
    .map((unit) => ({ unit, rank: closeness(name, normaliseName(unit.name)) }))
    .filter((u): u is { unit: Unit; rank: number } => u.rank !== undefined)
    .sort((a, b) => a.rank - b.rank || a.unit.name.localeCompare(b.unit.name, 'zh-CN') || a.unit.id.localeCompare(b.unit.id))
    .slice(0, NEAR_UNITS)
    .map(({ unit }) => unit);
}
