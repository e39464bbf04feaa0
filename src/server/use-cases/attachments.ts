// attachments.add / attachments.list / attachments.remove: photos and scans (jpg, png, pdf, at most
// ATTACHMENT_MAX_BYTES) kept with a suggestion, a contact record, a reply or a deputy's proposal
// (papers/attachment-owners.ts). The app uploads the file to storage first and passes its fileID
// (docs/security.md, Uploads); the server reads it from the caller's own upload folder, keeps a copy
// under the record's place in the file store and then writes the record with its audit event, so a
// record never names a missing file; the upload is removed after. A record's files follow its
// finality (docs/security.md, Attachments), checked again inside the unit of work; the cap of
// ATTACHMENT_MAX_PER_RECORD is kept there too: each kept file holds a numbered place of its record
// (a unique key), so adds that counted the same files conflict instead of passing the cap together,
// and are counted again.
import * as z from 'zod';
import {
  ATTACHMENT_MAX_BYTES,
  ATTACHMENT_MAX_PER_RECORD,
  type AddAttachmentData,
  type AttachmentsResult,
  type AttachmentView,
  type ListAttachmentsData,
  type RemoveAttachmentData,
} from '../../contract';
import { AppError } from '../../core/errors';
import type { Attachment } from '../../core/model';
import { Directory } from '../directory';
import { attachmentView, cleanFileName, sizeLabel, sniffType } from '../papers/attachments';
import { loadOwner } from '../papers/attachment-owners';
import { caller, defineUseCase, event, fileStore } from '../use-case';
import { newId } from '../ports/ids';
import { idField, uploadedFileField, versionField } from '../validation';
import { dropUpload, readUpload } from '../papers/uploads';

const target = z.enum(['suggestion', 'contact', 'reply', 'proposal']);

/** A unit of work tried again (after a short random wait) when a concurrent one got there first. */
async function retriedOnConflict<T>(fn: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'CONFLICT') || attempt >= 30) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * Math.min(attempt, 5)));
    }
  }
}
const addSchema: z.ZodType<AddAttachmentData> = z.object({
  target,
  targetId: idField,
  fileName: z.string().trim().min(1).max(200),
  fileID: uploadedFileField,
});

export const addAttachment = defineUseCase({
  action: 'attachments.add',
  access: 'user',
  schema: addSchema,
  async run(data, ctx): Promise<AttachmentView> {
    const user = caller(ctx);
    const store = ctx.deps.store;
    const owner = await loadOwner(store, data.target, data.targetId);
    owner.assertCanAdd(user);
    const content = await readUpload(ctx, data.fileID, { maxBytes: ATTACHMENT_MAX_BYTES, tooLarge: `文件不能超过 ${sizeLabel(ATTACHMENT_MAX_BYTES)}，请压缩后再上传` });
    const fileName = cleanFileName(data.fileName);
    const { type, extension } = sniffType(content, fileName);
    const full = () => new AppError('VALIDATION', `每条记录最多 ${ATTACHMENT_MAX_PER_RECORD} 个附件`);
    if ((await owner.kept(store)).length >= ATTACHMENT_MAX_PER_RECORD) throw full();

    const id = newId();
    const files = fileStore(ctx);
    const ref = await files.put(`attachments/${owner.folder}/${id}.${extension}`, content, type);
    const attachment: Attachment = {
      id,
      ...(owner.suggestionId ? { suggestionId: owner.suggestionId } : {}),
      target: data.target,
      targetId: data.targetId,
      ...(owner.taskId ? { taskId: owner.taskId } : {}),
      fileName,
      contentType: type,
      size: content.length,
      ref,
      createdBy: user.id,
      createdAt: ctx.now,
      version: 1,
    };
    try {
      await retriedOnConflict(() =>
        ctx.write(async (tx) => {
          // Checked again inside the unit of work: signed, confirmed, archived or submitted meanwhile means no new file.
          const current = await loadOwner(tx, data.target, data.targetId);
          const refusal = current.addRefusal(user);
          if (refusal) throw refusal;
          const present = await current.kept(tx);
          if (present.length >= ATTACHMENT_MAX_PER_RECORD) throw full();
          const taken = new Set(present.map((a) => a.slot));
          let slot = 1;
          while (taken.has(slot)) slot += 1;
          attachment.slot = slot;
          tx.insert('attachments', attachment);
          tx.appendEvent(
            event(ctx, {
              action: 'attachments.add',
              entity: 'attachment',
              entityId: id,
              ...(attachment.suggestionId ? { suggestionId: attachment.suggestionId } : {}),
              detail: { target: data.target, targetId: data.targetId, fileName, contentType: type, size: content.length },
            }),
          );
        }),
      );
    } catch (error) {
      await files.remove(ref).catch((e: unknown) => ctx.deps.log(`attachment file ${ref} left behind`, e));
      throw error;
    }
    await dropUpload(ctx, data.fileID);
    // The file's uploader is the caller: the view names him without reading him again.
    const directory = new Directory(store);
    directory.knowUsers([user]);
    return attachmentView(attachment, { files, directory, ...(ctx.openid ? { openid: ctx.openid } : {}), removable: owner.canRemove(user, attachment) });
  },
});

const listSchema: z.ZodType<ListAttachmentsData> = z.object({ target, targetId: idField });

export const listAttachments = defineUseCase({
  action: 'attachments.list',
  access: 'user',
  schema: listSchema,
  async run(data, ctx): Promise<AttachmentsResult> {
    const user = caller(ctx);
    const store = ctx.deps.store;
    const owner = await loadOwner(store, data.target, data.targetId);
    owner.assertCanSee(user);
    const items = await owner.list(store, user, { files: fileStore(ctx), directory: new Directory(store), ...(ctx.openid ? { openid: ctx.openid } : {}) });
    return { items };
  },
});

const removeSchema: z.ZodType<RemoveAttachmentData> = z.object({ id: idField, version: versionField });

export const removeAttachment = defineUseCase({
  action: 'attachments.remove',
  access: 'user',
  schema: removeSchema,
  async run(data, ctx): Promise<{ id: string; removed: true }> {
    const user = caller(ctx);
    const removed = await ctx.write(async (tx) => {
      const attachment = await tx.get('attachments', data.id);
      if (!attachment || attachment.removedAt) throw new AppError('NOT_FOUND', '没有找到该附件');
      const owner = await loadOwner(tx, attachment.target, attachment.targetId);
      owner.assertCanSee(user);
      if (attachment.version !== data.version) throw new AppError('CONFLICT');
      const refusal = owner.removeRefusal(user, attachment);
      if (refusal) throw refusal;
      const { slot: _place, ...rest } = attachment; // a removed file gives its place back
      tx.update('attachments', { ...rest, removedAt: ctx.now, removedBy: user.id, version: attachment.version + 1 });
      tx.appendEvent(
        event(ctx, {
          action: 'attachments.remove',
          entity: 'attachment',
          entityId: attachment.id,
          ...(attachment.suggestionId ? { suggestionId: attachment.suggestionId } : {}),
          detail: { target: attachment.target, targetId: attachment.targetId, fileName: attachment.fileName },
        }),
      );
      return attachment;
    });
    // The record says removed; the bytes go after the commit (a failure leaves an unreferenced file, logged).
    await fileStore(ctx)
      .remove(removed.ref)
      .catch((e: unknown) => ctx.deps.log(`attachment file ${removed.ref} not removed`, e));
    return { id: removed.id, removed: true };
  },
});
