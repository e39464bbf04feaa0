// Matches the rows of a 交办清单 against what the store holds: units by name, deputies by name and
// 代表团 (created as users with role deputy when new), and rows imported before (same 届次 + 建议号).
// Nothing is written here; the plan either has problems or says exactly what to create.
import { shanghaiDate } from '../../core/calendar';
import type { Suggestion, Unit, User } from '../../core/model';
import type { Reader } from '../ports';
import { importedDeputyId } from './import-ids';
import type { ImportRow, RowProblem } from './import-rows';

export interface PlannedSuggestion {
  row: ImportRow;
  leadDeputyId: string;
  coSignerIds: string[];
  units: { unitId: string; role: ImportRow['units'][number]['role'] }[];
}

export interface ImportPlan {
  create: PlannedSuggestion[];
  unchanged: string[]; // 建议号 of rows already imported
  newDeputies: User[];
  problems: RowProblem[];
}

const UNIT_COLUMNS = { lead: '主办单位', co: '会办单位', split: '分办单位', sole: '主办单位' } as const;
const HINT_UNITS = 30;

/**
 * Deputies known by name. A lead deputy's 代表团 is the row's, so leads are matched (or created) by
 * name + 代表团; a co-signer's 代表团 is not in the file, so co-signers are matched by name — one of
 * the row's 代表团 first — and created without a 代表团 only when nobody of that name is known.
 * Leads are all entered before any co-signer is looked up, so the order of the rows does not matter.
 */
class DeputyBook {
  readonly created: User[] = [];
  private readonly byName = new Map<string, User[]>();

  constructor(deputies: readonly User[], private readonly now: string) {
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

  /** The lead deputy: of the row's 代表团, or a namesake registered without one, else new. */
  lead(name: string, delegation: string): User {
    const namesakes = this.byName.get(name) ?? [];
    return namesakes.find((u) => u.delegation === delegation) ?? namesakes.find((u) => !u.delegation) ?? this.create(name, delegation);
  }

  /** A co-signer: of the row's 代表团 if there is one, else the only deputy of that name, else new. */
  coSigner(name: string, delegation: string): User | 'ambiguous' {
    const namesakes = this.byName.get(name) ?? [];
    const same = namesakes.find((u) => u.delegation === delegation);
    if (same) return same;
    if (namesakes.length === 1) return namesakes[0]!;
    if (namesakes.length > 1) return 'ambiguous';
    return this.create(name);
  }
}

function unitHint(units: readonly Unit[]): string {
  const names = units.map((u) => u.name).sort((a, b) => a.localeCompare(b, 'zh-CN'));
  const shown = names.slice(0, HINT_UNITS).join('、');
  return names.length === 0 ? '系统中还没有登记承办单位' : `现有单位：${shown}${names.length > HINT_UNITS ? '等' : ''}`;
}

const sameContent = (existing: Suggestion, row: ImportRow) => existing.title === row.title && existing.content === row.content;

export async function planImport(reader: Reader, rows: readonly ImportRow[], now: string): Promise<ImportPlan> {
  const [units, deputies] = await Promise.all([reader.find('units'), reader.find('users', { where: { roles: 'deputy' } })]);
  const unitByName = new Map(units.map((u) => [u.name, u]));
  const book = new DeputyBook(deputies, now);
  const today = shanghaiDate(now);
  const seen = new Map<string, number>();
  const plan: ImportPlan = { create: [], unchanged: [], newDeputies: book.created, problems: [] };
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

  const candidates: { row: ImportRow; units: PlannedSuggestion['units'] }[] = [];
  for (const row of rows) {
    const problems: string[] = [];
    const key = `${row.session}\u0000${row.number}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) problems.push(`「建议号」${row.number}与第${earlier}行重复`);
    seen.set(key, row.line);

    const existing = (await numbersOf(row.session)).get(row.number);
    if (existing && earlier === undefined) {
      if (sameContent(existing, row)) plan.unchanged.push(row.number);
      else plan.problems.push({ line: row.line, reason: `「建议号」${row.number}在${row.session}已存在，且标题或内容与本次导入不同` });
      continue;
    }

    const planned: PlannedSuggestion['units'] = [];
    for (const unit of row.units) {
      const found = unitByName.get(unit.name);
      if (found) planned.push({ unitId: found.id, role: unit.role });
      else problems.push(`「${UNIT_COLUMNS[unit.role]}」“${unit.name}”不是登记的承办单位（${unitHint(units)}）`);
    }
    if (row.assignedDate && row.assignedDate > today) problems.push(`「交办日期」${row.assignedDate}不能晚于今天`);
    if (problems.length > 0) {
      plan.problems.push(...problems.map((reason) => ({ line: row.line, reason })));
      continue;
    }

    candidates.push({ row, units: planned });
  }

  const leads = candidates.map(({ row }) => book.lead(row.leadDeputy, row.delegation));
  candidates.forEach(({ row, units: planned }, i) => {
    const lead = leads[i]!;
    const coSignerIds: string[] = [];
    const problems: string[] = [];
    for (const name of row.coSigners) {
      const found = book.coSigner(name, row.delegation);
      if (found === 'ambiguous') problems.push(`「附议代表」“${name}”有多位同名代表，请在系统中核对后再导入`);
      else if (found.id !== lead.id && !coSignerIds.includes(found.id)) coSignerIds.push(found.id);
    }
    if (problems.length > 0) plan.problems.push(...problems.map((reason) => ({ line: row.line, reason })));
    else plan.create.push({ row, leadDeputyId: lead.id, coSignerIds, units: planned });
  });
  plan.problems.sort((a, b) => a.line - b.line);
  return plan;
}
