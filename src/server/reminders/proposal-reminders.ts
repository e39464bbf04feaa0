// The proposals' part of the daily sweep (docs/proposals.md): an invitation to co-sign that lapses
// today or tomorrow reminds its invitee; a draft not yet submitted while the open phase ends within
// REMIND_DAYS_BEFORE_CLOSE days reminds its author. Each reminder's key names its date, so however
// many runs a day make, each is written once; one transaction writes them all, so a cut run writes
// none or all. Proposals waiting on their author are few (one office: about a hundred a year).
import { daysBetween, shanghaiDate } from '../../core/calendar';
import type { Proposal, User } from '../../core/model';
import { windowOpen } from '../../core/proposals';
import type { Store } from '../ports';
import { SYSTEM_ACTOR, writeOutbox, type OutboxEntry } from './outbox';
import { PROPOSAL_WINDOW_ID, proposalMessage } from './proposal-notices';

/** Days before the phase's last day from which an unsubmitted draft's author is reminded. */
export const REMIND_DAYS_BEFORE_CLOSE = 2;
/** Days before an invitation's last day from which its invitee is reminded (0: the last day itself). */
export const REMIND_DAYS_BEFORE_LAPSE = 1;

/** Writes the day's proposal reminders; answers how many were written now. */
export async function sweepProposals(store: Store, now: string): Promise<number> {
  const today = shanghaiDate(now);
  const waiting = await store.find('proposals', { where: { state: ['draft', 'returned'] } });
  if (waiting.length === 0) return 0;
  const window = await store.get('proposalWindows', PROPOSAL_WINDOW_ID);
  const closing = window && windowOpen(window, today) && daysBetween(today, window.endDate) <= REMIND_DAYS_BEFORE_CLOSE ? window : undefined;
  const wanted: { proposal: Proposal; userId: string; kind: 'proposalInviteLapsing' | 'proposalWindowClosing'; dueDate: string }[] = [];
  for (const proposal of waiting) {
    for (const inv of proposal.invitations) {
      const left = daysBetween(today, inv.answerByDate);
      if (inv.state === 'invited' && left >= 0 && left <= REMIND_DAYS_BEFORE_LAPSE) wanted.push({ proposal, userId: inv.userId, kind: 'proposalInviteLapsing', dueDate: inv.answerByDate });
    }
    if (closing) wanted.push({ proposal, userId: proposal.authorId, kind: 'proposalWindowClosing', dueDate: closing.endDate });
  }
  if (wanted.length === 0) return 0;
  const people = new Map((await store.getMany('users', [...new Set(wanted.flatMap((w) => [w.userId, w.proposal.authorId]))])).map((u): [string, User] => [u.id, u]));
  const entries: OutboxEntry[] = [];
  for (const w of wanted) {
    const recipient = people.get(w.userId);
    const author = people.get(w.proposal.authorId);
    if (!recipient || !author) continue;
    entries.push({
      occasionKey: `${w.proposal.id}:${w.kind}:${w.dueDate}`,
      kind: w.kind,
      recipient,
      message: proposalMessage(w.kind, { proposal: w.proposal, author, dueDate: w.dueDate }),
    });
  }
  const written = await store.transaction((tx) => writeOutbox(tx, entries, now, { actorId: SYSTEM_ACTOR, action: 'reminders.proposals' }));
  return written.length;
}
