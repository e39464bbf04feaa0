// proposals.submit: the author submits his proposal in the phase the office has opened (会期 or
// 闭会期间); outside it the refusal names the phase's dates. The deputies who accepted become its
// co-signers; invitations not answered lapse. The coordinators hear of it (待立案).
import * as z from 'zod';
import type { ProposalRef, ProposalView } from '../../contract';
import { AppError } from '../../core/errors';
import type { Proposal } from '../../core/model';
import { authorize } from '../access/permissions';
import { queueProposalNotices } from '../reminders/proposal-notices';
import { caller, defineUseCase, event } from '../use-case';
import { idField, versionField } from '../validation';
import { editable, invitationState, windowRefusal } from '../../core/proposals';
import { coordinators, loadProposal, loadWindow, todayOf, viewAfterWrite } from './proposal-shared';

const schema: z.ZodType<ProposalRef> = z.object({ id: idField, version: versionField });

const REQUIRED: readonly [keyof Pick<Proposal, 'title' | 'content' | 'problem' | 'measures'>, string][] = [
  ['title', '标题'],
  ['content', '内容'],
  ['problem', '存在的问题'],
  ['measures', '建议的措施'],
];

export const submitProposal = defineUseCase({
  action: 'proposals.submit',
  access: 'user',
  schema,
  run: (data, ctx) =>
    ctx.write(async (tx): Promise<ProposalView> => {
      const user = caller(ctx);
      const current = await loadProposal(tx, user, data.id, data.version);
      authorize(user, 'proposals.submit', { proposal: current });
      if (!editable(current)) throw new AppError('INVALID_TRANSITION', '建议已经提交');
      for (const [field, label] of REQUIRED) if (!current[field].trim()) throw new AppError('VALIDATION', `「${label}」不能为空`);
      const today = todayOf(ctx);
      const window = await loadWindow(tx);
      const refusal = windowRefusal(window, today);
      if (refusal || !window) throw new AppError('DEADLINE', refusal ?? '建议提交期尚未开放');
      const invitations = current.invitations.map((inv) => (invitationState(inv, today) === 'invited' || invitationState(inv, today) === 'lapsed' ? { ...inv, state: 'lapsed' as const } : inv));
      const next: Proposal = {
        ...current,
        state: 'submitted',
        invitations,
        coSignerIds: invitations.filter((inv) => inv.state === 'accepted').map((inv) => inv.userId),
        session: window.session,
        phase: window.phase,
        submittedAt: ctx.now,
        updatedAt: ctx.now,
        version: current.version + 1,
      };
      tx.update('proposals', next);
      tx.appendEvent(event(ctx, { action: 'proposals.submit', entity: 'proposal', entityId: next.id, from: current.state, to: 'submitted', detail: { session: window.session, phase: window.phase, coSignerIds: next.coSignerIds } }));
      const actor = { actorId: user.id, action: 'proposals.submit' };
      const occasion = `v${next.version}`;
      await queueProposalNotices(tx, 'proposalSubmitted', { proposal: next, author: user }, await coordinators(tx), occasion, ctx.now, actor);
      return viewAfterWrite(tx, user, next, ctx);
    }),
});
