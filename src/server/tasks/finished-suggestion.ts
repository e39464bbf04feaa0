// What 统一公开 and 统一归档 both start from: the suggestion, present, not yet archived, at the
// version the caller saw, and 已办结 (its status derived from its tasks by the core). A writer reads
// the suggestion through its unit of work before changing it (on CloudBase: from the detail document).
import { AppError } from '../../core/errors';
import type { Suggestion, SuggestionStatus, Task } from '../../core/model';
import type { SuggestionDetailDoc } from '../ports/read-model-docs';
import { isSuggestionDone, suggestionStatus } from '../../core/status';
import type { Reader } from '../ports';
import { detailIn } from '../read-models/details';
import { detailRecords } from '../read-models/project';
import { assertNotArchived, assertVersion } from './run-task-action';

export async function loadFinishedSuggestion(
  tx: Pick<Reader, 'get' | 'getMany' | 'find'>,
  ref: { suggestionId: string; version: number },
  notDoneMessage: string,
): Promise<{ suggestion: Suggestion; tasks: Task[]; status: SuggestionStatus; detail: SuggestionDetailDoc }> {
  // The detail document first: the suggestion and its tasks come with it (read-models/details.ts).
  const detail = await detailIn(tx, ref.suggestionId);
  const suggestion = detail?.suggestion;
  if (!detail || !suggestion) throw new AppError('NOT_FOUND', '没有找到该建议');
  assertNotArchived(suggestion);
  assertVersion(suggestion, ref.version);
  const { tasks } = detailRecords(detail);
  const status = suggestionStatus(suggestion, tasks);
  if (!isSuggestionDone(status)) throw new AppError('INVALID_TRANSITION', notDoneMessage);
  return { suggestion, tasks, status, detail };
}
