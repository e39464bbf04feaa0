import { readFileSync } from 'node:fs';
import type { ApiResponse } from '../../src/core/errors';
import { hugeSharedStrings, lastCell, lyingBomb, millionRows, ratioBomb } from '../support/xlsx-bombs';
import { startGateway, uploadTo, type RunningGateway } from './support/gateway';

// Crafted workbooks sent to the real gateway as a coordinator would send a 交办清单 or a roster: each
// is refused in Chinese words, the gateway's memory (its whole process tree, read from /proc) stays
// under 512 MB and /health keeps answering within 1 s while they are read (docs/security.md, Files
// read). Before the bounds, one of these files killed the gateway (heap out of memory at 4.1 GB).
const RSS_BOUND = 512 * 1024 * 1024;
const HEALTH_BOUND_MS = 1000;

function treeRss(pid: number): number {
  let rss = 0;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    rss += Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
    for (const child of readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean)) rss += treeRss(Number(child));
  } catch {
    // the process ended between the two reads
  }
  return rss;
}

describe('import files within bounds, over HTTP', () => {
  let gw: RunningGateway;
  beforeAll(async () => {
    gw = await startGateway({ SWEEP_INTERVAL_MS: '0' });
  });
  afterAll(async () => {
    await gw?.stop();
  });

  /** As the app imports: the file uploaded to the session's folder (POST /upload), then the call with its fileID. */
  async function importAs(action: string, file: Buffer): Promise<ApiResponse<unknown>> {
    const cookie = 'jyt_openid=demo-coordinator';
    const fileID = await uploadTo(gw.url, cookie, file, '清单.xlsx');
    const res = await fetch(new URL('/api/api', gw.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ action, data: { fileID, format: 'xlsx' } }),
    });
    return (await res.json()) as ApiResponse<unknown>;
  }

  it('refuses every bomb, two at a time, with memory bounded and /health answering throughout', async () => {
    const bombs = { ratio: await ratioBomb(), lying: await lyingBomb(), million: await millionRows(), shared: await hugeSharedStrings(), lastCell: await lastCell() };
    let peakRss = treeRss(gw.pid);
    let slowestHealth = 0;
    let probing = true;
    const probe = (async () => {
      while (probing) {
        const started = Date.now();
        const res = await fetch(new URL('/health', gw.url), { signal: AbortSignal.timeout(5000) });
        expect(res.status).toBe(200);
        slowestHealth = Math.max(slowestHealth, Date.now() - started);
        peakRss = Math.max(peakRss, treeRss(gw.pid));
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    const answers: Record<string, ApiResponse<unknown>[]> = {};
    for (const [name, file] of Object.entries(bombs)) {
      answers[name] = await Promise.all([importAs('suggestions.import', file), importAs('users.import', file)]);
    }
    probing = false;
    await probe;
    for (const [name, pair] of Object.entries(answers)) {
      for (const answer of pair) {
        expect({ name, ok: answer.ok }).toEqual({ name, ok: false });
        if (!answer.ok) {
          expect(answer.error.code).toBe('VALIDATION');
          expect(answer.error.message).toMatch(/[\u4e00-\u9fff]/);
          expect(answer.error.message.length).toBeLessThan(200);
        }
      }
    }
    process.stdout.write(`import bounds: peak RSS ${Math.round(peakRss / 1e6)} MB, slowest /health ${slowestHealth} ms\n`);
    expect(peakRss).toBeLessThan(RSS_BOUND);
    expect(slowestHealth).toBeLessThan(HEALTH_BOUND_MS);
    // Still serving afterwards.
    expect((await fetch(new URL('/health', gw.url))).status).toBe(200);
  });
});
