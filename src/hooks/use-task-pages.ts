// The caller's tasks (tasks.mine) of one queue, page by page: the first page through useQuery
// (loading, error, 重试), each further page appended on 加载更多. A task that moved between pages
// while reading is shown once.
import { useCallback, useEffect, useState } from 'react';
import type { MyTasksData, MyTasksResult, TaskListItem } from '../contract';
import type { ApiError } from '../core/errors';
import { call } from '../api/client';
import { useQuery, type Query } from './use-query';

export interface TaskPages {
  first: Query<MyTasksResult>;
  items: TaskListItem[];
  total: number;
  hasMore: boolean;
  pending: boolean;
  error: ApiError | null;
  loadMore: () => void;
}

export const TASK_PAGE_SIZE = 20;

export function useTaskPages(queue: NonNullable<MyTasksData['queue']>, refreshKey = 0): TaskPages {
  const first = useQuery('tasks.mine', { scope: 'open', queue, page: 1, pageSize: TASK_PAGE_SIZE }, refreshKey);
  const [more, setMore] = useState<MyTasksResult[]>([]);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  // A reload of the first page (重试, the page shown again) starts the list again.
  useEffect(() => {
    setMore([]);
    setError(null);
  }, [first.state]);

  const pages = first.state.status === 'data' ? [first.state.data, ...more] : [];
  const seen = new Set<string>();
  const items = pages.flatMap((p) => p.items).filter((t) => (seen.has(t.id) ? false : (seen.add(t.id), true)));
  const last = pages[pages.length - 1];
  const total = last?.total ?? items.length;
  const read = pages.reduce((n, p) => n + p.items.length, 0);
  const hasMore = last !== undefined && last.items.length > 0 && read < total;
  const nextPage = (last?.page ?? 0) + 1;

  const loadMore = useCallback(() => {
    setPending(true);
    setError(null);
    void call('tasks.mine', { scope: 'open', queue, page: nextPage, pageSize: TASK_PAGE_SIZE }).then((response) => {
      setPending(false);
      if (response.ok) setMore((prev) => [...prev, response.data]);
      else setError(response.error);
    });
  }, [nextPage, queue]);

  return { first, items, total, hasMore, pending, error, loadMore };
}
