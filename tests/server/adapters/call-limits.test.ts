// The emulator's cloud functions hold a call to the service's ceilings (tests/support/cloudbase-emulator/functions.ts):
// at most 6 MB a synchronous call's request event and answer (SCF 406 RequestTooLarge / 407), and
// the function's time limit as cloudbaserc.json configures it, 3 s when it says nothing. Called through
// the real wx-server-sdk's callFunction, as a phone's call reaches the function.
import type { CloudBaseEmulator } from '../../support/cloudbase-emulator';
import { CALL_LIMIT_BYTES, configuredTimeouts, DEFAULT_TIMEOUT_SECONDS } from '../../support/cloudbase-emulator/functions';
import { cloud, freshCloudStore, sharedEmulator } from '../../support/cloudbase-emulator/sdk';

let emulator: CloudBaseEmulator;
beforeAll(async () => {
  emulator = await sharedEmulator({});
});
afterAll(() => emulator.close());

/** callFunction's answer, or the error wx-server-sdk throws ({ errCode, errMsg }). */
async function callFunction(name: string, data: unknown): Promise<{ result?: unknown; errMsg?: string }> {
  try {
    return (await cloud.callFunction({ name, data: data as Record<string, unknown> })) as unknown as { result: unknown };
  } catch (error) {
    return { errMsg: String((error as { errMsg?: string }).errMsg ?? error) };
  }
}

describe('a cloud function call on the emulator', () => {
  beforeEach(async () => {
    await freshCloudStore(emulator);
  });

  it('hands the function its event and the caller from the platform, and answers what it returns', async () => {
    const seen: unknown[] = [];
    emulator.functions.deploy('echo', async (event, context) => {
      seen.push([event, context.OPENID]);
      return { ok: true, got: event };
    });
    emulator.functions.callAs('phone-openid');
    expect(await callFunction('echo', { action: 'me', openid: 'claimed-in-the-request' })).toMatchObject({ result: { ok: true, got: { action: 'me' } } });
    expect(seen).toEqual([[{ action: 'me', openid: 'claimed-in-the-request' }, 'phone-openid']]);
  });

  it('refuses a request event over 6 MB before the function runs', async () => {
    let ran = 0;
    emulator.functions.deploy('sink', async () => {
      ran += 1;
      return { ok: true };
    });
    // The old import: a 5 MB list as base64 inside the call is about 6.7 MB of event.
    const base64 = Buffer.alloc(5 * 1024 * 1024, 7).toString('base64');
    expect(Buffer.byteLength(JSON.stringify({ action: 'suggestions.import', data: { file: base64, format: 'csv' } }))).toBeGreaterThan(CALL_LIMIT_BYTES);
    const answer = await callFunction('sink', { action: 'suggestions.import', data: { file: base64, format: 'csv' } });
    expect(answer.errMsg).toMatch(/RequestTooLarge/);
    expect(ran).toBe(0);
    // Just under the limit still goes through.
    expect(await callFunction('sink', { pad: 'x'.repeat(CALL_LIMIT_BYTES - 64) })).toMatchObject({ result: { ok: true } });
    expect(ran).toBe(1);
    expect(emulator.functions.refused).toEqual(['request']);
  });

  it('loses an answer over 6 MB, as the old export of a large workbook in base64 would have', async () => {
    emulator.functions.deploy('big', async (event) => ({ ok: true, data: { content: 'A'.repeat((event as { size: number }).size) } }));
    expect((await callFunction('big', { size: CALL_LIMIT_BYTES + 1 })).errMsg).toMatch(/ResponseSizeTooLarge|6 ?MB/);
    expect(await callFunction('big', { size: 1024 })).toMatchObject({ result: { ok: true } });
    expect(emulator.functions.refused).toEqual(['answer']);
  });

  it('stops a function at its configured time limit: 3 s when none is configured, the api its 20 s', async () => {
    expect(DEFAULT_TIMEOUT_SECONDS).toBe(3);
    expect(configuredTimeouts()).toMatchObject({ api: 20, reminders: 60, setup: 60 });
    // Time as the service counts it: the emulator's clock, which simulated request latency moves too.
    emulator.functions.deploy('slow', async () => {
      emulator.advance(3_100);
      return { ok: true };
    });
    expect((await callFunction('slow', {})).errMsg).toMatch(/TimeLimitReached|TIME_LIMIT/);
    emulator.functions.deploy('api', async () => {
      emulator.advance(3_100);
      return { ok: true };
    });
    expect(await callFunction('api', {})).toMatchObject({ result: { ok: true } });
    emulator.functions.deploy('api', async () => {
      emulator.advance(20_100);
      return { ok: true };
    });
    expect((await callFunction('api', {})).errMsg).toMatch(/TimeLimitReached/);
    expect(emulator.functions.refused).toEqual(['timeout', 'timeout']);
  });
});
