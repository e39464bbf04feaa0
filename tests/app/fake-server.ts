// A scripted stand-in for the cloud function behind the client's transport: each action answers
// with what the test set, and every request is recorded so that tests can check what was sent.
import type { ApiRequest, ApiResponse, ErrorCode } from '../../src/core/errors';
import { setTransport } from '../../src/api/client';

type Answer = ApiResponse<unknown> | ((request: ApiRequest) => ApiResponse<unknown> | Promise<ApiResponse<unknown>>);

export interface FakeServer {
  requests: ApiRequest[];
  on: (action: string, answer: Answer) => void;
  /** Holds every call of `action` until `release()` is called (to see loading states). */
  hold: (action: string) => { release: () => void };
  callsOf: (action: string) => ApiRequest[];
}

export function ok<T>(data: T): ApiResponse<T> {
  return { ok: true, data };
}

export function fail(code: ErrorCode, message: string): ApiResponse<never> {
  return { ok: false, error: { code, message } };
}

export function installFakeServer(): FakeServer {
  const answers = new Map<string, Answer>();
  const holds = new Map<string, Promise<void>>();
  const requests: ApiRequest[] = [];

  setTransport(async (request) => {
    requests.push(request);
    const held = holds.get(request.action);
    if (held) await held;
    const answer = answers.get(request.action);
    if (!answer) return fail('NOT_FOUND', `测试未设置 ${request.action}`);
    return typeof answer === 'function' ? answer(request) : answer;
  });

  return {
    requests,
    on: (action, answer) => answers.set(action, answer),
    hold: (action) => {
      let release = () => {};
      holds.set(action, new Promise<void>((resolve) => (release = resolve)));
      return {
        release: () => {
          holds.delete(action);
          release();
        },
      };
    },
    callsOf: (action) => requests.filter((r) => r.action === action),
  };
}
