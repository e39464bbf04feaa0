// `npm run size`: the weapp build's main package and subpackages against WeChat's limits
// (2 MB each) and our budget for the main package (512 KB). Run after `npm run build:weapp`.
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const KB = 1024;
const WECHAT_LIMIT = 2048 * KB;
const MAIN_BUDGET = 512 * KB;

if (!existsSync(path.join(dist, 'app.json'))) {
  console.error('dist/app.json 不存在：请先运行 npm run build:weapp');
  process.exit(1);
}
const appJson = JSON.parse(readFileSync(path.join(dist, 'app.json'), 'utf8'));
const subRoots = (appJson.subPackages ?? appJson.subpackages ?? []).map((p) => p.root.replace(/\/$/, ''));

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

const sizes = new Map([['main', 0], ...subRoots.map((r) => [r, 0])]);
for (const file of files(dist)) {
  const rel = path.relative(dist, file).split(path.sep).join('/');
  if (rel === 'project.config.json' || rel.endsWith('.map')) continue; // not uploaded
  const owner = subRoots.find((r) => rel.startsWith(r + '/')) ?? 'main';
  sizes.set(owner, (sizes.get(owner) ?? 0) + statSync(file).size);
}

let failed = false;
const fmt = (n) => `${(n / KB).toFixed(1)} KB`;
for (const [name, size] of sizes) {
  const limit = name === 'main' ? MAIN_BUDGET : WECHAT_LIMIT;
  const ok = size <= limit;
  failed ||= !ok;
  const label = name === 'main' ? 'main package' : `subpackage ${name}`;
  console.log(`${label.padEnd(28)} ${fmt(size).padStart(10)}  limit ${fmt(limit)}  ${ok ? 'ok' : 'OVER'}  (${((100 * size) / limit).toFixed(0)}%)`);
}
const total = [...sizes.values()].reduce((a, b) => a + b, 0);
console.log(`${'total'.padEnd(28)} ${fmt(total).padStart(10)}  limit ${fmt(30 * 1024 * KB)}`);
process.exit(failed ? 1 : 0);
