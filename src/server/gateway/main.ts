// `npm start` runs this after building the H5 app: the local stack on 127.0.0.1 with a SQLite file,
// demo data loaded on first start, and the reminder sweep on an interval (the cloud's timer trigger).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { apiEntry } from '../api/entry';
import { createApi } from '../api';
import { openFolderFileStore } from '../adapters/files/folder.files';
import { openSqliteStore } from '../adapters/sqlite/sqlite.store';
import { seedDemo, DEMO_LOGINS } from '../setup/demo-data';
import { readModelsBehind, rebuildReadModels } from '../read-models/rebuild';
import { createGateway } from './gateway';
import { createLocalClock } from './local-clock';
import { createLocalOutboxNotifier, reminderConfig, runSweep } from '../reminders';

const root = path.resolve(__dirname, '../../..');

async function main() {
  const dataDir = path.resolve(process.env.DATA_DIR || path.join(root, 'data'));
  mkdirSync(dataDir, { recursive: true });
  const dbFile = path.join(dataDir, 'jianyitong.sqlite');
  const store = openSqliteStore(dbFile);
  // DEMO_DATA=0: a real start, empty; the first person to open the app creates the administrator.
  // Its clock is the machine's: APP_NOW and the dev clock are for demos and tests only.
  const demo = process.env.DEMO_DATA !== '0';
  const clock = demo ? createLocalClock(process.env.APP_NOW, process.env.APP_CLOCK === 'frozen') : createLocalClock();
  const seeded = demo ? await seedDemo(store, clock.now()) : false;
  // Attachments and letters in a folder beside the SQLite file; links signed with FILE_LINK_SECRET,
  // or a secret of this process (links made before a restart then stop working, as they expire anyway).
  const files = openFolderFileStore({ dir: path.join(dataDir, 'files'), now: () => clock.now(), secret: process.env.FILE_LINK_SECRET || undefined });
  // A data file from before the read models gets them built once from its records.
  if (await readModelsBehind(store)) await rebuildReadModels(store);

  const config = reminderConfig(process.env);
  const notifier = createLocalOutboxNotifier();
  const api = createApi({ store, clock, notifier, files, reminderConfig: config, firstAdminInApp: !demo });
  const sweep = () => runSweep({ store, clock, notifier, config });
  const gateway = await createGateway({
    functions: {
      api: apiEntry(api),
      // As in the cloud, the sweep is for the timer (no caller identity), not for a logged-in user.
      reminders: async (_event, wx) =>
        wx.OPENID ? { ok: false, error: { code: 'FORBIDDEN', message: '提醒扫描只由定时触发器运行' } } : { ok: true, data: await sweep() },
    },
    staticDir: path.join(root, 'dist-h5'),
    ...(demo ? { demoUsers: DEMO_LOGINS } : {}),
    health: () => ({ store: 'sqlite', file: path.relative(root, dbFile) || dbFile }),
    clock,
    files,
  });

  const port = Number(process.env.PORT ?? 8787);
  await gateway.listen({ host: '127.0.0.1', port });
  const address = gateway.server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const url = `http://127.0.0.1:${actualPort}/`;
  if (demo) console.log(seeded ? '已载入演示数据。' : '使用已有数据（演示数据只在第一次启动时载入）。');
  else console.log('未载入演示数据（DEMO_DATA=0）。');
  const admins = await store.find('users', { where: { roles: 'admin' }, limit: 1 });
  if (admins.length === 0) console.log('尚无管理员：打开下面的地址，按提示创建第一个管理员（只能创建一次）。');
  console.log(`数据文件：${dbFile}`);
  if (process.env.APP_NOW) console.log(demo ? `模拟当前时间：${clock.now()}` : '正式使用（DEMO_DATA=0）时不使用 APP_NOW，时间以本机时钟为准。');
  console.log(`建议通本地服务已启动：${url}`);
  if (demo) console.log(`演示登录：${url}dev/login`);

  // The cloud's timer trigger, simulated: one sweep at a time, every SWEEP_INTERVAL_MS (0 = off).
  const every = Number(process.env.SWEEP_INTERVAL_MS ?? 60_000);
  let running: Promise<unknown> = Promise.resolve();
  const timer =
    every > 0
      ? setInterval(() => {
          running = running.then(sweep).catch((err) => console.error('提醒扫描失败：', err));
        }, every)
      : undefined;

  const shutdown = async () => {
    if (timer) clearInterval(timer);
    await running;
    await gateway.close();
    await store.close?.();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((err) => {
  console.error('启动失败：', err);
  process.exit(1);
});
