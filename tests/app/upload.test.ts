// The app's upload before an import or attachment (src/api/upload.ts): in the browser the bytes go to
// the gateway's POST /upload; in WeChat to cloud storage with wx.cloud.uploadFile under the caller's
// folder, which the server names (me.uploadFolder). Either way the answer is the fileID.
import Taro from '@tarojs/taro';
import { setTransport } from '../../src/api/client';
import { uploadFile, uploadMessageOf } from '../../src/api/upload';

const taro = Taro as unknown as { cloud: Record<string, unknown> };
const savedCloud = taro.cloud;
afterEach(() => {
  setTransport();
  taro.cloud = savedCloud;
});

describe('an upload in the browser', () => {
  it('posts the file itself to /upload under its name and answers the fileID', async () => {
    const fetchMock = jest.fn(async () => new Response(JSON.stringify({ ok: true, data: { fileID: 'uploads/abc/def.xlsx' } })));
    global.fetch = fetchMock as unknown as typeof fetch;
    const blob = new Blob(['PK']);
    await expect(uploadFile({ name: '交办清单.xlsx', blob })).resolves.toBe('uploads/abc/def.xlsx');
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe(`/upload?name=${encodeURIComponent('交办清单.xlsx')}`);
    expect(init).toMatchObject({ method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/octet-stream' }, body: blob });
  });

  it('fails with the gateway\'s words, or the network\'s', async () => {
    global.fetch = jest.fn(async () => new Response(JSON.stringify({ ok: false, error: { code: 'VALIDATION', message: '文件超过5MB上限，请压缩或分批后再上传' } }), { status: 413 })) as unknown as typeof fetch;
    expect(uploadMessageOf(await uploadFile({ name: 'a.csv', blob: new Blob(['x']) }).catch((e: unknown) => e))).toBe('文件超过5MB上限，请压缩或分批后再上传');
    global.fetch = jest.fn(async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch;
    expect(uploadMessageOf(await uploadFile({ name: 'a.csv', blob: new Blob(['x']) }).catch((e: unknown) => e))).toBe('文件上传失败，请检查网络后重试');
    expect(uploadMessageOf(new Error('cancel'))).toBeUndefined();
  });
});

describe('an upload in WeChat', () => {
  it('puts the file in the caller\'s folder of cloud storage and answers its fileID', async () => {
    const requests: string[] = [];
    setTransport(async (request) => {
      requests.push(request.action);
      return { ok: true, data: { user: { id: 'u' }, bound: true, capabilities: [], uploadFolder: 'jianyitong/uploads/0123456789abcdef0123456789abcdef' } };
    });
    const uploadFileMock = jest.fn(async (o: { cloudPath: string }) => ({ fileID: `cloud://env.bucket/${o.cloudPath}`, statusCode: 200, errMsg: 'cloud.uploadFile:ok' }));
    taro.cloud = { ...savedCloud, uploadFile: uploadFileMock };
    const first = await uploadFile({ name: '现场.JPG', path: 'wxfile://tmp/abc.jpg' });
    const second = await uploadFile({ name: '名单.csv', path: 'wxfile://tmp/def.csv' });
    expect(first).toMatch(/^cloud:\/\/env\.bucket\/jianyitong\/uploads\/0123456789abcdef0123456789abcdef\/[a-z0-9]+\.jpg$/);
    expect(second).toMatch(/\.csv$/);
    expect(uploadFileMock.mock.calls[0]![0]).toMatchObject({ filePath: 'wxfile://tmp/abc.jpg' });
    expect(requests).toEqual(['me']); // the folder is asked for once
  });
});
