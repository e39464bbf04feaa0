// The FileStore port: the same behaviour from the folder adapter (local) and the CloudBase adapter
// (the real wx-server-sdk against the CloudBase emulator's cloud storage), plus what only the local
// links promise: a signature, an expiry and the caller they were made for.
import { cloud, sharedEmulator } from '../../support/cloudbase-emulator/sdk';
import type { CloudBaseEmulator } from '../../support/cloudbase-emulator';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openCloudBaseFileStore, type CloudStorageApi } from '../../../src/server/adapters/files/cloudbase.files';
import { openFolderFileStore, type FolderFileStore } from '../../../src/server/adapters/files/folder.files';
import type { FileStore } from '../../../src/server/ports';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

interface Harness {
  files: FileStore;
  /** Open a link as a caller would (the gateway for local links, plain HTTP for cloud ones). */
  open(url: string): Promise<{ status: number; body?: Buffer }>;
  /** Let time pass past a link's expiry. */
  later(seconds: number): void;
}

function fileStoreContract(name: string, harness: () => Harness) {
  describe(`FileStore (${name})`, () => {
    it('keeps bytes, opens them through a link, and removes them', async () => {
      const { files, open } = harness();
      const ref = await files.put('attachments/s1/a1.png', PNG, 'image/png');
      expect(await files.read(ref)).toEqual(PNG);
      const link = await files.link(ref, { fileName: '现场照片.png', contentType: 'image/png' });
      expect(Number.isNaN(Date.parse(link.expiresAt))).toBe(false);
      expect(await open(link.url)).toEqual({ status: 200, body: PNG });
      await files.remove(ref);
      expect(await files.read(ref)).toBeUndefined();
      await expect(files.remove(ref)).resolves.toBeUndefined();
    });
    it('refuses a link once it has expired', async () => {
      const { files, open, later } = harness();
      const ref = await files.put('letters/t1/r1.docx', Buffer.from('PK'), 'application/octet-stream');
      const link = await files.link(ref, { fileName: '答复函.docx', contentType: 'application/octet-stream', ttlSeconds: 60 });
      later(61);
      expect([403, 410]).toContain((await open(link.url)).status);
    });
    it('refuses keys that could leave its folder', async () => {
      const { files } = harness();
      for (const key of ['../x', 'a/../../x', '/abs', 'a//b', '']) await expect(files.put(key, PNG, 'image/png')).rejects.toThrow();
    });
  });
}

let dir: string;
let clockMs = Date.parse('2026-05-01T02:00:00.000Z');
let folder: FolderFileStore;
let emulator: CloudBaseEmulator;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'files-'));
  folder = openFolderFileStore({ dir, now: () => new Date(clockMs).toISOString() });
  emulator = await sharedEmulator();
  emulator.reset([]);
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await emulator.close();
});

fileStoreContract('folder', () => ({
  files: folder,
  async open(url) {
    const u = new URL(url, 'http://local');
    const result = await folder.open(decodeURIComponent(u.pathname.slice('/files/'.length)), Object.fromEntries(u.searchParams), undefined);
    return result.ok ? { status: 200, body: result.content } : { status: result.status };
  },
  later: (seconds) => (clockMs += seconds * 1000),
}));

fileStoreContract('CloudBase', () => ({
  files: openCloudBaseFileStore(cloud as unknown as CloudStorageApi),
  async open(url) {
    const response = await fetch(url);
    return response.ok ? { status: 200, body: Buffer.from(await response.arrayBuffer()) } : { status: response.status };
  },
  later: (seconds) => emulator.advance(seconds * 1000),
}));

describe('CloudBase storage through wx-server-sdk', () => {
  it('uploads under the deployment prefix and keeps the fileID the service answers', async () => {
    const files = openCloudBaseFileStore(cloud as unknown as CloudStorageApi);
    const ref = await files.put('attachments/s9/a9.pdf', Buffer.from('%PDF-1.4'), 'application/pdf');
    expect(ref).toMatch(/^cloud:\/\/test-env\..+\/jianyitong\/attachments\/s9\/a9\.pdf$/);
    expect(emulator.storage.objects.get('jianyitong/attachments/s9/a9.pdf')?.toString()).toBe('%PDF-1.4');
    expect(emulator.byAction['storage.getUploadMetadata']).toBeGreaterThan(0);
  });
  it('links several files with one request, each link opening its own file', async () => {
    const files = openCloudBaseFileStore(cloud as unknown as CloudStorageApi);
    const refs = await Promise.all([1, 2, 3].map((n) => files.put(`attachments/s8/a${n}.png`, Buffer.concat([PNG, Buffer.from([n])]), 'image/png')));
    emulator.resetCounter();
    const links = await files.links!(refs.map((ref, i) => ({ ref, options: { fileName: `照片${i + 1}.png`, contentType: 'image/png' } })));
    expect(emulator.requests).toBe(1);
    for (const [i, link] of links.entries()) {
      const response = await fetch(link.url);
      expect(Buffer.from(await response.arrayBuffer())).toEqual(Buffer.concat([PNG, Buffer.from([i + 1])]));
    }
  });
  it('fails plainly when the service has no such file to link', async () => {
    const files = openCloudBaseFileStore(cloud as unknown as CloudStorageApi);
    await expect(files.link('cloud://test-env.7465-test-env-1250000000/none.png', { fileName: 'x.png', contentType: 'image/png' })).rejects.toThrow(/-503003/);
  });
  it('reports a refused upload as an error', async () => {
    emulator.storage.setMaxObjectBytes(4);
    try {
      await expect(openCloudBaseFileStore(cloud as unknown as CloudStorageApi).put('a/b.png', PNG, 'image/png')).rejects.toThrow(/EntityTooLarge/);
    } finally {
      emulator.storage.setMaxObjectBytes(undefined);
    }
  });
});

describe('local links', () => {
  const open = (url: string, openid?: string) => {
    const u = new URL(url, 'http://local');
    return folder.open(decodeURIComponent(u.pathname.slice('/files/'.length)), Object.fromEntries(u.searchParams), openid);
  };
  it('open only for the caller they were made for', async () => {
    const ref = await folder.put('attachments/s2/a2.png', PNG, 'image/png');
    const link = await folder.link(ref, { fileName: '照片.png', contentType: 'image/png', openid: 'deputy-a' });
    expect(await open(link.url, 'deputy-a')).toMatchObject({ ok: true, fileName: '照片.png', contentType: 'image/png' });
    expect(await open(link.url, 'deputy-b')).toMatchObject({ ok: false, status: 403 });
    expect(await open(link.url, undefined)).toMatchObject({ ok: false, status: 403 });
  });
  it('refuse a changed name, type, expiry or file', async () => {
    const ref = await folder.put('attachments/s3/a3.png', PNG, 'image/png');
    const other = await folder.put('attachments/s3/a4.png', PNG, 'image/png');
    const { url } = await folder.link(ref, { fileName: '照片.png', contentType: 'image/png' });
    const u = new URL(url, 'http://local');
    for (const [k, v] of [['name', 'x.html'], ['type', 'text/html'], ['exp', '99999999999999']] as const) {
      const changed = new URL(u);
      changed.searchParams.set(k, v);
      expect(await open(changed.pathname + changed.search)).toMatchObject({ ok: false, status: 403 });
    }
    expect(await open(`/files/${other}${u.search}`)).toMatchObject({ ok: false, status: 403 });
    expect(await open(`/files/..%2F..%2Fetc%2Fpasswd${u.search}`)).toMatchObject({ ok: false, status: 404 });
  });
});
