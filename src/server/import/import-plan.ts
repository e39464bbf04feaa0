// Matches the rows of a 交办清单 against what the store holds: units by name, deputies by name and
// 代表团, and rows imported before (same 届次 + 建议号). A deputy or unit name the roster does not know is
// never turned into a new person or unit on its own: the plan lists it (with the rows where it appears
// and the near names of the roster) unless the coordinator has decided it — an existing one, or a new one.
// Nothing is written here; the plan either has problems, unknown names, or says exactly what to create.
import { shanghaiDate } from '../../core/calendar';
import type { Suggestion, Unit, User } from '../../core/model';
import type { Reader } from '../ports';
import { nearDeputies, normaliseName } from './deputy-names';
import { excerpt } from './excerpt';
import { importedDeputyId, importedUnitId } from './import-ids';
import { nearUnits } from './unit-names';
import type { ImportRow, RowProblem } from './import-rows';

/** What the coordinator decided for a name the roster does not know (keyed by the normalised name). */
export type DeputyDecision = { userId: string } | { create: true };
/** What the coordinator decided for a unit name no unit has (keyed by the normalised name). */
export type UnitDecision = { unitId: string } | { create: true };

/** A unit name no unit on the roster has, with the rows (line numbers) where it appears. */
export interface UnknownUnit {
  name: string;
  lines: number[];
  near: Unit[];
}

export interface PlannedSuggestion {
  row: ImportRow;
  leadDeputyId: string;
  coSignerIds: string[];
  units: { unitId: string; role: ImportRow['units'][number]['role'] }[];
  /** Names of this row taken as an existing deputy by the coordinator's decision. */
  decided: { name: string; userId: string }[];
}

/** A name nobody on the roster has, with the rows (line numbers) and 代表团 where it appears. */
export interface UnknownName {
  name: string;
  lines: number[];
  delegations: string[];
  near: User[];
}

export interface ImportPlan {
  create: PlannedSuggestion[];
  unchanged: string[]; // 建议号 of rows already imported
  newDeputies: User[];
  problems: RowProblem[];
  /** Names that need a decision before anything is written (empty: none). */
  unknown: UnknownName[];
  /** Rows that would be created once every name is decided. */
  pending: number;
  /** Units the decisions register (written with the first step). */
  newUnits: Unit[];
  /** Unit names that need a decision before anything is written (empty: none). */
  unknownUnits: UnknownUnit[];
  /** The roster's deputies as read for the plan (their names go into the new rows' search text). */
  roster: readonly { id: string; name: string }[];
}

const UNIT_COLUMNS = { lead: '主办单位', co: '会办单位', split: '分办单位', sole: '主办单位' } as const;

/**
 * Units known by their normalised name. A name no unit has is looked up in the decisions: an existing
 * unit, or a new one (registered once, id derived from the name); undecided, it is noted as unknown.
 */
class UnitBook {
  readonly created = new Map<string, Unit>();
  readonly unknown = new Map<string, Set<number>>();
  private readonly byName: Map<string, Unit>;

  constructor(
    readonly units: readonly Unit[],
    private readonly decisions: ReadonlyMap<string, UnitDecision>,
  ) {
    this.byName = new Map(units.map((u) => [normaliseName(u.name), u]));
  }

  /** The unit's id, or undefined when the name waits for a decision. */
  find(written: string, line: number): string | undefined {
    const name = normaliseName(written);
    const found = this.byName.get(name);
    if (found) return found.id;
    const decision = this.decisions.get(name);
    if (decision && 'unitId' in decision) return decision.unitId;
    if (decision) {
      const unit = this.created.get(name) ?? { id: importedUnitId(name), name, departments: [] };
      this.created.set(name, unit);
      return unit.id;
    }
    this.unknown.set(name, (this.unknown.get(name) ?? new Set<number>()).add(line));
    return undefined;
  }
}

