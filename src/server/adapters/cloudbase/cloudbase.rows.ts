// A suggestion's list row (suggestionRows) on CloudBase: kept inside its detail document
// (suggestionDetails) under `row`, so that the commit of a change sets it with the patch of the detail
// document it sends anyway, instead of a request of its own (docs/architecture.md, Scale). The Store
// port still answers the rows as their own collection; this module says where they are stored.
import type { CollectionName } from '../../ports';
import type { SuggestionDetailDoc } from '../../ports/read-model-docs';
import { LEDGER, TASK, TASKS } from './cloudbase.tasks';

export const ROWS = 'suggestionRows';
export const DETAILS = 'suggestionDetails';
/** The field of a detail document that holds its suggestion's list row. */
export const ROW = 'row';

/**
 * Where a collection's documents are stored, and the prefix of their fields' paths there: a list row in
 * its detail document under `row`, a task in its ledger row under `task` (cloudbase.tasks.ts).
 */
export function homeOf(collection: string): { name: string; prefix: string } {
  if (collection === ROWS) return { name: DETAILS, prefix: `${ROW}.` };
  if (collection === TASKS) return { name: LEDGER, prefix: `${TASK}.` };
  return { name: collection, prefix: '' };
}

/** The fields a rows query answers: the row and the revision (a list page carries no detail document). */
export const ROW_PROJECTION: Record<string, boolean> = { [ROW]: true, _rev: true };
/** The fields a detail document read answers: all but its row. */
export const DETAIL_PROJECTION: Record<string, boolean> = { [ROW]: false };

/** A row as stored on its own would be: out of the detail document that holds it (undefined: none). */
export function rowOf(raw: Record<string, unknown> | null | undefined): Record<string, unknown> | undefined {
  const row = raw?.[ROW];
  if (!row || typeof row !== 'object') return undefined;
  return { ...(row as Record<string, unknown>), _id: raw!._id, _rev: raw!._rev };
}

/** A stored document as the port's collection sees it: a detail document without its row. */
export function withoutRow(collection: CollectionName, raw: Record<string, unknown>): Record<string, unknown> {
  if (collection !== DETAILS || !(ROW in raw)) return raw;
  const { [ROW]: _row, ...rest } = raw;
  return rest;
}

/** The optional fields of a detail document: a whole write without them removes them (its row stays). */
export const OPTIONAL_DETAIL_FIELDS: readonly (keyof SuggestionDetailDoc)[] = ['suggestion', 'deputyName'];
