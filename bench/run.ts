// `npm run bench`: runs every bench/*.bench.ts export whose name starts with `bench` and prints
// its figures. Figures are medians and ratios, never pass/fail: the machines are shared and noisy.
import { readdirSync } from 'node:fs';
import path from 'node:path';

async function main() {
  const only = process.argv[2];
  const files = readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => !only || f.includes(only))
    .sort();
  for (const file of files) {
    const mod = (await import(path.join(__dirname, file))) as Record<string, unknown>;
    for (const [name, fn] of Object.entries(mod)) {
      if (!name.startsWith('bench') || typeof fn !== 'function') continue;
      const started = process.hrtime.bigint();
      const figures = (await (fn as () => Promise<Record<string, unknown>>)()) ?? {};
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      console.log(`\n${file} › ${name}  (${seconds.toFixed(1)} s)`);
      for (const [k, v] of Object.entries(figures)) {
        console.log(`  ${k.padEnd(32)} ${typeof v === 'number' ? +v.toFixed(3) : JSON.stringify(v)}`);
      }
    }
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
