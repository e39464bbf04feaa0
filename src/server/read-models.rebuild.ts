// Rebuilds the read models (suggestionRows, ledgerRows, statCounters) from the records: for a data file
// written before they existed, or to repair them. Suggestion by suggestion in batches; the counters are
// then set to the sum of every suggestion's share. Run it while nobody changes anything:
// `npm run rebuild:read-models` (the local SQLite file of DATA_DIR).
import type { Store, Tx } from './ports';
import { addCounts, project, zeroCounts, type Counts, type StatCounter } from './ports/read-models';

const BATCH = 200;

export interface RebuildResult {
  suggestions: number;
  rowsWritten: number;
  countersWritten: number;
}

export async function rebuildReadModels(store: Store): Promise<RebuildResult> {
  const totals = new Map<string, Counts>();
  let afterId: string | undefined;
  let suggestions = 0;
  let rowsWritten = 0;
  for (;;) {
    const batch = await store.find('suggestions', { limit: BATCH, ...(afterId ? { afterId } : {}) });
    if (batch.length === 0) break;
    afterId = batch[batch.length - 1]!.id;
    suggestions += batch.length;
    rowsWritten += await store.transaction(async (tx) => {
      let written = 0;
      for (const suggestion of batch) {
        const { suggestionRow, ledgerRows, contribution } = project(await recordsOf(tx, suggestion.id));
        for (const [id, counts] of Object.entries(contribution)) addCounts(totalOf(totals, id), counts);
        written += put(tx, 'suggestionRows', await tx.get('suggestionRows', suggestion.id), { ...suggestionRow, contribution });
        const existing = new Map((await tx.find('ledgerRows', { where: { suggestionId: suggestion.id } })).map((r) => [r.id, r]));
        for (const row of ledgerRows) written += put(tx, 'ledgerRows', existing.get(row.id), row);
      }
      return written;
    });
    if (batch.length < BATCH) break;
  }
  const countersWritten = await store.transaction(async (tx) => {
    let written = 0;
    const stored = new Map((await tx.find('statCounters')).map((c) => [c.id, c]));
    for (const id of new Set([...stored.keys(), ...totals.keys()])) {
      const [year, session, unitId] = id.split('|') as [string, string, string];
      const want: StatCounter = { id, year: Number(year), session, unitId, ...(totals.get(id) ?? zeroCounts()) };
      written += put(tx, 'statCounters', stored.get(id), want);
    }
    return written;
  });
  return { suggestions, rowsWritten, countersWritten };
}

function totalOf(totals: Map<string, Counts>, id: string): Counts {
  let total = totals.get(id);
  if (!total) totals.set(id, (total = zeroCounts()));
  return total;
}

/** Writes the document when it differs from what is stored; 1 when written. */
function put<C extends 'suggestionRows' | 'ledgerRows' | 'statCounters'>(tx: Tx, collection: C, before: unknown, doc: unknown): number {
  if (before === undefined) {
    tx.insert(collection, doc as never);
    return 1;
  }
  if (JSON.stringify(before) === JSON.stringify(doc)) return 0;
  tx.update(collection, doc as never);
  return 1;
}

async function recordsOf(tx: Tx, suggestionId: string) {
  const suggestion = (await tx.get('suggestions', suggestionId))!;
  const where = { where: { suggestionId } };
  const [tasks, replies, feedbacks, contacts, deputy] = await Promise.all([
    tx.find('tasks', where),
    tx.find('replies', where),
    tx.find('feedback', where),
    tx.find('contacts', where),
    tx.get('users', suggestion.leadDeputyId),
  ]);
  return { suggestion, tasks, replies, feedbacks, contacts, deputyName: deputy?.name ?? '' };
}

/** Whether the read models are missing rows (a data file from before them): then rebuild on start. */
export async function readModelsBehind(store: Store): Promise<boolean> {
  const [suggestions, rows] = await Promise.all([store.count('suggestions'), store.count('suggestionRows')]);
  return suggestions !== rows;
}
