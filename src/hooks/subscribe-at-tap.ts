// Reminder subscriptions gathered at the taps people make anyway (docs/reminders.md, What a person
// must tap): claiming, saving or submitting a draft, reviewing, signing, confirming a 面复, rating,
// opening a message. WeChat allows one prompt only inside a tap and at most 3 templates a prompt, so
// what to ask for is known before the tap: the server's `me` names the templates whose remaining
// count for this person is low (never one refused), and wx.getSetting's subscriptionsSetting the
// ones the person answered for good (总是保持以上选择 with 拒绝, or the main switch off), which are
// never asked again. One prompt at a time: a tap while one is open asks nothing. In H5 there is no
// WeChat prompt: the ask is announced as a `subscribe-ask` window event (what the browser tests see).
import Taro from '@tarojs/taro';
import type { ActionName } from '../contract';
import { call } from '../api/client';

/** The actions whose tap also asks for reminder subscriptions. */
export const GATHERS_SUBSCRIPTIONS: ReadonlySet<ActionName> = new Set<ActionName>([
  'tasks.claim',
  'tasks.saveDraft',
  'tasks.submitDraft',
  'tasks.review',
  'tasks.sign',
  'tasks.submitOpinion',
  'contacts.confirm',
  'feedback.submit',
  'notifications.read',
]);

export const SUBSCRIBE_ASK_EVENT = 'subscribe-ask';

let wanted: string[] = [];
let answeredForGood = new Set<string>();
let switchedOff = false;
let prompting = false;
let priming: Promise<void> | undefined;
let primedAt = 0;

const canUse = (api: string) => typeof Taro.canIUse !== 'function' || Taro.canIUse(api);

async function readSettings(): Promise<void> {
  // withSubscriptions needs base library 2.10.1, above the declared minimum: only where it exists.
  if (process.env.TARO_ENV !== 'weapp' || !canUse('getSetting.object.withSubscriptions')) return;
  const setting = (await Taro.getSetting({ withSubscriptions: true } as never)) as unknown as {
    subscriptionsSetting?: { mainSwitch?: boolean; itemSettings?: Record<string, string> };
  };
  const s = setting.subscriptionsSetting;
  switchedOff = s?.mainSwitch === false;
  answeredForGood = new Set(
    Object.entries(s?.itemSettings ?? {})
      .filter(([, v]) => v === 'reject' || v === 'ban')
      .map(([id]) => id),
  );
}

/** Learns, before any tap, what to ask for (the server's counts and WeChat's settings). */
export function primeSubscribeAsk(): Promise<void> {
  if (priming && Date.now() - primedAt < 2000) return priming;
  primedAt = Date.now();
  priming = (async () => {
    const me = await call('me', {});
    if (me.ok) wanted = me.data.subscribeAsk ?? [];
    await readSettings().catch(() => undefined);
  })();
  return priming;
}

/** Called first thing in a tap: asks for what is low, at most 3 templates, never stacked prompts. */
export function askAtTap(): void {
  const ids = switchedOff ? [] : wanted.filter((id) => !answeredForGood.has(id)).slice(0, 3);
  if (ids.length === 0 || prompting) return;
  wanted = [];
  if (process.env.TARO_ENV !== 'weapp') {
    if (typeof window !== 'undefined') window.dispatchEvent(new CustomEvent(SUBSCRIBE_ASK_EVENT, { detail: ids }));
    return;
  }
  if (!canUse('requestSubscribeMessage')) return;
  prompting = true;
  Taro.requestSubscribeMessage({ tmplIds: ids, entityIds: [] } as never)
    .then((answer) => {
      const said = answer as unknown as Record<string, string>;
      return call('subscriptions.record', { results: ids.map((templateId) => ({ templateId, accepted: said[templateId] === 'accept' })) });
    })
    .catch(() => undefined)
    .finally(() => {
      prompting = false;
      primedAt = 0;
      void primeSubscribeAsk();
    });
}
