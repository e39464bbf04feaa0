// `npm run rebuild:read-models`: rebuilds the lists' and statistics' read models of the local SQLite
// file (DATA_DIR, default data/) from its records, and prints what it corrected. Run it with the
// gateway stopped. (On CloudBase, call rebuildReadModels with the CloudBase store from a one-off function.)
import path from 'node:path';
import { openSqliteStore } from '../src/server/adapters/sqlite/sqlite.store';
import { rebuildReadModels } from '../src/server/read-models/rebuild';

async function main() {
  const dataDir = path.resolve(process.env.DATA_DIR || path.join(__dirname, '..', 'data'));
  const store = openSqliteStore(path.join(dataDir, 'jianyitong.sqlite'));
  try {
    const result = await rebuildReadModels(store);
    console.log(`已重建：建议 ${result.suggestions} 件，改写列表行 ${result.rowsWritten} 条、统计计数 ${result.countersWritten} 条、消息 ${result.noticesWritten} 条、全部已读记录 ${result.readMarksWritten} 条。`);
  } finally {
    store.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
