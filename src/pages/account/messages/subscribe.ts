// Subscribing to reminders. In the mini-program WeChat asks the user (this must run from a tap,
// at most 3 templates a call) and the answer is recorded; in H5 there is no WeChat prompt, so the
// wish is recorded directly and reminders reach the in-app inbox.
import Taro from '@tarojs/taro';
import type { SubscriptionResultData } from '../../../contract';

const LOCAL_TEMPLATE_ID = 'local-reminder';

/**
 * Asks for the templates the server names (`me`.subscribeTemplateIds, at most 3). Call it straight
 * from the tap: WeChat refuses a prompt that does not come from one.
 */
export async function askSubscription(templateIds: readonly string[]): Promise<SubscriptionResultData> {
  const ids = templateIds.slice(0, 3);
  if (process.env.TARO_ENV !== 'weapp') {
    const local = ids.length > 0 ? ids : [LOCAL_TEMPLATE_ID];
    return { results: local.map((templateId) => ({ templateId, accepted: true })) };
  }
  if (ids.length === 0) return { results: [] };
  const answer = (await Taro.requestSubscribeMessage({ tmplIds: ids, entityIds: [] })) as unknown as Record<string, string>;
  return { results: ids.map((templateId) => ({ templateId, accepted: answer[templateId] === 'accept' })) };
}
