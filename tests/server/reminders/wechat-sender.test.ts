// The WeChat sender against a local HTTP listener standing in for the open API: wx-server-sdk is
// pointed at it with cloud.init({ serviceUrl }), so what is checked is what the SDK really sends.
import cloud from 'wx-server-sdk';
import type { Notification, User } from '../../../src/core/model';
import { reminderConfig } from '../../../src/server/reminders/config';
import { createWeChatSender, type WxOpenApi } from '../../../src/server/reminders/wechat.sender';
import { startFakeOpenApi, type FakeOpenApi } from '../../support/cloudbase-emulator/openapi';

let api: FakeOpenApi;

beforeAll(async () => {
  process.env.TENCENTCLOUD = 'true';
  process.env.TENCENTCLOUD_SECRETID = 'AKIDtest';
  process.env.TENCENTCLOUD_SECRETKEY = 'test-secret';
  api = await startFakeOpenApi();
  cloud.init({ env: 'test-env', serviceUrl: api.url } as unknown as Parameters<typeof cloud.init>[0]);
});

afterAll(async () => {
  await api.close();
});

beforeEach(() => {
  api.calls.length = 0;
  api.answers.length = 0;
});

const config = reminderConfig({
  REMINDER_TEMPLATE_DEADLINE: 'TPL-deadline-001',
  REMINDER_TEMPLATE_DEADLINE_FIELDS: 'thing1:title,time2:dueDate,phrase3:stage,thing4:note,character_string5:number',
  REMINDER_MINIPROGRAM_STATE: 'trial',
});
const sender = createWeChatSender(cloud as unknown as WxOpenApi, config);

const handler: User = { id: 'u1', openid: 'oHandler001', name: '王承办', roles: ['handler'], unitId: 'unit1', createdAt: '2026-01-01T00:00:00Z', version: 1 };

const notification: Notification = {
  id: 'n1',
  key: 't1:reply:r1:3:u1',
  userId: 'u1',
  taskId: 't1',
  suggestionId: 's1',
  kind: 'reply',
  title: '答复期限提醒：剩余3天',
  body: '《关于加快推进城市老旧小区改造和加装电梯工作的建议》答复期限为2026-04-15，剩余3天。',
  page: '/pages/suggestion/detail?id=s1&taskId=t1',
  template: 'deadline',
  params: {
    title: '关于加快推进城市老旧小区改造和加装电梯工作的建议',
    dueDate: '2026-04-15',
    stage: '即将到期',
    note: '请按时答复代表',
    number: 'A-0123',
  },
  status: 'pending',
  attempts: 1,
  createdAt: '2026-04-12T01:00:00.000Z',
};

describe('the WeChat sender', () => {
  it('sends subscribeMessage.send with the recipient, the configured template, the task page and fitted data', async () => {
    const result = await sender.deliver(notification, handler);

    expect(result).toEqual({ status: 'sent' });
    expect(api.calls).toHaveLength(1);
    const call = api.calls[0]!;
    expect(call).toMatchObject({ action: 'wx.openApi', apiName: 'subscribeMessage.send', env: 'test-env' });
    expect(call.fields).toEqual({
      touser: 'oHandler001',
      template_id: 'TPL-deadline-001',
      page: 'pages/suggestion/detail?id=s1&taskId=t1',
      miniprogram_state: 'trial',
      lang: 'zh_CN',
      data: {
        thing1: { value: '关于加快推进城市老旧小区改造和加装电梯…' },
        time2: { value: '2026年4月15日 23:59' },
        phrase3: { value: '即将到期' },
        thing4: { value: '请按时答复代表' },
        character_string5: { value: 'A-0123' },
      },
    });
  });

  it('reports 43101 (refused, or no subscription left) as noQuota', async () => {
    api.answers.push({ errcode: 43101, errmsg: 'user refuse to accept the msg' });

    const result = await sender.deliver(notification, handler);

    expect(result.status).toBe('noQuota');
    expect(api.calls).toHaveLength(1);
  });

  it('reports 47003 (a field breaks its rule) as a failure that is not retried', async () => {
    api.answers.push({ errcode: 47003, errmsg: 'argument invalid! data.thing1.value invalid' });

    const result = await sender.deliver(notification, handler);

    expect(result).toMatchObject({ status: 'failed', error: expect.stringContaining('47003') });
    expect((result as { retryable?: boolean }).retryable).toBeUndefined();
  });

  it('reports a busy WeChat (-1) as a failure worth retrying', async () => {
    api.answers.push({ errcode: -1, errmsg: 'system error' });

    const result = await sender.deliver(notification, handler);

    expect(result).toMatchObject({ status: 'failed', retryable: true });
  });

  it('does not call WeChat for a recipient who has not bound WeChat', async () => {
    const { openid: _none, ...unbound } = handler;

    const result = await sender.deliver(notification, unbound);

    expect(result).toMatchObject({ status: 'failed', error: '收件人尚未绑定微信' });
    expect(api.calls).toHaveLength(0);
  });

  it('does not call WeChat when no template is configured', async () => {
    const unconfigured = createWeChatSender(cloud as unknown as WxOpenApi, reminderConfig({}));

    const result = await unconfigured.deliver(notification, handler);

    expect(result).toMatchObject({ status: 'failed', error: '未配置订阅消息模板' });
    expect(api.calls).toHaveLength(0);
  });
});
