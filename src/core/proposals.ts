// The rules of a deputy's proposal (docs/proposals.md): when the author may still change it, how an
// invitation to co-sign stands on a day, and whether the office's submission phase is open — pure, with
// the day as a parameter, for the actions, the permissions and the daily sweep alike.
import { shanghaiDate } from './calendar';
import { PHASE_LABELS } from './labels';
import type { Proposal, ProposalInvitation, ProposalWindow } from './model';

/** The author may change it: a draft, or one the office returned for revision. */
export const editable = (p: Pick<Proposal, 'state'>) => p.state === 'draft' || p.state === 'returned';

/** An invitation as it stands today: one not answered by its date has lapsed. */
export function invitationState(inv: ProposalInvitation, today: string): ProposalInvitation['state'] {
  return inv.state === 'invited' && inv.answerByDate < today ? 'lapsed' : inv.state;
}

/** The phase takes submissions today: set, not closed early, and today within its dates. */
export function windowOpen(window: ProposalWindow | undefined, today: string): boolean {
  return window !== undefined && !window.closedAt && window.startDate <= today && today <= window.endDate;
}

/** Why a proposal cannot be submitted today, naming the phase's dates; undefined when it can. */
export function windowRefusal(window: ProposalWindow | undefined, today: string): string | undefined {
  if (!window) return '建议提交期尚未开放，请留意联络员的通知';
  const span = `${window.session}${PHASE_LABELS[window.phase]}建议提交期为${window.startDate}至${window.endDate}`;
  if (window.closedAt) return `${span}，已于${shanghaiDate(window.closedAt)}提前结束，现在不能提交`;
  if (today < window.startDate) return `${span}，尚未开始，现在不能提交`;
  if (today > window.endDate) return `${span}，已经结束，现在不能提交`;
  return undefined;
}
