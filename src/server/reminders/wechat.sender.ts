// The WeChat channel: one subscribe message per outbox row, through wx-server-sdk's
// cloud.openapi.subscribeMessage.send (the function's config.json grants the openapi permission).
// Template ids and field mapping come from configuration; the data is fitted to WeChat's rules first.
import type { Notification, User } from '../../core/model';
import type { ReminderNotifier, SendResult, SmsChannel } from './channel';
import { templateFor, type ReminderConfig } from './config';
import { templateData, type TemplateData } from './template-data';

/** The part of wx-server-sdk the sender uses. */
export interface WxOpenApi {
  openapi: {
    subscribeMessage: {
      send(params: {
        touser: string;
        templateId: string;
        page?: string;
        data: TemplateData;
        miniprogramState?: string;
        lang?: string;
      }): Promise<unknown>;
    };
  };
}

/** WeChat's answers that another attempt will not change. */
const PERMANENT: Record<number, string> = {
  40003: '收件人的 openid 无效',
  40037: '订阅消息模板编号无效',
  41028: '发送凭证无效或已过期',
  41029: '发送凭证已被使用',
  41030: '跳转页面路径不正确',
  47003: '模板参数不符合微信的格式要求',
};
const NO_QUOTA = 43101;

export function createWeChatSender(cloud: WxOpenApi, config: ReminderConfig, sms?: SmsChannel): ReminderNotifier {
  return {
    requiresSubscription: true,
    ...(sms ? { sms } : {}),
    async deliver(notification: Notification, recipient: User): Promise<SendResult> {
      if (!recipient.openid) return { status: 'failed', error: '收件人尚未绑定微信' };
      const template = templateFor(config, notification.template);
      if (!template) return { status: 'failed', error: '未配置订阅消息模板' };
      try {
        await cloud.openapi.subscribeMessage.send({
          touser: recipient.openid,
          templateId: template.id,
          // WeChat wants a page inside the mini-program without a leading slash: pages/x/y?id=1.
          ...(notification.page ? { page: notification.page.replace(/^\/+/, '') } : {}),
          data: templateData(notification, template),
          miniprogramState: config.miniprogramState,
          lang: 'zh_CN',
        });
        return { status: 'sent' };
      } catch (error) {
        return failure(error);
      }
    },
  };
}

function failure(error: unknown): SendResult {
  const code = typeof (error as { errCode?: unknown })?.errCode === 'number' ? (error as { errCode: number }).errCode : undefined;
  const detail = String((error as { errMsg?: unknown })?.errMsg ?? (error as Error)?.message ?? error).slice(0, 160);
  if (code === NO_QUOTA) return { status: 'noQuota', error: `${NO_QUOTA} 用户拒绝接收或订阅次数已用完` };
  if (code !== undefined && PERMANENT[code]) return { status: 'failed', error: `${code} ${PERMANENT[code]}` };
  // System busy (-1), the platform's own errors, the network: worth another attempt later.
  return { status: 'failed', error: `${code ?? ''} 发送暂时失败：${detail}`.trim(), retryable: true };
}
