// Rebuilds the read models (suggestionRows, ledgerRows, statCounters, suggestionDetails, notificationCounts) from the records: for a data file
// written before they existed, or to repair them. Suggestion by suggestion in batches; the counters are
// then set to the sum of every suggestion's share. Run it while nobody changes anything:
// `npm run rebuild:read-models` (the local SQLite file of DATA_DIR).
import type { Store, Tx } from '../ports';
import { detailsFromCollections } from './details';
import { parseCounterId, type Counts, type StatCounter } from '../ports/read-model-docs';
import { addCounts, detailRecords, project, zeroCounts } from './project';
import { countUnread } from './unread';
import type { Notification } from '../../core/model';

const BATCH = 200;

export interface RebuildResult {
  suggestions: number;
  rowsWritten: number;
  countersWritten: number;
  /** Users' unread counters written (notificationCounts). */
  unreadCountersWritten: number;
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
  return { suggestions, rowsWritten, countersWritten, unreadCountersWritten: await rebuildUnreadCounts(store) };
}

/** Every user's unread counter from the notices, page by page (src/server/read-models/unread.ts). */
async function rebuildUnreadCounts(store: Store): Promise<number> {
  const notices: Notification[] = [];
  for (let afterId: string | undefined; ; ) {
    const page = await store.find('notifications', { limit: 1000, ...(afterId ? { afterId } : {}) });
    notices.push(...page);
    if (page.length < 1000) break;
    afterId = page[page.length - 1]!.id;
  }
  return store.transaction(async (tx) => {
    const stored = new Map((await tx.find('notificationCounts')).map((c) => [c.id, c]));
    let written = 0;
    for (const [id, want] of countUnread(notices, stored)) written += put(tx, 'notificationCounts', stored.get(id), want);
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
  const [suggestions, rows, details, tasks, ledger, notices, unreadCounters] = await Promise.all([
    store.count('suggestions'),
    store.count('suggestionRows'),
    store.count('suggestionDetails'),
    store.count('tasks'),
    store.find('ledgerRows', { limit: 1 }),
    store.find('notifications', { limit: 1 }),
    store.find('notificationCounts', { limit: 1 }),
  ]);
  // Rows written before tasks.mine read them lack the task and its work lists.
  const oldRow = ledger.length > 0 && (ledger[0]!.inbox === undefined || ledger[0]!.guards?.faceToFace === undefined);
  // Notices written before the unread counters were kept with them.
  const noCounters = notices.length > 0 && unreadCounters.length === 0;
  return suggestions !== rows || suggestions !== details || (tasks > 0 && ledger.length === 0) || oldRow || noCounters;
}

/** JSON with every object's keys in order: equal documents compare equal whatever order their fields were set in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}
