// The wire contract: the office's papers — reply letters, documents, attachments. Types, and the words of each action; see
// docs/papers.md.
import { said, type WordsOf } from './words';

/** A file to open or download: a short-lived link made for the caller (expires at expiresAt). */
export interface FileLinkResult {
  fileName: string;
  url: string;
  expiresAt: string;
}

/** letters.get: the reply letter (答复函, .docx) of a task's latest signed reply. */
export interface GetLetterData {
  taskId: string;
}
export interface LetterResult extends FileLinkResult {
  number: string; // 文号
}

/** What a file is kept with: a suggestion, a contact record, a reply, or a deputy's proposal before 立案. */
export type AttachmentTarget = 'suggestion' | 'contact' | 'reply' | 'proposal';
export type AttachmentContentType = 'image/jpeg' | 'image/png' | 'application/pdf';

/** attachments.add: a photo or scan (jpg, png, pdf; at most ATTACHMENT_MAX_BYTES) uploaded to storage first. */
export interface AddAttachmentData {
  target: AttachmentTarget;
  /** The suggestion, contact record, reply or proposal the file belongs with. */
  targetId: string;
  fileName: string;
  /** What the upload answered (wx.cloud.uploadFile, or the local gateway's POST /upload). */
  fileID: string;
}
export interface ListAttachmentsData {
  target: AttachmentTarget;
  targetId: string;
}
export interface RemoveAttachmentData {
  id: string;
  version: number;
}

export interface AttachmentView {
  id: string;
  target: AttachmentTarget;
  targetId: string;
  taskId?: string;
  fileName: string;
  contentType: AttachmentContentType;
  kindLabel: string; // 照片 / PDF 文件
  size: number;
  sizeLabel: string; // 1.2 MB
  createdAt: string;
  createdByName: string;
  /** A link to open the file, made for the caller (valid a few minutes). */
  url: string;
  expiresAt: string;
  /** The caller may remove it now (its uploader or the office, before the record is final). */
  removable: boolean;
  version: number;
}

export interface AttachmentsResult {
  items: AttachmentView[];
}

/** The limits of attachments (also said in docs/papers.md and shown in the app). */
/** 4 MB a file: a phone's photo or a scanned page; the file goes to storage, never inside a call. */
export const ATTACHMENT_MAX_BYTES = 4 * 1024 * 1024;
export const ATTACHMENT_MAX_PER_RECORD = 20;
export const ATTACHMENT_TYPES_LABEL = 'JPG、PNG 图片或 PDF 文件，每个不超过 4 MB';

/** The papers actions: each one's request data and result. */
export interface PaperActions {
  'letters.get': { data: GetLetterData; result: LetterResult };
  'attachments.add': { data: AddAttachmentData; result: AttachmentView };
  'attachments.list': { data: ListAttachmentsData; result: AttachmentsResult };
  'attachments.remove': { data: RemoveAttachmentData; result: { id: string; removed: true } };
}

/** The words of each of them (docs/architecture.md, Adding an action). */
export const PAPER_ACTIONS = {
  'letters.get': said('查看答复函'),
  'attachments.add': said('添加附件'),
  'attachments.list': said('查看附件'),
  'attachments.remove': said('删除附件'),
} as const satisfies WordsOf<PaperActions>;
