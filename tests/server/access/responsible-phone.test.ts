// The roster's phone of a task's 办理责任人 reaches the task view of those who write it on the reply
// (the unit's 承办人 and 处室负责人) and of the office — not the unit's leader, another unit or the deputy
// (docs/security.md, Who sees what). The draft page fills 承办人电话 with it. On both stores.
import type { SuggestionDetail } from '../../../src/contract';
import { csvFile } from '../coordinator/fixture';
import { soleRow } from '../coordinator/lifecycle';
import { closeStores, openOfficeOn, STORE_KINDS, type OfficeOn } from '../coordinator/stores';

afterAll(() => closeStores());

describe.each(STORE_KINDS)('the 办理责任人’s phone in a task view (%s)', (kind) => {
  let office: OfficeOn;
  let suggestionId: string;
  beforeEach(async () => {
    office = await openOfficeOn(kind);
    await office.ok('coordinator', 'suggestions.import', { fileID: await office.upload('coordinator', csvFile([soleRow('8201', '关于社区食堂的建议', '2024-04-01')])), format: 'csv' });
    const [task] = await office.store.find('tasks');
    suggestionId = task!.suggestionId;
    // 孙丽 (市民政局, 13912340003) claims it and so is its 办理责任人.
    await office.ok('handler-mzj', 'tasks.claim', { taskId: task!.id, version: 1 });
  });
  afterEach(() => office.close());

  const phoneSeenBy = async (openid: string) => {
    const detail = await office.ok<SuggestionDetail>(openid, 'suggestions.get', { id: suggestionId });
    expect(detail.tasks[0]!.responsibleName).toBe('孙丽');
    return detail.tasks[0]!.responsiblePhone;
  };

  it('is given to the unit’s 承办人 and 处室负责人 and to the office', async () => {
    expect(await phoneSeenBy('handler-mzj')).toBe('13912340003');
    expect(await phoneSeenBy('reviewer-mzj')).toBe('13912340003');
    expect(await phoneSeenBy('coordinator')).toBe('13912340003');
  });

  it('is not given to the unit’s leader (who signs, not drafts) nor to the deputy', async () => {
    expect(await phoneSeenBy('leader-mzj')).toBeUndefined();
    expect(await phoneSeenBy('deputy-wang')).toBeUndefined();
  });
});
