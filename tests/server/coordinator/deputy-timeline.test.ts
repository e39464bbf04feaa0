// What a deputy reads on his or her suggestion: the steps that concern him or her, in words, and
// not the units' internal drafting and reviewing.
import type { SuggestionDetail } from '../../../src/contract';
import { openOffice, type Office } from './fixture';
import { importRows, replyAndRate, soleRow } from './lifecycle';

describe('the timeline a deputy follows', () => {
  let office: Office;
  afterEach(() => office.store.close());

  it('shows who took the suggestion up, the talks, the signed reply and the rating, but not drafts and reviews', async () => {
    office = await openOffice();
    const { suggestionId, taskIds } = (await importRows(office, [soleRow('6001', '关于增设社区养老服务站的建议')])).get('6001')!;
    await replyAndRate(office, taskIds[0]!);

    const asDeputy = await office.ok<SuggestionDetail>('deputy-wang', 'suggestions.get', { id: suggestionId });
    const labels = asDeputy.events.map((e) => `${e.actorName} ${e.actionLabel}`);
    expect(labels).toEqual(expect.arrayContaining(['孙丽 认领', '孙丽 登记沟通记录', '冯刚 签发答复', '王建华 代表评价']));
    expect(asDeputy.events.map((e) => e.action)).not.toEqual(expect.arrayContaining(['tasks.saveDraft']));
    expect(asDeputy.events.some((e) => e.action === 'tasks.review' || e.action === 'tasks.saveDraft' || e.action === 'tasks.submitDraft')).toBe(false);

    const asOffice = await office.ok<SuggestionDetail>('coordinator', 'suggestions.get', { id: suggestionId });
    expect(asOffice.events.some((e) => e.action === 'tasks.review')).toBe(true);
    expect(asOffice.events.length).toBeGreaterThan(asDeputy.events.length);
  });
});
