// A task on CloudBase: kept inside its ledger row (ledgerRows, the same id) under `task`, the field in
// which the row holds the whole task anyway (src/server/read-models/project.ts), so that the commit of
// a change writes the task and its row as one document instead of two (docs/architecture.md, Scale).
// The Store port still answers tasks as their own collection; this module says where they are stored.
// A task whose row is not written (a task without its suggestion) is a document holding `task` alone:
// no row is read from it. A row written without its task leaves the stored `task` as it is. Where the
// tasks' queries go: cloudbase.rows.ts, homeOf.
import type { PlannedWrite } from '../unit-of-work';

export const TASKS = 'tasks';
export const LEDGER = 'ledgerRows';
/** The field of a ledger document that holds its task. */
export const TASK = 'task';

/** The fields a task read asks for: the task and the revision (not the rest of its row). */
export const TASK_PROJECTION: Record<string, boolean> = { [TASK]: true, _rev: true };

type Raw = Record<string, unknown>;

/** A task as stored on its own would be: out of the ledger document that holds it (undefined: none). */
export function taskOf(raw: Raw | null | undefined): Raw | undefined {
  const task = raw?.[TASK];
  if (!task || typeof task !== 'object') return undefined;
  return { ...(task as Raw), _id: raw!._id, _rev: raw!._rev };
}

/** Whether a ledger document holds a row: a field besides its task and the system's (`_id`, `_rev`, …). */
export function holdsRow(raw: Raw | null | undefined): boolean {
  return !!raw && Object.keys(raw).some((key) => key !== TASK && !key.startsWith('_'));
}

/** The fields of a row that are its own (without its task and the system's). */
export function rowFields(row: unknown): Raw {
  const out: Raw = {};
  for (const [key, value] of Object.entries((row ?? {}) as Raw)) if (key !== TASK && !key.startsWith('_')) out[key] = value;
  return out;
}

/**
 * The field a query of rows (or tasks) without any condition on them filters on, so that it meets
 * only the documents holding one (a task without its row holds no row field; a row holds its task):
 * for rows, the first field the query sorts by (its index serves filter and order), else suggestionId,
 * which every row and every task has.
 */
export function presenceField(collection: string, firstOrderPath: string | undefined): string {
  if (collection === TASKS) return `${TASK}.suggestionId`;
  return firstOrderPath ?? 'suggestionId';
}

/** A commit's writes of one task and of its row (either may be absent): one stored document. */
export interface LedgerChange {
  id: string;
  task?: PlannedWrite;
  row?: PlannedWrite;
}

/** The writes of tasks and ledger rows of a commit, paired by id (in the order first written). */
export function ledgerChanges(writes: readonly PlannedWrite[]): LedgerChange[] {
  const out = new Map<string, LedgerChange>();
  for (const write of writes) {
    if (write.collection !== TASKS && write.collection !== LEDGER) continue;
    let change = out.get(write.id);
    if (!change) out.set(write.id, (change = { id: write.id }));
    if (write.collection === TASKS) change.task = write;
    else change.row = write;
  }
  return [...out.values()];
}

/** What the unit of work took a row to be (its own fields; null: absent), for the check of a retried commit. */
export function expectedRow(write: PlannedWrite): Raw | null {
  if (write.expectedRev === 0 || write.expected === undefined || write.expected === null) return null;
  return rowFields(write.expected);
}