/**
 * Deputies known by name. A lead deputy's 代表团 is the row's, so leads are matched by name + 代表团;
 * a co-signer's 代表团 is not in the file, so co-signers are matched by name — one of the row's
 * 代表团 first. A name matched by nobody is looked up in the decisions: an existing deputy, or a new
 * one (a lead with the row's 代表团, a co-signer without one); undecided, it is noted as unknown.
 * Leads are all entered before any co-signer is looked up, so the order of the rows does not matter.
 */
class DeputyBook {
  readonly created: User[] = [];
  readonly unknown = new Map<string, { lines: Set<number>; delegations: Set<string> }>();
  private readonly byName = new Map<string, User[]>();

  constructor(
    deputies: readonly User[],
    private readonly decisions: ReadonlyMap<string, DeputyDecision>,
    private readonly now: string,
  ) {
    for (const deputy of deputies) this.add(deputy);
  }

  private add(user: User): void {
    this.byName.set(user.name, [...(this.byName.get(user.name) ?? []), user]);
  }

  private create(name: string, delegation?: string): User {
    const user: User = { id: importedDeputyId(name, delegation), name, roles: ['deputy'], ...(delegation ? { delegation } : {}), createdAt: this.now, version: 1 };
    this.add(user);
    this.created.push(user);
    return user;
  }

  /** Nobody of this name fits: the decision, or the name noted as unknown (undefined). */
  private decide(name: string, line: number, delegation: string, created: () => User): string | undefined {
    const decision = this.decisions.get(name);
    if (decision && 'userId' in decision) return decision.userId;
    if (decision) return created().id;
    const seen = this.unknown.get(name) ?? { lines: new Set<number>(), delegations: new Set<string>() };
    seen.lines.add(line);
    seen.delegations.add(delegation);
    this.unknown.set(name, seen);
    return undefined;
  }

  /** The lead deputy: of the row's 代表团, or a namesake registered without one, else decided. */
  lead(name: string, delegation: string, line: number): string | undefined {
    const namesakes = this.byName.get(name) ?? [];
    const found = namesakes.find((u) => u.delegation === delegation) ?? namesakes.find((u) => !u.delegation);
    return found ? found.id : this.decide(name, line, delegation, () => this.create(name, delegation));
  }

  /** A co-signer: of the row's 代表团 if there is one, else the only deputy of that name, else decided. */
  coSigner(name: string, delegation: string, line: number): string | 'ambiguous' | undefined {
    const namesakes = this.byName.get(name) ?? [];
    const same = namesakes.find((u) => u.delegation === delegation);
    if (same) return same.id;
    if (namesakes.length === 1) return namesakes[0]!.id;
    if (namesakes.length > 1) return 'ambiguous';
    return this.decide(name, line, delegation, () => this.create(name));
  }
}

const sameContent = (existing: Suggestion, row: ImportRow) => existing.title === row.title && existing.content === row.content;

