// The ONE client of the cloud functions (docs/architecture.md, Request flow). The transport is chosen by the build target
// (process.env.TARO_ENV, replaced at build time), never by trying Taro.cloud first: in an H5 build
// Taro.cloud is a stub that resolves with an error message instead of failing.
import Taro from '@tarojs/taro';
import type { ApiRequest, ApiResponse } from '../core/errors';
import type { ActionData, ActionName, ActionResult } from '../contract';

export type Transport = (request: ApiRequest) => Promise<unknown>;

export interface CallOptions {
  /** Keep the same id when retrying a request so that the server applies it only once. */
  requestId?: string;
}

const NETWORK_MESSAGE = '网络连接失败，请检查网络后重试';
const BAD_RESPONSE_MESSAGE = '服务暂时不可用，请稍后重试';

/** Local gateway (H5): the logged-in user is known from the session cookie, never from the body. */
export const h5Transport: Transport = async (request) => {
  const response = await fetch('/api/api', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(request),
  });
  return response.json();
};

/** WeChat cloud development: the platform puts the caller's OPENID into the function context. */
export const weappTransport: Transport = async (request) => {
  const result = await Taro.cloud.callFunction({ name: 'api', data: { ...request } });
  return result.result;
};

function defaultTransport(): Transport {
  return process.env.TARO_ENV === 'weapp' ? weappTransport : h5Transport;
}

let transport: Transport = defaultTransport();

/** Replaces the transport (tests); without an argument restores the one of the build target. */
export function setTransport(next?: Transport): void {
  transport = next ?? defaultTransport();
}

export function newRequestId(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

function isApiResponse(value: unknown): value is ApiResponse<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const body = value as { ok?: unknown; error?: { code?: unknown; message?: unknown } };
  if (body.ok === true) return true;
  return body.ok === false && typeof body.error?.code === 'string' && typeof body.error.message === 'string';
}

/** Calls one action; never throws: a network or malformed answer becomes an INTERNAL failure. */
export async function call<A extends ActionName>(
  action: A,
  data: ActionData<A>,
  options: CallOptions = {},
): Promise<ApiResponse<ActionResult<A>>> {
  const request: ApiRequest = { action, data, requestId: options.requestId ?? newRequestId() };
  let body: unknown;
  try {
    body = await transport(request);
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: NETWORK_MESSAGE } };
  }
  if (!isApiResponse(body)) return { ok: false, error: { code: 'INTERNAL', message: BAD_RESPONSE_MESSAGE } };
  return body as ApiResponse<ActionResult<A>>;
}
