// One suggestion's detail (suggestions.get) and, for the form pages, the task they act on.
import type { SuggestionDetail, TaskView } from '../contract';
import { useQuery, type Query } from './use-query';

export function useSuggestion(id: string, refreshKey = 0): Query<SuggestionDetail> {
  return useQuery('suggestions.get', { id }, refreshKey);
}

export function findTask(detail: SuggestionDetail, taskId: string): TaskView | undefined {
  return detail.tasks.find((task) => task.id === taskId);
}
