// The cloud functions as the platform loads them: each bundle's size and its cold require time (a fresh
// Node process requiring index.js, as a new instance does), beside wx-server-sdk's own require time.
// Medians of several fresh processes; the difference is what the bundle adds to a cold start.
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import path from 'node:path';
import { median } from './stats';

const root = path.resolve(__dirname, '..');
const RUNS = 7;
const env = { ...process.env, TENCENTCLOUD: 'true', TENCENTCLOUD_SECRETID: 'id', TENCENTCLOUD_SECRETKEY: 'key' };

/** Milliseconds to require `target` in a fresh process, median of RUNS. */
function coldRequire(target: string): number {
  const script = `const t = process.hrtime.bigint(); require(${JSON.stringify(target)}); console.log(Number(process.hrtime.bigint() - t) / 1e6);`;
  const times = Array.from({ length: RUNS }, () => Number(execFileSync(process.execPath, ['-e', script], { cwd: root, env, encoding: 'utf8' }).trim().split('\n').pop()));
  return median(times);
}

export async function benchFunctionBundles(): Promise<Record<string, number>> {
  execFileSync(process.execPath, [path.join(root, 'scripts/build-functions.mjs')], { cwd: root, stdio: 'pipe' });
  const sdk = coldRequire('wx-server-sdk');
  const figures: Record<string, number> = { 'wx-server-sdk cold require, median ms': sdk };
  for (const name of ['api', 'reminders', 'setup']) {
    const file = path.join(root, 'cloudfunctions', name, 'index.js');
    const ms = coldRequire(file);
    figures[`${name} bundle KB`] = statSync(file).size / 1024;
    figures[`${name} cold require (with the SDK), median ms`] = ms;
    figures[`${name} cold require ÷ SDK alone`] = ms / sdk;
  }
  return figures;
}
