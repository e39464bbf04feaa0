// The reply letter kept with its reply: what it shows is fixed when the reply is signed (its facts,
// kept on the reply in the signing's own commit, at no request of their own); the file is made from
// them when the letter is first asked for (the app asks right after signing), written once to the
// file store, and recorded on the reply with an audit event (docs/papers.md).
import { AppError } from '../../core/errors';
import type { Attachment, Reply, ReplyLetter, ReplyLetterFacts, Suggestion, Task } from '../../core/model';
import { Directory } from '../directory';
import type { FileStore, Reader } from '../ports';
import { event, fileStore, type UseCaseContext } from '../use-case';
import { officeSettings } from '../queries/office-settings';
import { letterBlocks, letterContent, letterLayout, type LetterContent, type LetterInput } from './letter';
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

/**
 * What the letter shows besides the reply, as it stands now: at signature, from the records the
 * signing unit of work holds (its names from the step's directory, read with the notices'; the reply's
 * files from the suggestion's detail document), so that signing reads nothing more for the letter.
 */
export async function letterFactsFor(reader: Reader, reply: Reply, known?: KnownRecords): Promise<ReplyLetterFacts> {
  const [task, suggestion, siblings, files] = await Promise.all([
    known ? known.task : reader.get('tasks', reply.taskId),
    known ? known.suggestion : reader.get('suggestions', reply.suggestionId),
    known ? known.siblings : reader.find('tasks', { where: { suggestionId: reply.suggestionId } }),
    known?.attachments ? known.attachments.filter((a) => a.targetId === reply.id) : reader.find('attachments', { where: { targetId: reply.id } }),
  ]);
  if (!task || !suggestion) throw new AppError('NOT_FOUND', '没有找到该答复');
  const directory = known?.directory ?? new Directory(reader);
  const coUnits = siblings.filter((t) => t.role === 'co' && t.state !== 'returned').map((t) => t.unitId);
  // Every name the letter shows in one request for the people and one for the units.
  await directory.preload([suggestion.leadDeputyId, ...suggestion.coSignerIds], [task.unitId, ...coUnits]);
  const unit = (await directory.unit(task.unitId)) ?? { name: await directory.unitName(task.unitId) };
  const { number, title, session, phase, disclosure } = suggestion;
  const facts: Omit<ReplyLetterFacts, 'number' | 'fileName'> = {
    role: task.role,
    suggestion: { number, title, session, phase, ...(disclosure ? { disclosure } : {}) },
    unit: { name: unit.name, ...('letter' in unit && unit.letter ? { letter: unit.letter } : {}) },
    leadDeputyName: await directory.userName(suggestion.leadDeputyId),
    coSignerNames: await Promise.all(suggestion.coSignerIds.map((id) => directory.userName(id))),
    coUnitNames: await Promise.all([...new Set(coUnits)].map((id) => directory.unitName(id))),
    // The files of the reply as signed: none can be added after signature, none removed.
    attachmentNames: files
      .filter((a) => a.target === 'reply' && !a.removedAt && (!reply.signedAt || a.createdAt <= reply.signedAt))
      .sort((x, y) => x.createdAt.localeCompare(y.createdAt) || x.fileName.localeCompare(y.fileName, 'zh-CN'))
      .map((a) => a.fileName),
  };
  // The number and the file name do not depend on the office's settings.
  const { number: letterNumber, fileName } = letterContent(inputOf(reply, facts));
  return { number: letterNumber, fileName, ...facts };
}

const inputOf = (reply: Reply, facts: Omit<ReplyLetterFacts, 'number' | 'fileName'>, office?: LetterInput['office']): LetterInput => ({
  reply,
  task: { role: facts.role },
  suggestion: facts.suggestion,
  unit: facts.unit,
  leadDeputyName: facts.leadDeputyName,
  coSignerNames: facts.coSignerNames,
  coUnitNames: facts.coUnitNames,
  attachmentNames: facts.attachmentNames,
  ...(office ? { office } : {}),
});

/** The letter's content: the reply's facts as at signature (read now for a reply signed without them), the office's letter settings as they are. */
export async function letterContentFor(reader: Reader, reply: Reply): Promise<LetterContent> {
  const [facts, office] = await Promise.all([reply.letterFacts ?? letterFactsFor(reader, reply), officeSettings(reader)]);
  return letterContent(inputOf(reply, facts, office));
}

export async function writeLetterFile(files: FileStore, reply: Reply, content: LetterContent): Promise<{ ref: string; size: number }> {
  const bytes = await renderOfficialDocx(letterBlocks(content), { title: content.title, creator: content.unitName, layout: letterLayout(content) });
  const ref = await files.put(`letters/${reply.suggestionId}/${reply.id}-r${reply.round}.docx`, bytes, DOCX_MIME);
  return { ref, size: bytes.length };
}

/** The reply's letter, made now if it has none yet. Two requests at once: the first one's letter stays. */
export async function ensureLetter(ctx: UseCaseContext, signedReply: Reply): Promise<ReplyLetter> {
  const store = ctx.deps.store;
  if (!signedReply.signedAt) throw new AppError('INVALID_TRANSITION', '答复签发后才有答复函');
  if (signedReply.letter) return signedReply.letter;
  const content = await letterContentFor(store, signedReply);
  const { ref, size } = await writeLetterFile(fileStore(ctx), signedReply, content);
  const letter: ReplyLetter = { ref, fileName: content.fileName, number: content.number, size, createdAt: ctx.now };
  try {
    return await store.transaction(async (tx) => {
      // Its detail document first: the reply comes with it (read-models/details.ts).
      await tx.get('suggestionDetails', signedReply.suggestionId);
      const current = await tx.get('replies', signedReply.id);
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
      const again = await store.get('replies', signedReply.id);
      if (again?.letter) return again.letter;
    }
    throw error;
  }
}
