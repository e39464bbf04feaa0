// proposals.respond: an invited deputy accepts or declines to co-sign, before the proposal goes in and
// by the invitation's date. The author hears the answer. The answer does not change the author's
// version of the text (his draft keeps saving while others answer).
import * as z from 'zod';
import type { ProposalView, RespondInvitationData } from '../../contract';
import { AppError } from '../../core/errors';
import type { Proposal } from '../../core/model';
import { authorize } from '../access/permissions';
import { queueProposalNotices } from '../reminders/proposal-notices';
import { caller, defineUseCase, event } from '../use-case';
import { idField } from '../validation';
import { editable, invitationState } from '../../core/proposals';
import { loadProposal, todayOf, viewAfterWrite } from './proposal-shared';

const schema: z.ZodType<RespondInvitationData> = z.object({ id: idField, accept: z.boolean() });

export const respondInvitation = defineUseCase({
  action: 'proposals.respond',
  access: 'user',
  schema,
  run: (data, ctx) =>
    ctx.write(async (tx): Promise<ProposalView> => {
      const user = caller(ctx);
      const current = await loadProposal(tx, user, data.id);
      authorize(user, 'proposals.respond', { proposal: current });
      const at = current.invitations.findIndex((inv) => inv.userId === user.id);
      const invitation = current.invitations[at];
      if (!invitation) throw new AppError('FORBIDDEN', '只有被邀请的代表可以答复附议邀请');
      if (!editable(current)) throw new AppError('INVALID_TRANSITION', '建议已提交，不能再答复附议邀请');
      const state = invitationState(invitation, todayOf(ctx));
      if (state === 'lapsed') throw new AppError('DEADLINE', `附议邀请的答复期限为${invitation.answerByDate}，已经过期`);
      if (state !== 'invited') throw new AppError('INVALID_TRANSITION', '您已答复过这个附议邀请');
      const answer = data.accept ? 'accepted' : 'declined';
      const invitations = current.invitations.map((inv, i) => (i === at ? { ...inv, state: answer, answeredAt: ctx.now } as const : inv));
      const next: Proposal = { ...current, invitations, updatedAt: ctx.now };
      tx.update('proposals', next);
      tx.appendEvent(event(ctx, { action: 'proposals.respond', entity: 'proposal', entityId: next.id, from: 'invited', to: answer, detail: { userId: user.id } }));
      const author = await tx.get('users', current.authorId);
      if (author) {
        await queueProposalNotices(tx, data.accept ? 'proposalAccepted' : 'proposalDeclined', { proposal: next, author, other: user }, [author], `${user.id}:${ctx.now}`, ctx.now, {
          actorId: user.id,
          action: 'proposals.respond',
        });
      }
      return viewAfterWrite(tx, user, next, ctx);
    }),
});
