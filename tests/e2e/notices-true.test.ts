import type { Page } from 'playwright-core';
import type { Task } from '../../src/core/model';
import { useDemoOffice } from './support/demo-office';
import { seeText, settle, snap, textsOf, visible } from './support/pages';

// Each notice says what it asks of its reader, with the deadline for that, and stays 待处理 until it is
// done — on a 375×812 phone browser against the real gateway. 1003号 (demo: a draft waiting for review)
// is reviewed and signed; the deputy's 建议已答复 asks for a rating until he rates; his 不满意 gives the
// handler a notice naming the 重新办理期限 (not the 答复期限), 待处理 until the draft is submitted again.
jest.setTimeout(180_000);

const CARE = { task: 'sug-elderly-care-task-1' };

describe('notices say what they ask, and whether it is done', () => {
  const office = useDemoOffice();
  const { call } = office;
  const as = async (openid: string): Promise<Page> => (await office.as(openid)).page;
  const storedTask = () => office.stored<Task>('tasks', CARE.task);

  /** The text of the visible inbox message with this title, read afresh from the messages page. */
  async function message(page: Page, title: string): Promise<string> {
    await page.goto(new URL('/#/pages/account/messages/index', office.gw.url).toString());
    await page.reload();
    await visible(page, '#inbox');
    await seeText(page, title, '#inbox');
    const texts = await textsOf(page, '#inbox .message-item');
    return texts.find((t) => t.includes(title)) ?? '';
  }

  it('asks the deputy to rate until he has, and the handler to re-handle by the 重新办理期限 until re-submitted', async () => {
    const reviewer = await as('demo-reviewer');
    await call(reviewer, 'tasks.review', { taskId: CARE.task, version: storedTask().version, decision: 'approve' });
    const leader = await as('demo-leader');
    await call(leader, 'tasks.sign', { taskId: CARE.task, version: storedTask().version });

    const deputy = await as('demo-deputy');
    const signed = await message(deputy, '建议已答复');
    expect(signed).toContain('待处理 请评价办理答复');
    expect(signed).not.toContain('已处理');
    await snap(deputy, 'notice-rate-pending', '#inbox');

    await call(deputy, 'feedback.submit', { taskId: CARE.task, attitude: 'basic', result: 'unsatisfied', reasons: '答复没有给出建设时间表。' });
    expect(await settle(() => message(deputy, '建议已答复').then((t) => t.includes('已处理')), true)).toBe(true);

    const rehandlingDue = storedTask().due.rehandling;
    expect(rehandlingDue).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const handler = await as('demo-handler');
    const reopened = await message(handler, '代表评价不满意，请重新办理');
    expect(reopened).toContain('待处理 请重新办理并再次答复代表');
    expect(reopened).toContain(`重新办理期限：${rehandlingDue}`);
    expect(reopened).not.toContain('答复期限：');
    await snap(handler, 'notice-rehandle-pending', '#inbox');

    const contact = { name: '刘洋', phone: '053186000001' };
    await call(handler, 'tasks.saveDraft', { taskId: CARE.task, version: storedTask().version, class: 'A', text: '已制定社区托育点建设时间表，明年新建50个。', leaderContact: { name: '吴国栋', phone: '053186000005' }, handlerContact: contact });
    await call(handler, 'tasks.submitDraft', { taskId: CARE.task, version: storedTask().version });
    const done = await message(handler, '代表评价不满意，请重新办理');
    expect(done).toContain('已处理');
    expect(done).not.toContain('待处理');
  });
});
