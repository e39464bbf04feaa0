import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { Button, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { call, h5Transport, setTransport, weappTransport } from '../../src/api/client';
import { useAction } from '../../src/hooks/use-action';
import type { ApiRequest } from '../../src/core/errors';

afterEach(() => setTransport());

describe('the H5 transport', () => {
  it('posts the action, its data and the request id to the local gateway with the session cookie', async () => {
    const fetchMock = jest.fn(async () => new Response(JSON.stringify({ ok: true, data: { user: null, bound: false } })));
    global.fetch = fetchMock as unknown as typeof fetch;
    setTransport(h5Transport);
    const response = await call('me', {}, { requestId: 'req-1' });
    expect(response).toEqual({ ok: true, data: { user: null, bound: false } });
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/api');
    expect(init.method).toBe('POST');
    expect(init.credentials).toBe('same-origin');
    expect(JSON.parse(init.body as string)).toEqual({ action: 'me', data: {}, requestId: 'req-1' });
  });

  it('turns a network failure into the contract error shape with a message for people', async () => {
    global.fetch = jest.fn(async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch;
    setTransport(h5Transport);
    const response = await call('me', {});
    expect(response).toEqual({ ok: false, error: { code: 'INTERNAL', message: '网络连接失败，请检查网络后重试' } });
  });

  it('rejects an answer that is not a contract response', async () => {
    global.fetch = jest.fn(async () => new Response(JSON.stringify({ hello: 1 }))) as unknown as typeof fetch;
    setTransport(h5Transport);
    const response = await call('me', {});
    expect(response.ok).toBe(false);
  });

  it('is the transport of an H5 build', async () => {
    const fetchMock = jest.fn(async () => new Response(JSON.stringify({ ok: true, data: 1 })));
    global.fetch = fetchMock as unknown as typeof fetch;
    setTransport(); // the build target's own transport: TARO_ENV is 'h5' here
    await call('me', {});
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });
});

describe('the mini-program transport', () => {
  it("calls the cloud function 'api' with the request and returns its result", async () => {
    const callFunction = jest.fn(async () => ({ result: { ok: true, data: { items: [] } }, errMsg: 'cloud.callFunction:ok' }));
    // The H5 implementation has no real cloud; the WeChat one is stood in for at its boundary.
    const taro = Taro as unknown as { cloud?: unknown };
    const original = taro.cloud;
    taro.cloud = { callFunction };
    setTransport(weappTransport);
    const response = await call('tasks.mine', {}, { requestId: 'req-2' });
    taro.cloud = original;
    expect(response).toEqual({ ok: true, data: { items: [] } });
    expect(callFunction).toHaveBeenCalledWith({ name: 'api', data: { action: 'tasks.mine', data: {}, requestId: 'req-2' } });
  });
});

function ClaimButton() {
  const claim = useAction('tasks.claim');
  const [done, setDone] = useState(0);
  return (
    <View>
      <Button onClick={() => void claim.run({ taskId: 't1', version: 1 }).then((r) => r.ok && setDone((n) => n + 1))}>认领</Button>
      <View id="done">{`成功${done}次`}</View>
      <View id="error">{claim.error?.message ?? ''}</View>
    </View>
  );
}

describe('a retried action', () => {
  it('keeps its request id after a failure that may not have reached the server, and takes a new one after success', async () => {
    const seen: ApiRequest[] = [];
    const answers = [
      { ok: false, error: { code: 'INTERNAL', message: '网络连接失败，请检查网络后重试' } },
      { ok: true, data: {} },
      { ok: true, data: {} },
    ];
    setTransport(async (request) => {
      // A claim page first asks `me` what to ask for at the tap (src/hooks/subscribe-at-tap.ts).
      if (request.action === 'me') return { ok: true, data: { subscribeAsk: [] } };
      seen.push(request);
      return answers[seen.length - 1];
    });
    render(<ClaimButton />);
    fireEvent.click(screen.getByText('认领'));
    expect(await screen.findByText('网络连接失败，请检查网络后重试')).toBeTruthy();
    fireEvent.click(screen.getByText('认领'));
    await screen.findByText('成功1次');
    fireEvent.click(screen.getByText('认领'));
    await waitFor(() => expect(seen).toHaveLength(3));
    expect(seen[1]!.requestId).toBe(seen[0]!.requestId);
    expect(seen[2]!.requestId).not.toBe(seen[1]!.requestId);
  });

  it('takes a new request id after a definite refusal', async () => {
    const seen: ApiRequest[] = [];
    setTransport(async (request) => {
      if (request.action === 'me') return { ok: true, data: { subscribeAsk: [] } };
      seen.push(request);
      return { ok: false, error: { code: 'CONFLICT', message: '该记录已被他人修改，请刷新后重试' } };
    });
    render(<ClaimButton />);
    fireEvent.click(screen.getByText('认领'));
    await screen.findByText('该记录已被他人修改，请刷新后重试');
    fireEvent.click(screen.getByText('认领'));
    await waitFor(() => expect(seen).toHaveLength(2));
    await screen.findByText('该记录已被他人修改，请刷新后重试');
    expect(seen[1]!.requestId).not.toBe(seen[0]!.requestId);
  });
});
