// A handler adds a photo to the 面复 record on the contact page; the deputy of the suggestion opens it
// from the detail page, while another deputy is refused both the list and the link.
import type { Browser } from 'playwright-core';
import { launchBrowser } from './support/browser';
import { startGateway, type RunningGateway } from './support/gateway';
import { fill, login, onPage, seeText, snap, tap, visible, type Session } from './support/pages';

const CARE = { suggestion: 'sug-elderly-care', task: 'sug-elderly-care-task-1' };
// A real JPEG header and some bytes: the server tells the kind by the first bytes.
const JPEG = Buffer.concat([Buffer.from('ffd8ffe000104a46494600010100000100010000', 'hex'), Buffer.alloc(512, 9), Buffer.from('ffd9', 'hex')]);

describe('a photo of the 面复 record', () => {
  let gw: RunningGateway;
  let browser: Browser;
  const sessions: Session[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    gw = await startGateway({ SWEEP_INTERVAL_MS: '0', APP_NOW: '2026-11-27T10:00:00+08:00' });
  });
  afterAll(async () => {
    for (const s of sessions) await s.context.close();
    await browser?.close();
    await gw?.stop();
  });

  const as = async (openid: string) => {
    const session = await login(browser, gw.url, openid);
    sessions.push(session);
    return session;
  };

  it('is added by the handler, opened by the deputy of the suggestion, and refused to another deputy', async () => {
    const { page: handler } = await as('demo-handler');
    await tap(handler, `#task-${CARE.task}`);
    await onPage(handler, 'pages/work/detail/index');
    await tap(handler, `#task-card-${CARE.task} #contact-btn`);
    await onPage(handler, 'pages/work/contact/index');
    // The form asks how the talk took place first (nothing is 面复 by default).
    await tap(handler, '#contact-mode-visit');
    await fill(handler, 'contact-people', '王建华代表；基础设施发展处刘洋');
    await fill(handler, 'contact-notes', '到社区养老服务站现场查看，当面介绍办理进展。');
    await tap(handler, '#contact-submit');
    await seeText(handler, '记录已保存', '#contact-saved');

    const chooser = handler.waitForEvent('filechooser');
    await tap(handler, '#contact-files .attachment-add-photo');
    await (await chooser).setFiles({ name: '面复现场.jpg', mimeType: 'image/jpeg', buffer: JPEG });
    await seeText(handler, /照片：面复现场\.jpg/, '#contact-files');
    await snap(handler, 'contact-photo', '#contact-files');
    await tap(handler, '#contact-done');
    await onPage(handler, 'pages/work/detail/index');
    await seeText(handler, /面复现场\.jpg/, '#contacts');

    // The deputy of the suggestion sees the photo with the record and opens it.
    const deputy = await as('demo-deputy');
    await tap(deputy.page, `#suggestion-${CARE.suggestion}`);
    await onPage(deputy.page, 'pages/work/detail/index');
    const item = await visible(deputy.page, '#contacts .attachment-item');
    expect(await item.textContent()).toContain('面复现场.jpg');
    const popup = deputy.context.waitForEvent('page');
    await (await visible(deputy.page, '#contacts .attachment-open')).click();
    const opened = await popup;
    const link = opened.url();
    expect(link).toContain('/files/attachments/');
    const mine = await deputy.context.request.get(link);
    expect(mine.status()).toBe(200);
    expect(mine.headers()['content-type']).toBe('image/jpeg');
    expect(Buffer.from(await mine.body()).equals(JPEG)).toBe(true);
    await snap(deputy.page, 'deputy-contact-photo', '#contacts');

    // Another deputy: the link made for the first one opens nothing, and the list is not found.
    const other = await as('demo-deputy2');
    const refused = await other.context.request.get(link);
    expect(refused.status()).toBe(403);
    expect(await refused.text()).toContain('仅供获得授权的本人打开');
    const api = (s: Session, action: string, data: unknown) =>
      s.context.request.post(new URL('/api/api', gw.url).toString(), { data: { action, data } }).then((r) => r.json() as Promise<Record<string, unknown>>);
    const detail = (await api(deputy, 'suggestions.get', { id: CARE.suggestion })) as { data: { attachments: { target: string; targetId: string }[] } };
    expect(detail.data.attachments).toEqual([expect.objectContaining({ target: 'contact', fileName: '面复现场.jpg' })]);
    const contactId = detail.data.attachments[0]!.targetId;
    expect(await api(deputy, 'attachments.list', { target: 'contact', targetId: contactId })).toMatchObject({ ok: true, data: { items: [{ fileName: '面复现场.jpg' }] } });
    expect(await api(other, 'attachments.list', { target: 'contact', targetId: contactId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await api(other, 'suggestions.get', { id: CARE.suggestion })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
