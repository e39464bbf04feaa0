// The setup function: an administrator runs it once on a new environment, from the CloudBase console
// (云函数 → setup → 测试, no caller identity). It creates every database collection the other
// functions use and, when nobody is administrator yet, registers one and returns a one-time bind code.
// In an environment written by an earlier version it moves the tasks into their ledger rows
// (moveTasksIntoLedgerRows). Running it again changes nothing. The indexes are created in the console (docs/cloudbase-indexes.md).
import cloud from 'wx-server-sdk';
import { cloudBaseIndexes } from '../../src/server/adapters/cloudbase/cloudbase.indexes';
import { ensureCollections, moveTasksIntoLedgerRows } from '../../src/server/adapters/cloudbase/cloudbase.setup';
import { openCloudBaseStore } from '../../src/server/adapters/cloudbase/cloudbase.store';
import { systemClock } from '../../src/server/ports';
import { ensureFirstAdmin } from '../../src/server/setup/first-admin';

// DYNAMIC_CURRENT_ENV (a symbol) means "the environment this function is deployed in"; the types want a string.
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });

export async function main(event: { adminName?: unknown; officeName?: unknown } | undefined) {
  // A call from the mini-program carries the caller's OPENID: setup is not for users.
  if (cloud.getWXContext().OPENID) return { ok: false, error: { code: 'FORBIDDEN', message: '初始化只能由管理员在云开发控制台运行' } };
  const db = cloud.database() as unknown as Parameters<typeof moveTasksIntoLedgerRows>[0];
  const collections = await ensureCollections(db);
  const tasks = await moveTasksIntoLedgerRows(db);
  const name = typeof event?.adminName === 'string' && event.adminName.trim() ? event.adminName.trim().slice(0, 50) : '系统管理员';
  // The deployment's own name (e.g. 市人民政府办公室), for the annual summary: set once, kept after.
  const officeName = typeof event?.officeName === 'string' && event.officeName.trim() ? event.officeName.trim().slice(0, 50) : undefined;
  const firstAdmin = await ensureFirstAdmin(openCloudBaseStore(cloud), systemClock, name, officeName);
  const indexes = cloudBaseIndexes().map((i) => `${i.collection}.${i.name}${i.unique ? '（唯一）' : ''}`);
  return { ok: true, data: { collections, tasksMovedIntoLedgerRows: tasks.moved, firstAdmin, indexesToCreateInConsole: indexes } };
}
