// Attachments: photos and scans kept with a suggestion, a contact record (面复记录) or a reply. What a
// file is comes from its first bytes, not its name; who may see one is who may see its record; a
// file may be removed (by its uploader or the office) only until its record is final.
import type { AttachmentTarget, AttachmentView } from '../../contract';
import { AppError } from '../../core/errors';
import type { Attachment, Contact, Reply, Suggestion, Task, User } from '../../core/model';
import { assertCanSee, authorize, isDeputyOf, isOffice, isStaffOf, readsAsDeputy } from '../access/permissions';
import type { Directory } from '../directory';
import type { FileLink, FileStore, Reader } from '../ports';
import { detailIn } from '../read-models/details';
import { detailRecords } from '../read-models/project';

export type AttachmentType = Attachment['contentType'];
/** The records of a suggestion that keep files (a proposal's files: ./attachment-owners.ts). */
export type RecordTarget = Exclude<AttachmentTarget, 'proposal'>;

const SIGNATURES: { type: AttachmentType; bytes: number[]; extensions: string[] }[] = [
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff], extensions: ['jpg', 'jpeg'] },
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], extensions: ['png'] },
  { type: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], extensions: ['pdf'] }, // %PDF-
];

/** The file's type from its first bytes; its name must say the same. */
export function sniffType(content: Buffer, fileName: string): { type: AttachmentType; extension: string } {
  const found = SIGNATURES.find((s) => s.bytes.every((b, i) => content[i] === b));
  if (!found) throw new AppError('VALIDATION', '只能上传 JPG、PNG 图片或 PDF 文件（文件内容不是这几种格式）');
  const extension = (/\.([A-Za-z0-9]+)$/.exec(fileName)?.[1] ?? '').toLowerCase();
  if (!found.extensions.includes(extension)) {
    throw new AppError('VALIDATION', `文件名的扩展名与文件内容不符：内容是${found.type === 'application/pdf' ? ' PDF 文件' : `${found.extensions[0]!.toUpperCase()} 图片`}，请改为 .${found.extensions[0]}`);
  }
  return { type: found.type, extension: found.extensions[0]! };
}

/** A name safe to show and to save under: no folders, no control characters, at most 80 characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = base.replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '').trim();
  if (!clean || clean.startsWith('.')) throw new AppError('VALIDATION', '「文件名」不正确');
  return clean.length > 80 ? clean.slice(clean.length - 80) : clean;
}

export function sizeLabel(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 102.4) / 10} KB`;
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}

/** The record an attachment belongs with, and everything needed to decide who may see or change it. */
export interface TargetRecord {
  target: RecordTarget;
  suggestion: Suggestion;
  tasks: Task[];
  task?: Task; // the task of a contact or reply
  contact?: Contact;
  reply?: Reply;
  replies: Reply[]; // the task's replies (contact), to tell when a contact became final
  attachments: Attachment[]; // every file of the suggestion and its records, removed ones included
}

export async function loadTarget(reader: Reader, target: RecordTarget, targetId: string): Promise<TargetRecord> {
  let suggestionId = targetId;
  let contact: Contact | undefined;
  let reply: Reply | undefined;
  if (target === 'contact') {
    contact = await reader.get('contacts', targetId);
    if (!contact) throw new AppError('NOT_FOUND', '没有找到该沟通记录');
    suggestionId = contact.suggestionId;
  } else if (target === 'reply') {
    reply = await reader.get('replies', targetId);
    if (!reply) throw new AppError('NOT_FOUND', '没有找到该答复');
    suggestionId = reply.suggestionId;
  }
  // The suggestion's detail document: the suggestion, its tasks, replies and files in one request
  // (read-models/details.ts); in a unit of work on CloudBase its records are not read again (FROM_DETAIL).
  const detail = await detailIn(reader, suggestionId);
  const suggestion = detail?.suggestion;
  if (!detail || !suggestion) throw new AppError('NOT_FOUND', '没有找到该建议');
  const records = detailRecords(detail);
  const tasks = records.tasks;
  const taskId = contact?.taskId ?? reply?.taskId;
  const task = taskId ? tasks.find((t) => t.id === taskId) : undefined;
  const replies = contact ? records.replies.filter((r) => r.taskId === contact.taskId) : [];
  return { target, suggestion, tasks, ...(task ? { task } : {}), ...(contact ? { contact } : {}), ...(reply ? { reply } : {}), replies, attachments: records.attachments };
}


/** Who may see the record may see its files; a record hidden from the caller is "not found". */
export function assertCanSeeTarget(user: User, r: TargetRecord): void {
  assertCanSee(user, r.suggestion, r.tasks);
  if (r.target === 'reply' && !r.reply?.signedAt && readsAsDeputy(user, r.suggestion, r.tasks)) throw new AppError('NOT_FOUND', '没有找到该答复');
}

/** A signed reply's letter is final and lists the reply's files: none is added after signature. */
export const SIGNED_REPLY_FINAL = '答复已签发，答复函已定稿，不能再添加附件';

/** Who may add a file: the office; the staff of the record's unit (any unit of the suggestion for the suggestion itself); its deputies for the suggestion. */
export function assertCanAdd(user: User, r: TargetRecord): void {
  assertCanSeeTarget(user, r);
  authorize(user, 'attachments.add');
  const refusal = addRefusal(r);
  if (refusal) throw new AppError('INVALID_TRANSITION', refusal);
  if (isOffice(user)) return;
  if (r.task) {
    if (isStaffOf(user, r.task.unitId)) return;
    throw new AppError('FORBIDDEN', '只有承办单位的相关人员可以为沟通记录或答复添加附件');
  }
  if (r.tasks.some((t) => t.state !== 'returned' && isStaffOf(user, t.unitId)) || isDeputyOf(user, r.suggestion)) return;
  throw new AppError('FORBIDDEN', '您不能为该建议添加附件');
}

