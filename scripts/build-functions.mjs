// Bundles each cloud function's thin index.ts, with src/core and src/server, into index.js.
// wx-server-sdk and docx stay external: the platform installs them from the function's package.json
// (docx is loaded only when a letter or a report document is written, so it costs nothing otherwise).
import { build } from 'esbuild';
import { readdirSync, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const fnRoot = path.join(root, 'cloudfunctions');
const names = readdirSync(fnRoot).filter((n) => existsSync(path.join(fnRoot, n, 'index.ts')));

for (const name of names) {
  const outfile = path.join(fnRoot, name, 'index.js');
  await build({
    entryPoints: [path.join(fnRoot, name, 'index.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node18', // deploy with the Node.js 18 runtime (structuredClone and fetch need it)
    format: 'cjs',
    external: ['wx-server-sdk', 'docx'],
    legalComments: 'none',
    logLevel: 'warning',
  });
  console.log(`cloudfunctions/${name}/index.js  ${(statSync(outfile).size / 1024).toFixed(1)} KB`);
}
