// `npm run bench`: runs every bench/*.bench.ts export whose name starts with `bench` and prints
// its figures (`npm run bench -- load --scale national` runs one file at one scale). Figures are medians and ratios, never pass/fail: the machines are shared and noisy.
import { readdirSync } from 'node:fs';
import path from 'node:path';

async function main() {
  // A bare word picks the files whose name holds it; flags (--scale national, --duration 5) are the load benchmark's.
  const args = process.argv.slice(2);
  const only = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
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