/**
 * Whether the record is final, so that its files stay as they are — nothing added, nothing removed
 * (docs/security.md, Attachments): an archived suggestion; a signed reply; a contact record the
 * deputy confirmed, or once a reply of its task was signed after it. Says why, in words.
 */
export function finalState(r: TargetRecord): string | undefined {
  if (r.suggestion.archivedAt) return '该建议已归档';
  if (r.target === 'reply' && r.reply?.signedAt) return '答复已签发';
  if (r.target === 'contact' && r.contact?.deputyConfirmedAt) return '代表已确认该沟通记录';
  if (r.target === 'contact' && r.contact && r.replies.some((reply) => reply.signedAt && reply.signedAt >= r.contact!.createdAt)) {
    return '该沟通记录已随答复签发';
  }
  return undefined;
}

/** Why no file can be added to the record any more, or undefined. */
export function addRefusal(r: TargetRecord): string | undefined {
  if (r.target === 'reply' && r.reply?.signedAt) return SIGNED_REPLY_FINAL;
  const final = finalState(r);
  return final ? `${final}，不能再添加附件` : undefined;
}

/** Why the record's files can no longer be removed, or undefined. */
export function finalReason(r: TargetRecord): string | undefined {
  const final = finalState(r);
  return final ? `${final}，附件不能再删除` : undefined;
}

export function canRemove(user: User, r: TargetRecord, a: Attachment): boolean {
  return finalReason(r) === undefined && (a.createdBy === user.id || isOffice(user));
}

export async function attachmentView(
  a: Attachment,
  options: { files: FileStore; directory: Directory; openid?: string; removable: boolean; link?: FileLink },
): Promise<AttachmentView> {
  const link = options.link ?? await options.files.link(a.ref, { fileName: a.fileName, contentType: a.contentType, ...(options.openid ? { openid: options.openid } : {}) });
  return {
    id: a.id,
    target: a.target,
    targetId: a.targetId,
    ...(a.taskId ? { taskId: a.taskId } : {}),
    fileName: a.fileName,
    contentType: a.contentType,
    kindLabel: a.contentType === 'application/pdf' ? 'PDF 文件' : '照片',
    size: a.size,
    sizeLabel: sizeLabel(a.size),
    createdAt: a.createdAt,
    createdByName: await options.directory.userName(a.createdBy),
    url: link.url,
    expiresAt: link.expiresAt,
    removable: options.removable,
    version: a.version,
  };
}

/** The live attachments of a suggestion the caller may see, as views (suggestions.get, attachments.list). */
export async function visibleAttachments(
  reader: Reader,
  user: User,
  base: { suggestion: Suggestion; tasks: Task[]; contacts: Contact[]; replies: Reply[]; attachments?: Attachment[] },
  options: { files: FileStore; directory: Directory; openid?: string; only?: { target: RecordTarget; targetId: string } },
): Promise<AttachmentView[]> {
  // The suggestion's attachments when the caller has them already (its detail document), else one query.
  const all = options.only
    ? await reader.find('attachments', { where: { targetId: options.only.targetId } })
    : (base.attachments ?? (await reader.find('attachments', { where: { suggestionId: base.suggestion.id } })));
  const live = all.filter((a) => !a.removedAt && a.suggestionId === base.suggestion.id && (!options.only || a.target === options.only.target));
  const shown: { a: Attachment; removable: boolean }[] = [];
  for (const a of live.sort((x, y) => x.createdAt.localeCompare(y.createdAt) || x.id.localeCompare(y.id))) {
    if (a.target === 'proposal') continue; // a proposal's files are listed with it (./attachment-owners.ts)
    const contact = a.target === 'contact' ? base.contacts.find((c) => c.id === a.targetId) : undefined;
    const reply = a.target === 'reply' ? base.replies.find((r) => r.id === a.targetId) : undefined;
    const taskId = contact?.taskId ?? reply?.taskId;
    const record: TargetRecord = {
      target: a.target,
      suggestion: base.suggestion,
      tasks: base.tasks,
      ...(taskId ? { task: base.tasks.find((t) => t.id === taskId) } : {}),
      ...(contact ? { contact } : {}),
      ...(reply ? { reply } : {}),
      replies: contact ? base.replies.filter((r) => r.taskId === contact.taskId) : [],
      attachments: all,
    };
    try {
      assertCanSeeTarget(user, record);
    } catch {
      continue;
    }
    shown.push({ a, removable: canRemove(user, record, a) });
  }
  // Every link at once where the file store can (one storage request on CloudBase, not one a file).
  const linkOptions = (a: Attachment) => ({ fileName: a.fileName, contentType: a.contentType, ...(options.openid ? { openid: options.openid } : {}) });
  const links = options.files.links && shown.length > 0 ? await options.files.links(shown.map(({ a }) => ({ ref: a.ref, options: linkOptions(a) }))) : undefined;
  return Promise.all(shown.map(({ a, removable }, i) => attachmentView(a, { ...options, removable, ...(links ? { link: links[i]! } : {}) })));
}
