// Rebuilds the read models (suggestionRows, ledgerRows, statCounters, suggestionDetails) from the records: for a data file
// written before they existed, or to repair them; and writes again the notices a store holds without
// their derived index value (unread: docs/notifications.md). Suggestion by suggestion in batches; the counters are
// then set to the sum of every suggestion's share. Run it while nobody changes anything:
// `npm run rebuild:read-models` (the local SQLite file of DATA_DIR).
import type { Store, Tx } from '../ports';
import { detailsFromCollections } from './details';
import { parseCounterId, type Counts, type StatCounter } from '../ports/read-model-docs';
import { addCounts, detailRecords, project, zeroCounts } from './project';
import type { NotificationCount } from '../ports/read-model-docs';

const BATCH = 200;

export interface RebuildResult {
  suggestions: number;
  rowsWritten: number;
  countersWritten: number;
  /** Notices written again with their derived index value (stored before the store kept it). */
  noticesWritten: number;
  /** 全部已读 documents (notificationCounts) rid of the figure they once kept. */
  readMarksWritten: number;
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
      // One query a record kind for the whole batch, and the batch's stored read models.
      const ids = batch.map((s) => s.id);
      const [details, storedDetails, storedRows, storedLedger] = await Promise.all([
        detailsFromCollections(tx, ids),
        tx.getMany('suggestionDetails', ids),
        tx.getMany('suggestionRows', ids),
        tx.find('ledgerRows', { where: { suggestionId: ids } }),
      ]);
      const deputies = new Map((await tx.getMany('users', batch.map((s) => s.leadDeputyId).filter(Boolean))).map((u) => [u.id, u.name]));
      const detailById = new Map(storedDetails.map((d) => [d.id, d]));
      const rowById = new Map(storedRows.map((r) => [r.id, r]));
      const existing = new Map(storedLedger.map((r) => [r.id, r]));
      for (const detail of details) {
        const r = detailRecords(detail);
        const suggestion = detail.suggestion!;
        const { suggestionRow, ledgerRows, contribution } = project({
          suggestion,
          tasks: r.tasks,
          replies: r.replies,
          feedbacks: r.feedback,
          contacts: r.contacts,
          opinions: r.opinions,
          commitments: r.commitments,
          deputyName: deputies.get(suggestion.leadDeputyId) ?? '',
        });
        for (const [id, counts] of Object.entries(contribution)) addCounts(totalOf(totals, id), counts);
        written += put(tx, 'suggestionDetails', detailById.get(detail.id), { ...detail, deputyName: deputies.get(suggestion.leadDeputyId) ?? '' });
        written += put(tx, 'suggestionRows', rowById.get(suggestion.id), { ...suggestionRow, contribution });
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
      const want: StatCounter = { id, ...parseCounterId(id), ...(totals.get(id) ?? zeroCounts()) };
      written += put(tx, 'statCounters', stored.get(id), want);
    }
    return written;
  });
  return { suggestions, rowsWritten, countersWritten, noticesWritten: await reindexNotices(store), readMarksWritten: await tidyReadMarks(store) };
}

/**
 * Whether some notices lack their derived index value (unread): stored before the store derived it
 * (CloudBase keeps it in the document; SQLite fills a new column itself when it opens the file).
 */
async function noticesUnindexed(store: Store): Promise<boolean> {
  const [all, unread, read] = await Promise.all([
    store.count('notifications'),
    store.count('notifications', { where: { unread: true } }),
    store.count('notifications', { where: { unread: false } }),
  ]);
  return unread + read !== all;
}

/** Every notice written again as it is (the store derives its index value on the way), page by page. */
async function reindexNotices(store: Store): Promise<number> {
  if (!(await noticesUnindexed(store))) return 0;
  let written = 0;
  for (let afterId: string | undefined; ; ) {
    const page = await store.find('notifications', { limit: BATCH, ...(afterId ? { afterId } : {}) });
    if (page.length === 0) break;
    afterId = page[page.length - 1]!.id;
    written += await store.transaction(async (tx) => {
      const notices = await tx.getMany('notifications', page.map((n) => n.id));
      for (const n of notices) tx.update('notifications', n);
      return notices.length;
    });
    if (page.length < BATCH) break;
  }
  return written;
}

/** Each 全部已读 document with its readBefore alone (one from before may carry the unread figure it kept). */
async function tidyReadMarks(store: Store): Promise<number> {
  return store.transaction(async (tx) => {
    let written = 0;
    for (const stored of await tx.find('notificationCounts')) {
      const want: NotificationCount = { id: stored.id, ...(stored.readBefore !== undefined ? { readBefore: stored.readBefore } : {}) };
      written += put(tx, 'notificationCounts', stored, want);
    }
    return written;
  });
}

function totalOf(totals: Map<string, Counts>, id: string): Counts {
  let total = totals.get(id);
  if (!total) totals.set(id, (total = zeroCounts()));
  return total;
}

/** Writes the document when it differs from what is stored; 1 when written. */
function put<C extends 'suggestionRows' | 'ledgerRows' | 'statCounters' | 'suggestionDetails' | 'notificationCounts'>(tx: Tx, collection: C, before: unknown, doc: unknown): number {
  if (before === undefined) {
    tx.insert(collection, doc as never);
    return 1;
  }
  if (canonical(before) === canonical(doc)) return 0;
  tx.update(collection, doc as never);
  return 1;
}

/**
 * Whether the read models are missing rows or fields (a data file from before them or from before a
 * field was added): then rebuild on start.
 */
export async function readModelsBehind(store: Store): Promise<boolean> {
  const [suggestions, rows, details, tasks, ledger, unindexed] = await Promise.all([
    store.count('suggestions'),
    store.count('suggestionRows'),
    store.count('suggestionDetails'),
    store.count('tasks'),
    store.find('ledgerRows', { limit: 1 }),
    noticesUnindexed(store),
  ]);
  // Rows written before tasks.mine read them lack the task and its work lists.
  const oldRow = ledger.length > 0 && (ledger[0]!.inbox === undefined || ledger[0]!.guards?.faceToFace === undefined);
  return suggestions !== rows || suggestions !== details || (tasks > 0 && ledger.length === 0) || oldRow || unindexed;
}

/** JSON with every object's keys in order: equal documents compare equal whatever order their fields were set in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}
