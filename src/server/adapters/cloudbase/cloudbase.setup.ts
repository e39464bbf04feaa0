// Creating the collections of a new CloudBase environment: a read of a collection that does not exist
// fails with -502005 (DATABASE_COLLECTION_NOT_EXIST, wx-server-sdk's TCB_ERR_CODE), so every collection
// the adapter uses must exist before the first request. The indexes are made in the console
// (docs/cloudbase-indexes.md): the SDK has no call for them.
import { CLOUD_COLLECTIONS } from './cloudbase.store';

interface SetupDatabase {
  collection(name: string): { limit(n: number): { get(): Promise<unknown> } };
  createCollection(name: string): Promise<unknown>;
}

const COLLECTION_NOT_EXIST = -502005;

export interface CollectionsReport {
  created: string[];
  existing: string[];
}

/** Creates every collection the store needs that is not there yet; running it again creates nothing. */
export async function ensureCollections(db: SetupDatabase, names: readonly string[] = CLOUD_COLLECTIONS): Promise<CollectionsReport> {
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
