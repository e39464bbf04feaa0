// Creating the collections of a new CloudBase environment: a read of a collection that does not exist
// fails with -502005 (DATABASE_COLLECTION_NOT_EXIST, wx-server-sdk's TCB_ERR_CODE), so every collection
// the adapter uses must exist before the first request. The indexes are made in the console
// (docs/cloudbase-indexes.md): the SDK has no call for them. And moving the tasks of an environment
// written by an earlier version, which kept them in a collection of their own, into their ledger rows.
import { CLOUD_COLLECTIONS } from './cloudbase.store';
import { LEDGER, TASK, TASKS } from './cloudbase.tasks';

interface SetupQuery {
  where(filter: Record<string, unknown>): SetupQuery;
  orderBy(field: string, order: 'asc'): SetupQuery;
  field(projection: Record<string, boolean>): SetupQuery;
  limit(n: number): SetupQuery;
  get(): Promise<{ data: Record<string, unknown>[] }>;
}
interface SetupDatabase {
  command: { gt(value: unknown): unknown; in(values: unknown[]): unknown; set(value: unknown): unknown };
  collection(name: string): SetupQuery & {
    doc(id: string): { update(options: { data: Record<string, unknown> }): Promise<unknown> };
    add(options: { data: Record<string, unknown> }): Promise<unknown>;
  };
  createCollection(name: string): Promise<unknown>;
}

const COLLECTION_NOT_EXIST = -502005;
/** The most documents one query answers in a cloud function (cloudbase.store.ts, CLOUD_PAGE). */
const PAGE = 1000;
/** Tasks moved at once (each is one update request). */
const AT_ONCE = 20;

export interface CollectionsReport {
  created: string[];
  existing: string[];
}

/** Creates every collection the store needs that is not there yet; running it again creates nothing. */
export async function ensureCollections(db: Pick<SetupDatabase, 'collection' | 'createCollection'>, names: readonly string[] = CLOUD_COLLECTIONS): Promise<CollectionsReport> {
  const report: CollectionsReport = { created: [], existing: [] };
  for (const name of names) {
    try {
      await db.collection(name).limit(1).get();
      report.existing.push(name);
    } catch (error) {
      if ((error as { errCode?: unknown }).errCode !== COLLECTION_NOT_EXIST) throw error;
      await db.createCollection(name);
      report.created.push(name);
    }
  }
  return report;
}

/**
 * An environment written by a version that kept the tasks in a collection of their own (`tasks`):
 * each task is copied into the `task` field of the ledger document with its id (cloudbase.tasks.ts; a
 * task without a row gets a document holding it alone), unless that document holds its task already
 * (written by this version since: the newer copy, left as it is). Page by page by _id; the old
 * collection is read no more afterwards (it may then be deleted). Without that collection, or run
 * again, it moves nothing. Run it before anyone works (the setup function does).
 */
export async function moveTasksIntoLedgerRows(db: SetupDatabase): Promise<{ moved: number }> {
  const _ = db.command;
  let moved = 0;
  for (let after: string | undefined; ; ) {
    let page: Record<string, unknown>[];
    try {
      const query = after === undefined ? db.collection(TASKS) : db.collection(TASKS).where({ _id: _.gt(after) });
      page = (await query.orderBy('_id', 'asc').limit(PAGE).get()).data;
    } catch (error) {
      if ((error as { errCode?: unknown }).errCode === COLLECTION_NOT_EXIST) return { moved };
      throw error;
    }
    if (page.length === 0) break;
    const ids = page.map((t) => String(t._id));
    const held = new Set(
      (await db.collection(LEDGER).where({ _id: _.in(ids) }).field({ [TASK]: true }).limit(PAGE).get()).data.filter((d) => d[TASK]).map((d) => String(d._id)),
    );
    const toMove = page.filter((t) => !held.has(String(t._id)));
    for (let i = 0; i < toMove.length; i += AT_ONCE) {
      await Promise.all(
        toMove.slice(i, i + AT_ONCE).map(async (raw) => {
          const { _id, _rev: _r, _openid: _o, ...task } = raw;
          const id = String(_id);
          // wx-server-sdk answers { stats: { updated } }: 0 when there is no ledger document yet.
          const res = (await db.collection(LEDGER).doc(id).update({ data: { [TASK]: _.set(task) } })) as { stats?: { updated?: number } };
          if (!res.stats?.updated) await db.collection(LEDGER).add({ data: { _id: id, [TASK]: task, _rev: 1 } });
        }),
      );
    }
    moved += toMove.length;
    if (page.length < PAGE) break;
    after = ids[ids.length - 1];
  }
  return { moved };
}