export async function planImport(
  reader: Reader,
  rows: readonly ImportRow[],
  now: string,
  decisions: ReadonlyMap<string, DeputyDecision> = new Map(),
  unitDecisions: ReadonlyMap<string, UnitDecision> = new Map(),
): Promise<ImportPlan> {
  const [units, registered] = await Promise.all([reader.find('units'), reader.find('users', { where: { roles: 'deputy' } })]);
  // The roster's names compared as the file's are (a name registered as "王建 华" is 王建华).
  const deputies = registered.map((u) => ({ ...u, name: normaliseName(u.name) }));
  const unitBook = new UnitBook(units, unitDecisions);
  const book = new DeputyBook(deputies, decisions, now);
  const today = shanghaiDate(now);
  const seen = new Map<string, number>();
  const plan: ImportPlan = {
    create: [],
    unchanged: [],
    newDeputies: book.created,
    problems: [],
    unknown: [],
    pending: 0,
    newUnits: [],
    unknownUnits: [],
    roster: registered.map(({ id, name }) => ({ id, name })),
  };
  // One query per 届次 in the file, not one per row: a list of thousands stays a handful of reads.
  const sessions = new Map<string, Promise<Map<string, Suggestion>>>();
  const numbersOf = (session: string) => {
    let found = sessions.get(session);
    if (!found) {
      found = reader.find('suggestions', { where: { session } }).then((list) => new Map(list.map((s) => [s.number, s])));
      sessions.set(session, found);
    }
    return found;
  };

  const candidates: { row: ImportRow; units: PlannedSuggestion['units']; unitsUndecided: boolean }[] = [];
  for (const row of rows) {
    const problems: string[] = [];
    const key = `${row.session}\u0000${row.number}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) problems.push(`「建议号」${excerpt(row.number)}与第${earlier}行重复`);
    seen.set(key, row.line);

    const existing = (await numbersOf(row.session)).get(row.number);
    if (existing && earlier === undefined) {
      if (sameContent(existing, row)) plan.unchanged.push(row.number);
      else plan.problems.push({ line: row.line, reason: `「建议号」${row.number}在${row.session}已存在，且标题或内容与本次导入不同` });
      continue;
    }

    const planned: PlannedSuggestion['units'] = [];
    let unitsUndecided = false;
    for (const unit of row.units) {
      const unitId = unitBook.find(unit.name, row.line);
      if (unitId === undefined) unitsUndecided = true;
      else if (planned.some((p) => p.unitId === unitId)) problems.push(`「${UNIT_COLUMNS[unit.role]}」“${excerpt(unit.name)}”与本行另一列是同一单位`);
      else planned.push({ unitId, role: unit.role });
    }
    if (row.assignedDate && row.assignedDate > today) problems.push(`「交办日期」${excerpt(row.assignedDate)}不能晚于今天`);
    if (problems.length > 0) {
      plan.problems.push(...problems.map((reason) => ({ line: row.line, reason })));
      continue;
    }

    candidates.push({ row, units: planned, unitsUndecided });
  }

  const leads = candidates.map(({ row }) => book.lead(row.leadDeputy, row.delegation, row.line));
  const decidedUse = (name: string) => {
    const decision = decisions.get(name);
    return decision && 'userId' in decision ? [{ name, userId: decision.userId }] : [];
  };
  candidates.forEach(({ row, units: planned, unitsUndecided }, i) => {
    const lead = leads[i];
    const coSignerIds: string[] = [];
    const problems: string[] = [];
    let undecided = lead === undefined || unitsUndecided;
    for (const name of row.coSigners) {
      const found = book.coSigner(name, row.delegation, row.line);
      if (found === 'ambiguous') problems.push(`「附议代表」“${excerpt(name)}”有多位同名代表，请在系统中核对后再导入`);
      else if (found === undefined) undecided = true;
      else if (found !== lead && !coSignerIds.includes(found)) coSignerIds.push(found);
    }
    if (problems.length > 0) plan.problems.push(...problems.map((reason) => ({ line: row.line, reason })));
    else if (!undecided) {
      const decided = [row.leadDeputy, ...row.coSigners].flatMap(decidedUse);
      plan.create.push({ row, leadDeputyId: lead!, coSignerIds, units: planned, decided });
    }
  });
  plan.pending = candidates.length;
  plan.unknown = [...book.unknown].map(([name, seen]) => {
    const delegations = [...seen.delegations];
    return { name, lines: [...seen.lines].sort((a, b) => a - b), delegations, near: nearDeputies(name, delegations, registered) };
  });
  plan.unknown.sort((a, b) => a.lines[0]! - b.lines[0]! || a.name.localeCompare(b.name, 'zh-CN'));
  plan.newUnits = [...unitBook.created.values()];
  plan.unknownUnits = [...unitBook.unknown]
    .map(([name, lines]) => ({ name, lines: [...lines].sort((a, b) => a - b), near: nearUnits(name, units) }))
    .sort((a, b) => a.lines[0]! - b.lines[0]! || a.name.localeCompare(b.name, 'zh-CN'));
  plan.problems.sort((a, b) => a.line - b.line);
  return plan;
}
