// proposals.decide: the coordinator's 立案审查 of a submitted proposal — accept (立案: it becomes a
// suggestion with the next 建议号 of its session, its author as lead deputy and the accepted
// co-signers, ready for 交办), return it for revision with a reason, or turn it into a letter
// (转来信) with a reason. Two coordinators accepting at once make one suggestion: the second commit
// finds the proposal changed (CONFLICT) and writes nothing.
import * as z from 'zod';
import type { DecideProposalData, DecideProposalResult } from '../../contract';
import { AppError } from '../../core/errors';
import type { Attachment, Proposal, User } from '../../core/model';
import { authorize } from '../access/permissions';
import type { Tx } from '../ports';
import { queueProposalNotices, type ProposalNoticeKind } from '../reminders/proposal-notices';
import { caller, defineUseCase, type UseCaseContext } from '../use-case';
import { event } from '../use-case';
import { idField, optionalText, versionField } from '../validation';
import { createSuggestionIn } from './create-suggestion';
import { loadProposal, proposalView, todayOf } from './proposal-shared';

const schema: z.ZodType<DecideProposalData> = z.object({
  id: idField,
  version: versionField,
  decision: z.enum(['accept', 'return', 'reject']),
  reason: optionalText(500),
});

/** The rows one look for the highest 建议号 reads. */
export const NUMBER_PAGE = 50;

/**
 * The next 建议号 of the session: one more than the highest number in it (1 for the first). The
 * session's list rows in 建议号 order, highest first (numberSortKey pads every run of digits, so a
 * number that begins with digits sorts by its leading integer, and one that begins with a letter or a
 * Chinese character sorts above them all): the first that begins with a digit holds the highest. One
 * indexed request at any size of session (it read every suggestion of the session: ten requests and
 * 10,000 documents at national scale), unless more than a page of numbers begins otherwise.
 */
export async function nextNumber(tx: Tx, session: string): Promise<string> {
  for (let offset = 0; ; offset += NUMBER_PAGE) {
    const rows = await tx.find('suggestionRows', { where: { session }, orderBy: [{ field: 'sortKey', desc: true }], offset, limit: NUMBER_PAGE });
    const highest = rows.find((row) => /^\d/.test(row.number));
    if (highest) return String(Number.parseInt(highest.number, 10) + 1);
    if (rows.length < NUMBER_PAGE) return '1';
  }
}

/** The suggestion's text: the proposal's content, the problem and the measures under their headings. */
const suggestionContent = (p: Proposal) => [p.content, `存在的问题：${p.problem}`, `建议的措施：${p.measures}`].join('\n\n');

/**
 * The proposal's files go with the suggestion it becomes, so the units that handle it read them where they
 * read its other files: each kept file is listed again on the suggestion, pointing at the same stored file
 * (files are never rewritten, and removing an attachment only marks it removed). Audited one by one.
 */
async function carryFiles(tx: Tx, ctx: UseCaseContext, proposal: Proposal, suggestionId: string): Promise<void> {
  const kept = (await tx.find('attachments', { where: { targetId: proposal.id } })).filter((a) => a.target === 'proposal' && !a.removedAt);
  for (const file of kept) {
    const copy: Attachment = {
      id: `${file.id}-s`,
      suggestionId,
      target: 'suggestion',
      targetId: suggestionId,
      fileName: file.fileName,
      contentType: file.contentType,
      size: file.size,
      ref: file.ref,
      ...(file.slot !== undefined ? { slot: file.slot } : {}),
      createdBy: file.createdBy,
      createdAt: ctx.now,
      version: 1,
    };
    tx.insert('attachments', copy);
    tx.appendEvent(
      event(ctx, {
        action: 'proposals.decide',
        entity: 'attachment',
        entityId: copy.id,
        suggestionId,
        detail: { from: file.id, proposalId: proposal.id, fileName: file.fileName },
      }),
    );
  }
}

const NOTICE: Record<DecideProposalData['decision'], ProposalNoticeKind> = { accept: 'proposalFiled', return: 'proposalReturned', reject: 'proposalRejected' };
const STATE: Record<DecideProposalData['decision'], Proposal['state']> = { accept: 'accepted', return: 'returned', reject: 'rejected' };

export const decideProposal = defineUseCase({
  action: 'proposals.decide',
  access: 'user',
  schema,
  run: (data, ctx) =>
    ctx.write(async (tx): Promise<DecideProposalResult> => {
      const user = caller(ctx);
      const current = await loadProposal(tx, user, data.id);
      authorize(user, 'proposals.decide', { proposal: current });
      if (current.version !== data.version) throw new AppError('CONFLICT', '建议已被其他人处理，请刷新后查看');
      if (current.state !== 'submitted') throw new AppError('INVALID_TRANSITION', '该建议不在待立案状态');
      if (data.decision !== 'accept' && !data.reason) throw new AppError('VALIDATION', '「理由」不能为空');
      let next: Proposal = {
        ...current,
        state: STATE[data.decision],
        decidedAt: ctx.now,
        decidedBy: user.id,
        updatedAt: ctx.now,
        version: current.version + 1,
      };
      if (data.reason) next.reason = data.reason;
      else delete next.reason;
      if (data.decision === 'accept') {
        const session = current.session ?? '';
        const suggestion = createSuggestionIn(
          tx,
          ctx,
          {
            number: await nextNumber(tx, session),
            title: current.title,
            content: suggestionContent(current),
            leadDeputyId: current.authorId,
            coSignerIds: current.coSignerIds,
            delegation: current.delegation,
            session,
            phase: current.phase ?? 'session',
          },
          'proposals.decide',
        );
        next = { ...next, suggestionId: suggestion.id, number: suggestion.number };
        await carryFiles(tx, ctx, current, suggestion.id);
      }
      tx.update('proposals', next);
      tx.appendEvent(
        event(ctx, {
          action: 'proposals.decide',
          entity: 'proposal',
          entityId: next.id,
          ...(next.suggestionId ? { suggestionId: next.suggestionId } : {}),
          from: 'submitted',
          to: next.state,
          detail: { decision: data.decision, ...(data.reason ? { reason: data.reason } : {}), ...(next.number ? { number: next.number } : {}) },
        }),
      );
      // Everyone the proposal names in one request: those told, and the people of the view below.
      const people = await tx.getMany('users', [current.authorId, ...current.coSignerIds, ...current.inviteeIds]);
      const author = people.find((u) => u.id === current.authorId);
      const toldIds = new Set(data.decision === 'accept' ? [current.authorId, ...current.coSignerIds] : [current.authorId]);
      const told = people.filter((u) => toldIds.has(u.id)) as User[];
      if (author) {
        // Keyed by the proposal's new version, written in this commit: not looked for first (outbox.ts, checked).
        await queueProposalNotices(tx, NOTICE[data.decision], { proposal: next, author }, told, `v${next.version}`, ctx.now, { actorId: user.id, action: 'proposals.decide' }, { checked: false });
      }
      return {
        // The office's view of a decided proposal: its actions do not depend on the phase (only an
        // author's do), so the phase is not read for it (the queue shows it: proposals.list).
        proposal: proposalView(user, next, new Map(people.map((u) => [u.id, u])), undefined, todayOf(ctx)),
        ...(next.suggestionId ? { suggestionId: next.suggestionId, number: next.number } : {}),
      };
    }),
});
