// The reply letter kept with its reply: made when the reply is signed, in the same unit of work
// (or, should that have failed, when first asked for), written once to the file store, and recorded on
// the reply with an audit event.
import { AppError } from '../../core/errors';
import type { Attachment, Reply, ReplyLetter, Suggestion, Task } from '../../core/model';
import { Directory } from '../directory';
import type { FileStore, Reader, Tx } from '../ports';
import { event, fileStore, type UseCaseContext } from '../use-case';
import { officeSettings } from '../queries/office-settings';
import { letterBlocks, letterContent, letterLayout, type LetterContent } from './letter';
import { DOCX_MIME, renderOfficialDocx } from './official-docx';

/** Records the caller holds already (the signing unit of work): not read again. */
export interface KnownRecords {
  task: Task;
  suggestion: Suggestion;
  /** Every task of the suggestion. */
  siblings: readonly Task[];
  /** The suggestion's files (its detail document's), the reply's among them. */
  attachments?: readonly Attachment[];
  /** The lookup cache of the step that signs (its names read once for the letter and the notices). */
  directory?: Directory;
}

/** The letter's content from the records (names from the directory, the unit's and office's settings). */
export async function letterContentFor(reader: Reader, reply: Reply, known?: KnownRecords): Promise<LetterContent> {
  const [task, suggestion, siblings, files, office] = await Promise.all([
    known ? known.task : reader.get('tasks', reply.taskId),
    known ? known.suggestion : reader.get('suggestions', reply.suggestionId),
    known ? known.siblings : reader.find('tasks', { where: { suggestionId: reply.suggestionId } }),
    known?.attachments ? known.attachments.filter((a) => a.targetId === reply.id) : reader.find('attachments', { where: { targetId: reply.id } }),
    officeSettings(reader),
  ]);
  if (!task || !suggestion) throw new AppError('NOT_FOUND', '没有找到该答复');
  const directory = known?.directory ?? new Directory(reader);
  const coUnits = siblings.filter((t) => t.role === 'co' && t.state !== 'returned').map((t) => t.unitId);
  // Every name the letter shows in one request for the people and one for the units.
  await directory.preload([suggestion.leadDeputyId, ...suggestion.coSignerIds], [task.unitId, ...coUnits]);
  const unit = (await directory.unit(task.unitId)) ?? { name: await directory.unitName(task.unitId) };
  return letterContent({
    reply,
    task,
    suggestion,
    unit,
    leadDeputyName: await directory.userName(suggestion.leadDeputyId),
    coSignerNames: await Promise.all(suggestion.coSignerIds.map((id) => directory.userName(id))),
    coUnitNames: await Promise.all([...new Set(coUnits)].map((id) => directory.unitName(id))),
    // The files of the reply as signed: none can be added after signature, none removed.
    attachmentNames: files
      .filter((a) => a.target === 'reply' && !a.removedAt && (!reply.signedAt || a.createdAt <= reply.signedAt))
      .sort((x, y) => x.createdAt.localeCompare(y.createdAt) || x.fileName.localeCompare(y.fileName, 'zh-CN'))
      .map((a) => a.fileName),
    ...(office ? { office } : {}),
  });
}

export async function writeLetterFile(files: FileStore, reply: Reply, content: LetterContent): Promise<{ ref: string; size: number }> {
  const bytes = await renderOfficialDocx(letterBlocks(content), { title: content.title, creator: content.unitName, layout: letterLayout(content) });
  const ref = await files.put(`letters/${reply.suggestionId}/${reply.id}-r${reply.round}.docx`, bytes, DOCX_MIME);
  return { ref, size: bytes.length };
}

/** The letter of a reply as it is being signed, its event for the same commit; undefined when it cannot be made now. */
export async function letterAtSignature(ctx: UseCaseContext, tx: Tx, reply: Reply, known: KnownRecords): Promise<{ letter: ReplyLetter; detail: Record<string, unknown> } | undefined> {
  if (!ctx.deps.files) return undefined;
  try {
    const content = await letterContentFor(tx, reply, known);
    const { ref, size } = await writeLetterFile(fileStore(ctx), reply, content);
    return { letter: { ref, fileName: content.fileName, number: content.number, size, createdAt: ctx.now }, detail: { number: content.number, fileName: content.fileName, size } };
  } catch (error) {
    // The signature stands without it: letters.get makes it when first asked for.
    if (error instanceof AppError && error.code === 'CONFLICT') throw error;
    ctx.deps.log(`reply letter of ${reply.id} not made at signature`, error);
    return undefined;
  }
}

/** The reply's letter, made now if it has none yet. Two requests at once: the first one's letter stays. */
export async function ensureLetter(ctx: UseCaseContext, replyId: string): Promise<ReplyLetter> {
  const store = ctx.deps.store;
  const reply = await store.get('replies', replyId);
  if (!reply?.signedAt) throw new AppError('INVALID_TRANSITION', '答复签发后才有答复函');
  if (reply.letter) return reply.letter;
  const content = await letterContentFor(store, reply);
  const { ref, size } = await writeLetterFile(fileStore(ctx), reply, content);
  const letter: ReplyLetter = { ref, fileName: content.fileName, number: content.number, size, createdAt: ctx.now };
  try {
    return await store.transaction(async (tx) => {
      const current = await tx.get('replies', replyId);
      if (!current) throw new AppError('NOT_FOUND', '没有找到该答复');
      if (current.letter) return current.letter;
      tx.update('replies', { ...current, letter, version: current.version + 1 });
      tx.appendEvent(
        event(ctx, {
          action: 'letters.generate',
          entity: 'reply',
          entityId: current.id,
          suggestionId: current.suggestionId,
          detail: { number: letter.number, fileName: letter.fileName, size },
        }),
      );
      return letter;
    });
  } catch (error) {
    if (error instanceof AppError && error.code === 'CONFLICT') {
      const again = await store.get('replies', replyId);
      if (again?.letter) return again.letter;
    }
    throw error;
  }
}
