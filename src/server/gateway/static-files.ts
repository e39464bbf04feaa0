// The H5 build as the gateway serves it: compressed (br or gzip, whichever the browser takes) and, for
// the files whose names carry their content's hash (js/[name].[contenthash].js, css/…, config/index.ts),
// cached for a year as immutable — a new build has new names. index.html is revalidated every time so
// that a new build is picked up. The compressed copies are written beside the files once, at start,
// for the ones missing or older than their file (docs/performance.md).
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { readdirSync, readFileSync, renameSync, statSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';

/** Text the build produces that is worth compressing (images and fonts already are). */
const COMPRESSIBLE = /\.(js|css|html|json|svg|txt|map)$/;
/** Smaller files gain nothing worth a second request header. */
const MIN_BYTES = 1024;
/** A file named with its content hash: js/app.1a2b3c4d.js, css/app.1a2b3c4d.css. */
export const HASHED_FILE = /\.[0-9a-f]{8,}\.(js|css)(\.br|\.gz)?$/;
export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(full));
    else out.push(full);
  }
  return out;
}

/** Writes `file.br` and `file.gz` beside each compressible file that lacks a current one; answers how many. */
export function precompress(dir: string): number {
  if (!existsSync(dir)) return 0;
  let written = 0;
  for (const file of walk(dir)) {
    if (!COMPRESSIBLE.test(file)) continue;
    const stat = statSync(file);
    if (stat.size < MIN_BYTES) continue;
    const content = readFileSync(file);
    for (const [suffix, compress] of [
      ['.br', (b: Buffer) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: b.length } })],
      ['.gz', (b: Buffer) => gzipSync(b, { level: 9 })],
    ] as const) {
      const target = `${file}${suffix}`;
      if (existsSync(target) && statSync(target).mtimeMs >= stat.mtimeMs) continue;
      // Written aside and renamed: two gateways starting over one build never serve half a file.
      const aside = `${target}.${process.pid}.tmp`;
      writeFileSync(aside, compress(content));
      renameSync(aside, target);
      written += 1;
    }
  }
  return written;
}

/** The cache-control of a static file by its path (fastify-static's setHeaders). */
export function cacheControlOf(filePath: string): string {
  return HASHED_FILE.test(filePath) ? IMMUTABLE : REVALIDATE;
}
