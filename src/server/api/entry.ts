// The api function's entry, shared by the cloud function (cloudfunctions/api/index.ts) and the local
// gateway: the platform's context carries the caller's identity; anything the request says about
// identity is ignored.
import type { ApiRequest, ApiResponse } from '../../contract';

/** The part of the platform context (cloud.getWXContext()) that the function reads. */
export interface WxContext {
  OPENID?: string;
  APPID?: string;
  UNIONID?: string;
  ENV?: string;
}

export type ApiHandler = (event: ApiRequest, ctx: { openid?: string }) => Promise<ApiResponse<unknown>>;

export function apiEntry(api: ApiHandler) {
  return async (event: unknown, wx: WxContext): Promise<ApiResponse<unknown>> => {
    const e = (event ?? {}) as Record<string, unknown>;
    // Only the three contract fields pass on: no userInfo, no openid from the caller.
    const request: ApiRequest = { action: e.action as string, data: e.data, requestId: e.requestId as string | undefined };
    return api(request, { openid: wx.OPENID || undefined });
  };
}
