// What 统一公开 and 统一归档 both start from: the suggestion, present, not yet archived, at the
// version the caller saw, and 已办结 (its status derived from its tasks by the core).
import { AppError } from '../../core/errors';
import type { Suggestion, SuggestionStatus, Task } from '../../core/model';
import { isSuggestionDone, suggestionStatus } from '../../core/status';
import type { Tx } from '../ports';
import { assertNotArchived, assertVersion } from './run-task-action';

export async function loadFinishedSuggestion(
  tx: Tx,
  ref: { suggestionId: string; version: number },
  notDoneMessage: string,
): Promise<{ suggestion: Suggestion; tasks: Task[]; status: SuggestionStatus }> {
  const suggestion = await tx.get('suggestions', ref.suggestionId);
  if (!suggestion) throw new AppError('NOT_FOUND', '没有找到该建议');
  assertNotArchived(suggestion);
  assertVersion(suggestion, ref.version);
  const tasks = await tx.find('tasks', { where: { suggestionId: suggestion.id } });
  const status = suggestionStatus(suggestion, tasks);
  if (!isSuggestionDone(status)) throw new AppError('INVALID_TRANSITION', notDoneMessage);
  return { suggestion, tasks, status };
}
