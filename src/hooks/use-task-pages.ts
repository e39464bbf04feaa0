// The caller's tasks (tasks.mine) of one queue, page by page, through the lists' paging hook.
import type { MyTasksData, TaskListItem } from '../contract';
import { usePagedList, type PagedList } from './use-paged-list';

export type TaskPages = Omit<PagedList<TaskListItem>, 'rows'> & { items: TaskListItem[] };

export const TASK_PAGE_SIZE = 20;

export function useTaskPages(queue: NonNullable<MyTasksData['queue']>, refreshKey = 0): TaskPages {
  const { rows, ...rest } = usePagedList('tasks.mine', { scope: 'open', queue }, TASK_PAGE_SIZE, (t) => t.id, refreshKey);
  return { ...rest, items: rows };
}
