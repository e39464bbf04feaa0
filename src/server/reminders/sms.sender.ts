// The SMS channel (docs/reminders.md, SMS): a URL Link to the reminder's page from urllink.generate,
// then one text message through CloudBase's cloudbase.sendSmsV2, both open APIs called with
// wx-server-sdk (the function's config.json grants them). The answer's send_status_list says per
// number whether it went ("Ok") or why not (the SMS package is used up, the number is invalid …).
import type { Notification, User } from '../../core/model';
import type { SendResult, SmsChannel } from './channel';
import type { SmsConfig } from './config';

/** The part of wx-server-sdk the SMS channel uses (answers come back camel-cased by the SDK). */
export interface WxSmsApi {
  openapi: {
    urllink: {
      generate(params: { path: string; query: string; expireType: number; expireInterval: number; envVersion: string }): Promise<{ urlLink?: string }>;
    };
    cloudbase: {
      sendSmsV2(params: {
        env: string;
        urlLink: string;
        templateId: string;
        templateParamList: string[];
        phoneNumberList: string[];
      }): Promise<{ sendStatusList?: { serialNo?: string; phoneNumber?: string; code?: string; message?: string }[] }>;
    };
  };
}

/** Per-number codes of the SMS service that another attempt will not change (Tencent Cloud SMS error codes). */
const KNOWN: Record<string, string> = {
  'FailedOperation.InsufficientBalanceInSmsPackage': '短信资源包余量不足，请在云开发控制台购买短信资源包',
  'InvalidParameterValue.IncorrectPhoneNumber': '手机号无效',
  'LimitExceeded.PhoneNumberDailyLimit': '该手机号今日接收短信已达上限',
  'FailedOperation.PhoneNumberInBlacklist': '该手机号已退订短信',
};

/** +86 and the 11 digits of a mainland mobile number, or undefined when the roster's number is not one. */
export function mobileNumber(phone: string | undefined): string | undefined {
  const digits = (phone ?? '').replace(/[\s\-()]/g, '');
  const m = /^(?:\+?86)?(1\d{10})$/.exec(digits);
  return m ? `+86${m[1]}` : undefined;
}

/** The words the SMS template's one parameter carries (≤ 20 characters, as SMS template variables are short). */
export function smsText(n: Notification, count: number): string {
  const text = count > 1 ? `${count}项建议办理期限提醒` : n.title;
  return text.length > 20 ? `${text.slice(0, 19)}…` : text;
}

export function createSmsSender(cloud: WxSmsApi, config: SmsConfig, fallbackPage: string): SmsChannel {
  return {
    async deliver(n: Notification, recipient: User, count: number): Promise<SendResult> {
      const phone = mobileNumber(recipient.phone);
      if (!phone) return { status: 'noQuota', error: '无法经微信送达，名册中没有可用的手机号' };
      const [path, query = ''] = (count > 1 || !n.page ? fallbackPage : n.page).replace(/^\/+/, '').split('?');
      let urlLink: string | undefined;
      try {
        urlLink = (await cloud.openapi.urllink.generate({ path: path ?? '', query, expireType: 1, expireInterval: 30, envVersion: config.envVersion })).urlLink;
      } catch (error) {
        return failure('生成小程序链接失败', error);
      }
      if (!urlLink) return { status: 'failed', error: '生成小程序链接失败：微信未返回链接', retryable: true };
      try {
        const answer = await cloud.openapi.cloudbase.sendSmsV2({
          env: config.env,
          urlLink,
          templateId: config.templateId,
          templateParamList: [smsText(n, count)],
          phoneNumberList: [phone],
        });
        const status = answer.sendStatusList?.[0];
        const detail = { channel: 'sms', ...(status?.serialNo ? { serialNo: status.serialNo } : {}), code: status?.code ?? '' };
        if (status?.code === 'Ok') return { status: 'sent', detail };
        const known = status?.code ? KNOWN[status.code] : undefined;
        if (known) return { status: 'failed', error: `短信未发出：${known}（${status?.code}）`, detail };
        return { status: 'failed', error: `短信未发出：${status?.code ?? ''} ${status?.message ?? '未知原因'}`.trim(), retryable: true, detail };
      } catch (error) {
        return failure('短信发送暂时失败', error);
      }
    },
  };
}

function failure(what: string, error: unknown): SendResult {
  const code = (error as { errCode?: unknown })?.errCode;
  const detail = String((error as { errMsg?: unknown })?.errMsg ?? (error as Error)?.message ?? error).slice(0, 160);
  return { status: 'failed', error: `${code ?? ''} ${what}：${detail}`.trim(), retryable: true };
}
