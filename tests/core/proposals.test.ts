// The proposal rules of src/core/proposals.ts at their edges: the phase's first and last day, an early
// close, and an invitation's last day to answer.
import { editable, invitationState, windowOpen, windowRefusal } from '../../src/core/proposals';
import type { ProposalInvitation, ProposalWindow } from '../../src/core/model';

const PHASE = { session: '十八届三次', phase: 'recess', startDate: '2024-05-01', endDate: '2024-05-31', inviteDays: 5 } as unknown as ProposalWindow;

describe('proposal rules', () => {
  it('opens the phase from its first day to its last, not before, after, or once closed early', () => {
    expect(['2024-04-30', '2024-05-01', '2024-05-31', '2024-06-01'].map((d) => windowOpen(PHASE, d))).toEqual([false, true, true, false]);
    expect(windowOpen({ ...PHASE, closedAt: '2024-05-10T02:00:00.000Z' }, '2024-05-11')).toBe(false);
    expect(windowOpen(undefined, '2024-05-11')).toBe(false);
    expect(windowRefusal(PHASE, '2024-05-15')).toBeUndefined();
    expect(windowRefusal(PHASE, '2024-04-30')).toContain('2024-05-01至2024-05-31，尚未开始');
  });

  it('lets the invitation lapse the day after its last day to answer', () => {
    const inv = { userId: 'd', state: 'invited', answerByDate: '2024-05-06' } as ProposalInvitation;
    expect([invitationState(inv, '2024-05-06'), invitationState(inv, '2024-05-07')]).toEqual(['invited', 'lapsed']);
    expect(invitationState({ ...inv, state: 'accepted' }, '2024-06-01')).toBe('accepted');
  });

  it('leaves a proposal to its author while a draft or returned', () => {
    expect((['draft', 'returned', 'submitted', 'accepted', 'rejected'] as const).map((state) => editable({ state }))).toEqual([true, true, false, false, false]);
  });
});
