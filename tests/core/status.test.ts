import * as labels from '../../src/core/labels';
import type { Task } from '../../src/core/model';
import { deputyStep, deputyStepsDone, DEPUTY_STEPS, isSuggestionDone, suggestionStatus } from '../../src/core/status';
import { makeSuggestion, makeTask } from './fixtures';

const s = makeSuggestion();
const t = (id: string, role: Task['role'], state: Task['state']) => makeTask({ id, role, state });

describe('the suggestion status derived from its tasks', () => {
  it('待交办 with no live task (none yet, or all returned)', () => {
    expect(suggestionStatus(s, [])).toBe('pending');
    expect(suggestionStatus(s, [t('a', 'sole', 'returned')])).toBe('pending');
  });
  it('办理中 while any lead/split/sole task is open', () => {
    expect(suggestionStatus(s, [t('a', 'lead', 'handling'), t('b', 'co', 'opinionSent')])).toBe('handling');
    expect(suggestionStatus(s, [t('a', 'split', 'replied'), t('b', 'split', 'inReview')])).toBe('handling');
  });
  it('已答复 when every replying task has signed its reply', () => {
    expect(suggestionStatus(s, [t('a', 'split', 'replied'), t('b', 'split', 'closed')])).toBe('replied');
  });
  it('已办结 when every lead/split/sole task is closed, whatever the co tasks', () => {
    expect(suggestionStatus(s, [t('a', 'lead', 'closed'), t('b', 'co', 'opinionSent'), t('c', 'sole', 'returned')])).toBe('closed');
  });
  it('a suggestion held here only as 会办 is done when the opinion is sent', () => {
    expect(suggestionStatus(s, [t('a', 'co', 'opinionSent')])).toBe('closed');
    expect(suggestionStatus(s, [t('a', 'co', 'handling')])).toBe('handling');
  });
  it('已公开 once closed and published; not when the decision is not to publish', () => {
    const decided = { decidedAt: '2026-05-01T00:00:00Z', decidedBy: 'coord' };
    expect(suggestionStatus({ ...s, disclosure: { mode: 'full', ...decided } }, [t('a', 'sole', 'closed')])).toBe('disclosed');
    expect(suggestionStatus({ ...s, disclosure: { mode: 'none', reason: '个人信息', ...decided } }, [t('a', 'sole', 'closed')])).toBe('closed');
  });
  it('已归档 once archived', () => {
    expect(suggestionStatus({ ...s, archivedAt: '2026-12-01T00:00:00Z' }, [t('a', 'sole', 'closed')])).toBe('archived');
  });
  it('ignores tasks of other suggestions', () => {
    expect(suggestionStatus(s, [makeTask({ suggestionId: 'other', state: 'handling' })])).toBe('pending');
  });
});

describe('what the deputy sees', () => {
  it('four steps 交办 → 办理 → 答复 → 评价', () => {
    expect(DEPUTY_STEPS).toEqual(['交办', '办理', '答复', '评价']);
    expect(['pending', 'handling', 'replied', 'closed', 'archived'].map((x) => deputyStep(x as never))).toEqual([0, 1, 3, 3, 3]);
    // Steps complete: after a reply only 评价 is left to the deputy; a finished suggestion completes all four.
    expect(['pending', 'handling', 'replied', 'closed', 'disclosed', 'archived'].map((x) => deputyStepsDone(x as never))).toEqual([0, 1, 3, 4, 4, 4]);
  });
  it('done means 已办结 or later', () => {
    expect(['closed', 'disclosed', 'archived', 'replied'].map((x) => isSuggestionDone(x as never))).toEqual([true, true, true, false]);
  });
});

describe('Chinese labels', () => {
  it('name the roles, states and classes in the office’s words', () => {
    expect(labels.UNIT_ROLE_LABELS).toEqual({ lead: '主办', co: '会办', split: '分办', sole: '独办' });
    expect(labels.REPLY_CLASS_LABELS.B).toEqual({ label: 'B类', meaning: '正在解决或列入计划' });
    expect(Object.values(labels.CONTACT_MODE_LABELS)).toEqual(['见面', '电话', '座谈', '走访', '视频']);
    expect(labels.PHASE_LABELS).toEqual({ session: '会期', recess: '闭会期间' });
    expect(Object.values(labels.SUGGESTION_STATUS_LABELS)).toEqual(['待交办', '办理中', '已答复', '已办结', '已公开', '已归档']);
  });
  it('every label table is complete and every label is Chinese', () => {
    const tables = [
      labels.TASK_STATE_LABELS,
      labels.RATING_LABELS,
      labels.ROLE_LABELS,
      labels.DISCLOSURE_MODE_LABELS,
      labels.DEADLINE_KIND_LABELS,
    ];
    expect(Object.keys(labels.TASK_STATE_LABELS)).toHaveLength(10);
    expect(Object.keys(labels.DEADLINE_KIND_LABELS)).toHaveLength(4);
    for (const table of tables) for (const v of Object.values(table)) expect(v).toMatch(/^[\u4e00-\u9fa5]+$/);
  });
});
