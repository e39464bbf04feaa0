// The record an attachment is kept with, behind one face for attachments.add/list/remove: a suggestion,
// a contact record or a reply (their rules in ./attachments.ts, docs/security.md, Attachments), or a
// deputy's proposal before 立案 (docs/proposals.md, Files: the author adds and removes while it is his
// to edit; whoever reads the proposal reads its files; permissions in access/permissions.ts).
import type { AttachmentTarget, AttachmentView } from '../../contract';
import { AppError } from '../../core/errors';
import type { Attachment, Proposal, User } from '../../core/model';
import { assertCanChangeProposalFiles, assertCanReadProposal, mayChangeProposalFiles } from '../access/permissions';
import type { Directory } from '../directory';
import type { FileStore, Reader } from '../ports';
import { addRefusal, assertCanAdd, assertCanSeeTarget, attachmentView, canRemove, finalReason, loadTarget, visibleAttachments, type TargetRecord } from './attachments';

export interface AttachmentOwner {
  /** The file store folder of its files, and the suggestion (and task) they are kept with, if any. */
  folder: string;
  suggestionId?: string;
  taskId?: string;
  assertCanSee(user: User): void;
  assertCanAdd(user: User): void;
  /** Why no file can be added now (checked again inside the unit of work), or undefined. */
  addRefusal(user: User): AppError | undefined;
  /** Why a file can no longer be removed by this caller, or undefined. */
  removeRefusal(user: User, a: Attachment): AppError | undefined;
  canRemove(user: User, a: Attachment): boolean;
  /** Its files not removed: a suggestion's record has them from the detail document read with it; a proposal reads them. */
  kept(reader: Reader): Promise<Attachment[]>;
  list(reader: Reader, user: User, options: ListOptions): Promise<AttachmentView[]>;
}

export interface ListOptions {
  files: FileStore;
  directory: Directory;
  openid?: string;
}

const refusalOf = (fn: () => void): AppError | undefined => {
  try {
    fn();
    return undefined;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
};

function recordOwner(record: TargetRecord): AttachmentOwner {
  return {
    folder: record.suggestion.id,
    suggestionId: record.suggestion.id,
    ...(record.task ? { taskId: record.task.id } : {}),
    assertCanSee: (user) => assertCanSeeTarget(user, record),
    assertCanAdd: (user) => assertCanAdd(user, record),
    addRefusal: () => {
      const refusal = addRefusal(record);
      return refusal ? new AppError('INVALID_TRANSITION', refusal) : undefined;
    },
    removeRefusal: (user, a) => {
      const final = finalReason(record);
      if (final) return new AppError('INVALID_TRANSITION', final);
      return canRemove(user, record, a) ? undefined : new AppError('FORBIDDEN', '只有上传者或建议办理联络员可以删除附件');
    },
    canRemove: (user, a) => canRemove(user, record, a),
    kept: async () => {
      const targetId = record.contact?.id ?? record.reply?.id ?? record.suggestion.id;
      return record.attachments.filter((a) => !a.removedAt && a.target === record.target && a.targetId === targetId);
    },
    list: async (reader, user, options) => {
      const [contacts, replies] = await Promise.all([
        reader.find('contacts', { where: { suggestionId: record.suggestion.id } }),
        reader.find('replies', { where: { suggestionId: record.suggestion.id } }),
      ]);
      return visibleAttachments(reader, user, { suggestion: record.suggestion, tasks: record.tasks, contacts, replies }, { ...options, only: { target: record.target, targetId: record.contact?.id ?? record.reply?.id ?? record.suggestion.id } });
    },
  };
}

function proposalOwner(proposal: Proposal): AttachmentOwner {
  const canRemoveFile = (user: User, a: Attachment) => mayChangeProposalFiles(user, proposal) && a.createdBy === user.id;
  return {
    folder: `proposals/${proposal.id}`,
    assertCanSee: (user) => assertCanReadProposal(user, proposal),
    assertCanAdd: (user) => assertCanChangeProposalFiles(user, proposal),
    addRefusal: (user) => refusalOf(() => assertCanChangeProposalFiles(user, proposal)),
    removeRefusal: (user, a) => refusalOf(() => assertCanChangeProposalFiles(user, proposal)) ?? (a.createdBy === user.id ? undefined : new AppError('FORBIDDEN', '只有上传者可以删除附件')),
    canRemove: canRemoveFile,
    kept: async (reader) => (await reader.find('attachments', { where: { targetId: proposal.id } })).filter((a) => !a.removedAt && a.target === 'proposal'),
    list: async (reader, user, options) => {
      assertCanReadProposal(user, proposal);
      return proposalFiles(reader, user, proposal, options);
    },
  };
}

/** The live files of a proposal the caller reads, oldest first, with links (proposals view, attachments.list). */
export async function proposalFiles(reader: Reader, user: User, proposal: Proposal, options: ListOptions): Promise<AttachmentView[]> {
  const all = await reader.find('attachments', { where: { targetId: proposal.id } });
  const live = all.filter((a) => !a.removedAt && a.target === 'proposal').sort((x, y) => x.createdAt.localeCompare(y.createdAt) || x.id.localeCompare(y.id));
  const removable = mayChangeProposalFiles(user, proposal);
  const linkOptions = (a: Attachment) => ({ fileName: a.fileName, contentType: a.contentType, ...(options.openid ? { openid: options.openid } : {}) });
  const links = options.files.links && live.length > 0 ? await options.files.links(live.map((a) => ({ ref: a.ref, options: linkOptions(a) }))) : undefined;
  return Promise.all(live.map((a, i) => attachmentView(a, { ...options, removable: removable && a.createdBy === user.id, ...(links ? { link: links[i]! } : {}) })));
}

/** The record a file is (to be) kept with; NOT_FOUND when there is none. */
export async function loadOwner(reader: Reader, target: AttachmentTarget, targetId: string): Promise<AttachmentOwner> {
  if (target !== 'proposal') return recordOwner(await loadTarget(reader, target, targetId));
  const proposal = await reader.get('proposals', targetId);
  if (!proposal) throw new AppError('NOT_FOUND', '没有找到该建议草稿');
  return proposalOwner(proposal);
}
