// `npm start`: builds the H5 app, then starts the local gateway (SQLite file, demo data) and
// prints its URL. SKIP_BUILD=1 reuses an existing dist-h5/.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

if (!(process.env.SKIP_BUILD === '1' && existsSync(path.join(root, 'dist-h5', 'index.html')))) {
  console.log('正在构建 H5 页面（约半分钟）…');
  const built = spawnSync(bin('taro'), ['build', '--type', 'h5'], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  if (built.status !== 0) {
    console.error('H5 构建失败，请查看上面的输出。');
    process.exit(built.status ?? 1);
  }
}

const child = spawn(bin('tsx'), [path.join(root, 'src/server/gateway/main.ts')], { cwd: root, stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
