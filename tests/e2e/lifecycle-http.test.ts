import path from 'node:path';
import { openSqliteStore, type SqliteStore } from '../../src/server/adapters/sqlite/sqlite.store';
import type { ApiResponse } from '../../src/core/errors';
import { runLifecycle } from '../server/tasks/lifecycle.scenario';
import { startGateway, type RunningGateway } from './support/gateway';

// Issue 4's full lifecycle, this time over the local gateway's HTTP API exactly as the H5 app
// calls it: POST /api/api with the session cookie that the dev login sets; every refusal is checked
// against a dump of the gateway's own SQLite file.
const NOW = '2026-03-02T02:00:00.000Z';

describe('the lifecycle over HTTP', () => {
  let gw: RunningGateway;
  let store: SqliteStore;

  beforeAll(async () => {
    gw = await startGateway({ APP_NOW: NOW, APP_CLOCK: 'frozen', SWEEP_INTERVAL_MS: '0' });
    store = openSqliteStore(path.join(gw.dataDir, 'jianyitong.sqlite'));
  });

  afterAll(async () => {
    store?.close();
    await gw?.stop();
  });

  async function call(openid: string | undefined, action: string, data?: unknown, requestId?: string): Promise<ApiResponse<unknown>> {
    const res = await fetch(new URL('/api/api', gw.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(openid ? { cookie: `jyt_openid=${encodeURIComponent(openid)}` } : {}) },
      body: JSON.stringify({ action, data, requestId }),
    });
    expect(res.status).toBe(200);
    return (await res.json()) as ApiResponse<unknown>;
  }

  /** The browser's upload: the file's bytes to POST /upload with the session's cookie; the fileID it answers. */
  async function upload(openid: string, text: string, name: string): Promise<string> {
    const res = await fetch(new URL(`/upload?name=${encodeURIComponent(name)}`, gw.url), {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', cookie: `jyt_openid=${encodeURIComponent(openid)}` },
      body: Buffer.from(text, 'utf8'),
    });
    const body = (await res.json()) as { ok: boolean; data: { fileID: string } };
    expect(body).toMatchObject({ ok: true, data: { fileID: expect.stringMatching(/^uploads\/[0-9a-f]{32}\/[0-9a-f]{32}\.csv$/) } });
    return body.data.fileID;
  }

  it('runs import → … → archive through POST /upload and POST /api/api, refusing every wrong step without a trace', async () => {
    const result = await runLifecycle({ call, snapshot: () => store.dump(), upload }, NOW);
    expect(result.refusals).toBeGreaterThan(40);
    const events = await store.events({ suggestionId: result.suggestionIds.joint });
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(['suggestions.import', 'tasks.sign', 'feedback.submit']));
  });

  it('ignores an identity given in the request body', async () => {
    const res = await fetch(new URL('/api/api', gw.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'me', data: { openid: 'demo-coordinator' }, userInfo: { openId: 'demo-coordinator' }, openid: 'demo-coordinator' }),
    });
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});
