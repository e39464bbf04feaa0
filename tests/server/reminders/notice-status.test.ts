// What each notice asks, the deadline for it and when it is done, read from the task as it stands.
import type { Notification } from '../../../src/core/model';
import { noticeStatus } from '../../../src/server/reminders/notice-status';
import { task } from './support/world';

const AT = '2026-03-02T02:00:00.000Z';
const LATER = '2026-03-05T02:00:00.000Z';

const notice = (kind: string, fields: Partial<Notification> = {}): Notification => ({
  id: `n-${kind}`,
  key: kind,
  userId: 'u',
  taskId: 't1',
  suggestionId: 's1',
  kind,
  title: kind,
  body: '',
  status: 'sent',
  attempts: 1,
  createdAt: AT,
  // Workflow notices were written naming the 答复期限, whatever they asked: never read back.
  params: { deadline: '答复期限', dueDate: '2026-06-02' },
  ...fields,
});

const sole = (fields: Omit<Parameters<typeof task>[1], 'reply'>) => task('t1', { reply: '2026-06-02', ...fields });

describe('notice status', () => {
  it('asks the deputy to rate a signed reply until rated, and tells a co-unit only', () => {
    const n = notice('replySigned');
    const replied = sole({ state: 'replied', repliedAt: AT });
    expect(noticeStatus(n, { task: replied, readerIsDeputy: true })).toEqual({ asks: '评价办理答复' });
    expect(noticeStatus(n, { task: sole({ state: 'closed', repliedAt: AT, closedAt: LATER }), readerIsDeputy: true })).toEqual({ asks: '评价办理答复', settled: true });
    expect(noticeStatus(n, { task: sole({ state: 'rehandling', round: 2, repliedAt: AT }), readerIsDeputy: true }).settled).toBe(true);
    expect(noticeStatus(n, { task: replied, readerIsDeputy: false })).toEqual({});
  });

  it('asks the handler to re-handle after 不满意 by the 重新办理期限, until the draft is submitted again', () => {
    const n = notice('feedbackUnsatisfied');
    const reopened = sole({ state: 'rehandling', round: 2, repliedAt: AT, due: { rehandling: '2026-04-02' } });
    expect(noticeStatus(n, { task: reopened, readerIsDeputy: false })).toEqual({
      asks: '重新办理并再次答复代表',
      deadline: { label: '重新办理期限', date: '2026-04-02' },
    });
    const resubmitted = { ...reopened, state: 'inReview' as const, submittedAt: LATER };
    expect(noticeStatus(n, { task: resubmitted, readerIsDeputy: false }).settled).toBe(true);
    // The last round's 不满意 closes the task at once: it only informs.
    expect(noticeStatus(n, { task: sole({ state: 'closed', round: 2, closedAt: AT }), readerIsDeputy: false })).toEqual({});
  });

  it('asks the lead unit, told of a co-opinion, to submit its draft by its own deadline, until it does', () => {
    const n = notice('opinionSent');
    const co = task('t1', { role: 'co', state: 'opinionSent', reply: '2026-06-02', due: { coOpinion: '2026-04-01' } });
    const lead = task('t0', { role: 'lead', state: 'handling', reply: '2026-06-02' });
    expect(noticeStatus(n, { task: co, leadTask: lead, readerIsDeputy: false })).toEqual({
      asks: '汇总会办意见，提交答复稿审核',
      deadline: { label: '答复期限', date: '2026-06-02' },
    });
    expect(noticeStatus(n, { task: co, leadTask: { ...lead, state: 'inReview', submittedAt: LATER }, readerIsDeputy: false }).settled).toBe(true);
  });

  it('asks the reviewer and the leader until their step is taken, and a resubmission does not reopen an old notice', () => {
    const review = notice('draftSubmitted');
    expect(noticeStatus(review, { task: sole({ state: 'inReview', submittedAt: AT }), readerIsDeputy: false })).toMatchObject({ asks: '审核答复稿' });
    expect(noticeStatus(review, { task: sole({ state: 'inReview', submittedAt: LATER }), readerIsDeputy: false }).settled).toBe(true);
    expect(noticeStatus(review, { task: sole({ state: 'awaitingSignature' }), readerIsDeputy: false }).settled).toBe(true);
    const sign = notice('draftApproved');
    expect(noticeStatus(sign, { task: sole({ state: 'awaitingSignature', approvedAt: AT }), readerIsDeputy: false })).toEqual({
      asks: '签发答复',
      deadline: { label: '答复期限', date: '2026-06-02' },
    });
    expect(noticeStatus(sign, { task: sole({ state: 'replied' }), readerIsDeputy: false }).settled).toBe(true);
  });

  it('asks the coordinator to decide a return or an extension until decided', () => {
    const back = notice('returnRequested');
    expect(noticeStatus(back, { task: sole({ state: 'returnRequested' }), readerIsDeputy: false })).toEqual({ asks: '审批退回申请' });
    expect(noticeStatus(back, { task: sole({ state: 'returned' }), readerIsDeputy: false }).settled).toBe(true);
    const more = notice('extensionRequested');
    const pending = { reason: '需调研', requestedDue: '2026-07-01', requestedAt: AT, requestedBy: 'u' };
    expect(noticeStatus(more, { task: sole({ state: 'handling', extensionRequest: pending }), readerIsDeputy: false }).settled).toBeUndefined();
    expect(noticeStatus(more, { task: sole({ state: 'handling', extensionRequest: { ...pending, decidedAt: LATER, approved: true } }), readerIsDeputy: false }).settled).toBe(true);
  });

  it('shows an approved extension’s new 答复期限 from the task, not the date written in the notice', () => {
    const n = notice('extensionApproved');
    expect(noticeStatus(n, { task: task('t1', { state: 'handling', reply: '2026-08-02' }), readerIsDeputy: false })).toEqual({
      deadline: { label: '答复期限', date: '2026-08-02' },
    });
  });
});
