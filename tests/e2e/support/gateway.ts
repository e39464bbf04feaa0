import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '../../..');

export interface RunningGateway {
  url: string;
  dataDir: string;
  /** The process started (tsx, whose child runs the gateway): see processTreeRss. */
  pid: number;
  output: () => string;
  stop: () => Promise<void>;
}

/** Starts the real local gateway (as `npm start` does, minus the build) on a free port with a fresh SQLite folder. */
export async function startGateway(env: Record<string, string> = {}): Promise<RunningGateway> {
  const dataDir = env.DATA_DIR ?? mkdtempSync(path.join(os.tmpdir(), 'jyt-e2e-'));
  const child: ChildProcess = spawn(path.join(root, 'node_modules/.bin/tsx'), [path.join(root, 'src/server/gateway/main.ts')], {
    cwd: root,
    env: { ...process.env, PORT: '0', DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d) => (out += String(d)));
  child.stderr?.on('data', (d) => (out += String(d)));

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`gateway did not start in 60 s:\n${out}`)), 60_000);
    const check = () => {
      const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[0]);
      }
    };
    child.stdout?.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`gateway exited with ${code}:\n${out}`));
    });
  });

  return {
    url,
    dataDir,
    pid: child.pid!,
    output: () => out,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      if (!env.DATA_DIR) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The browser's upload: the file's bytes to the gateway's POST /upload with the session's cookie
 * (`jyt_openid=…`), as the H5 app sends a picked file before an import or attachment; the fileID.
 */
export async function uploadTo(gatewayUrl: string, cookie: string, bytes: Buffer, name: string): Promise<string> {
  const res = await fetch(new URL(`/upload?name=${encodeURIComponent(name)}`, gatewayUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', cookie },
    body: new Uint8Array(bytes),
  });
  const body = (await res.json()) as { ok: boolean; data?: { fileID: string }; error?: { message: string } };
  if (!body.ok || !body.data) throw new Error(`upload refused: ${res.status} ${body.error?.message ?? ''}`);
  return body.data.fileID;
}
