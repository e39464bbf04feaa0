// Bundles each cloud function's thin index.ts, with src/core and src/server, into index.js.
// wx-server-sdk stays external: the platform installs it from the function's package.json. So do the
// heavy libraries only some actions load on first use (src/server/lazy): they are left out of the
// bundle, and each function that requires them lists them (at the root's versions) in its
// package.json, for 云端安装依赖 to install — so `me` cold-starts without loading a spreadsheet or
// document library (docx is loaded only when a letter or a report document is written).
import { build } from 'esbuild';
import { readdirSync, existsSync, statSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const fnRoot = path.join(root, 'cloudfunctions');
const names = readdirSync(fnRoot).filter((n) => existsSync(path.join(fnRoot, n, 'index.ts')));

/** Loaded by the actions that need them, never bundled (see src/server/lazy). */
export const LAZY_PACKAGES = ['exceljs', 'docx', 'libphonenumber-js'];
/** The version installed here, pinned: the cloud installs what the tests ran against. */
const versionOf = (name) => JSON.parse(readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')).version;

for (const name of names) {
  const outfile = path.join(fnRoot, name, 'index.js');
  await build({
    entryPoints: [path.join(fnRoot, name, 'index.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node18', // deploy with the Node.js 18 runtime (structuredClone and fetch need it)
    format: 'cjs',
    minify: true,
    keepNames: true,
    external: ['wx-server-sdk', ...LAZY_PACKAGES, ...LAZY_PACKAGES.map((p) => `${p}/*`)],
    legalComments: 'none',
    logLevel: 'warning',
  });
  const code = readFileSync(outfile, 'utf8');
  const needed = LAZY_PACKAGES.filter((p) => new RegExp(`(require|import)\\(["']${p}(/[^"']*)?["']\\)`).test(code));
  const pkgFile = path.join(fnRoot, name, 'package.json');
  const pkg = JSON.parse(readFileSync(pkgFile, 'utf8'));
  const dependencies = { 'wx-server-sdk': pkg.dependencies['wx-server-sdk'] };
  for (const p of needed) dependencies[p] = versionOf(p);
  if (JSON.stringify(dependencies) !== JSON.stringify(pkg.dependencies)) {
    writeFileSync(pkgFile, `${JSON.stringify({ ...pkg, dependencies }, null, 2)}\n`);
  }
  console.log(`cloudfunctions/${name}/index.js  ${(statSync(outfile).size / 1024).toFixed(1)} KB${needed.length ? `  (loads on use: ${needed.join(', ')})` : ''}`);
}
