// Cloud functions in the CloudBase emulator: what wx-server-sdk's callFunction sends (node-sdk
// dist/functions/index.js: POST { action: 'functions.invokeFunction', function_name, request_data },
// request_data the JSON text of `data`; the answer's data.response_data is the JSON text of what the
// function returned), run against a handler the test deploys, with the service's ceilings:
// - a synchronous call's request event and its answer are each at most 6 MB (Tencent SCF 使用限制,
//   cloud.tencent.com/document/product/583/11637: 同步请求事件 6MB, 同步请求响应 6MB); over it the
//   call fails with SCF's status 406 RequestTooLarge or 407 (response size over 6 MB)
//   (tencentcloud.com/document/product/583/35311, status codes), the function never running or its
//   answer lost;
// - a function runs at most its configured timeout (cloudbaserc.json `timeout`, 3 s when none is
//   configured: the console's default for a function created from the devtools); past it the call
//   fails with FUNCTIONS_TIME_LIMIT_EXCEEDED (docs.cloudbase.net/error-code/basic/FUNCTIONS_TIME_LIMIT_EXCEEDED,
//   SCF status 433 TimeLimitReached). The time counts the emulator's clock, so simulated latency
//   of the database requests the function makes counts too.
// The caller's identity is the platform's: the emulator hands the function the OPENID of the
// mini-program user set with callAs, never anything from the request.
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** 6 MB: the largest request event and answer of a synchronous call (583/11637). */
export const CALL_LIMIT_BYTES = 6 * 1024 * 1024;
/** The console's timeout of a function created without one (seconds). */
export const DEFAULT_TIMEOUT_SECONDS = 3;

export class FunctionError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export type FunctionHandler = (event: unknown, context: { OPENID?: string; APPID?: string; ENV?: string }) => Promise<unknown>;

export interface EmulatedFunctions {
  /** Deploys a handler under a name, with the timeout cloudbaserc.json gives it (or 3 s), or one given. */
  deploy(name: string, handler: FunctionHandler, options?: { timeoutSeconds?: number }): void;
  /** The mini-program user whose calls follow (undefined: a call with no OPENID, as from a timer). */
  callAs(openid: string | undefined): void;
  /** Calls answered over a limit since the last reset, by the limit. */
  readonly refused: readonly ('request' | 'answer' | 'timeout')[];
  reset(): void;
}

/** The timeout of each function as cloudbaserc.json configures it (seconds). */
export function configuredTimeouts(file = path.join(__dirname, '../../../cloudbaserc.json')): Record<string, number> {
  const config = JSON.parse(readFileSync(file, 'utf8')) as { functions?: { name: string; timeout?: number }[] };
  return Object.fromEntries((config.functions ?? []).flatMap((f) => (f.timeout ? [[f.name, f.timeout]] : [])));
}

export function createFunctions(options: { env: string; now: () => number }): EmulatedFunctions & {
  invoke(body: Record<string, unknown>): Promise<Record<string, unknown>>;
} {
  const deployed = new Map<string, { handler: FunctionHandler; timeoutSeconds: number }>();
  const timeouts = configuredTimeouts();
  let caller: string | undefined;
  let refused: ('request' | 'answer' | 'timeout')[] = [];

  return {
    deploy(name, handler, o = {}) {
      deployed.set(name, { handler, timeoutSeconds: o.timeoutSeconds ?? timeouts[name] ?? DEFAULT_TIMEOUT_SECONDS });
    },
    callAs(openid) {
      caller = openid;
    },
    get refused() {
      return refused;
    },
    reset() {
      refused = [];
      caller = undefined;
    },
    async invoke(body) {
      const name = String(body.function_name ?? '');
      const fn = deployed.get(name);
      if (!fn) throw new FunctionError('FUNCTIONS_NOT_EXIST', `[ResourceNotFound.Function] 函数 ${name} 不存在`);
      const raw = typeof body.request_data === 'string' ? body.request_data : '';
      if (Buffer.byteLength(raw, 'utf8') > CALL_LIMIT_BYTES) {
        refused.push('request');
        throw new FunctionError('FUNCTIONS_EXECUTE_FAIL', '[406 RequestTooLarge] The request event size exceeds the limit of 6 MB for a synchronous invocation');
      }
      const event: unknown = raw === '' ? {} : JSON.parse(raw);
      const started = options.now();
      const limitMs = fn.timeoutSeconds * 1000;
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), limitMs)));
      const outcome = await Promise.race([fn.handler(event, { OPENID: caller, APPID: 'emulated', ENV: options.env }).then((value) => ({ value })), timedOut]).finally(() => clearTimeout(timer));
      if (outcome === 'timeout' || options.now() - started > limitMs) {
        refused.push('timeout');
        throw new FunctionError('FUNCTIONS_TIME_LIMIT_EXCEEDED', `[433 TimeLimitReached] Invoking task timed out after ${fn.timeoutSeconds} seconds`);
      }
      const answer = JSON.stringify(outcome.value ?? null);
      if (Buffer.byteLength(answer, 'utf8') > CALL_LIMIT_BYTES) {
        refused.push('answer');
        throw new FunctionError('FUNCTIONS_EXECUTE_FAIL', '[407 ResponseSizeTooLarge] The size of the response exceeds the upper limit (6 MB)');
      }
      return { data: { response_data: answer } };
    },
  };
}
