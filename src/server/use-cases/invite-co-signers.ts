// proposals.invite: the author invites deputies of the roster (any 代表团) to co-sign (附议). Each
// invitee hears of it and has the office's answer window (default 5 days) to accept or decline.
import * as z from 'zod';
import type { InviteCoSignersData, ProposalView } from '../../contract';
import { addDays } from '../../core/calendar';
import { AppError } from '../../core/errors';
import type { Proposal, ProposalInvitation, User } from '../../core/model';
import { authorize } from '../access/permissions';
import { queueProposalNotices } from '../reminders/proposal-notices';
import { caller, defineUseCase, event } from '../use-case';
import { idField, versionField } from '../validation';
import { editable, invitationState } from '../../core/proposals';
import { DEFAULT_INVITE_DAYS, loadProposal, loadWindow, todayOf, viewAfterWrite } from './proposal-shared';

const schema: z.ZodType<InviteCoSignersData> = z.object({ id: idField, version: versionField, userIds: z.array(idField).min(1).max(50) });

export const inviteCoSigners = defineUseCase({
  action: 'proposals.invite',
  access: 'user',
  schema,
  run: (data, ctx) =>
    ctx.write(async (tx): Promise<ProposalView> => {
      const user = caller(ctx);
      const current = await loadProposal(tx, user, data.id, data.version);
      authorize(user, 'proposals.invite', { proposal: current });
      if (!editable(current)) throw new AppError('INVALID_TRANSITION', '建议已提交，不能再邀请附议');
      const today = todayOf(ctx);
      const window = await loadWindow(tx);
      const answerByDate = addDays(today, window?.inviteDays ?? DEFAULT_INVITE_DAYS);
      const ids = [...new Set(data.userIds)];
      const invitees = await tx.getMany('users', ids);
      const byId = new Map(invitees.map((u) => [u.id, u]));
      const invited: User[] = [];
      const invitations: ProposalInvitation[] = [...current.invitations];
      for (const id of ids) {
        const invitee = byId.get(id);
        if (!invitee || !invitee.roles.includes('deputy')) throw new AppError('VALIDATION', '「附议代表」须是登记的代表');
        if (id === current.authorId) throw new AppError('VALIDATION', '不能邀请自己附议');
        const at = invitations.findIndex((inv) => inv.userId === id);
        const state = at >= 0 ? invitationState(invitations[at]!, today) : undefined;
        if (state === 'invited' || state === 'accepted') continue; // already asked, or already signed
        const invitation: ProposalInvitation = { userId: id, state: 'invited', invitedAt: ctx.now, answerByDate };
        if (at >= 0) invitations[at] = invitation;
        else invitations.push(invitation);
        invited.push(invitee);
      }
      if (invited.length === 0) throw new AppError('VALIDATION', '所选代表都已邀请过');
      const next: Proposal = {
        ...current,
        invitations,
        inviteeIds: invitations.map((inv) => inv.userId),
        updatedAt: ctx.now,
        version: current.version + 1,
      };
      tx.update('proposals', next);
      tx.appendEvent(event(ctx, { action: 'proposals.invite', entity: 'proposal', entityId: next.id, detail: { invited: invited.map((u) => u.id), answerByDate } }));
      await queueProposalNotices(tx, 'proposalInvited', { proposal: next, author: user, dueDate: answerByDate }, invited, `v${next.version}`, ctx.now, {
        actorId: user.id,
        action: 'proposals.invite',
      });
      return viewAfterWrite(tx, user, next, ctx);
    }),
});
