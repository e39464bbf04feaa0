// A list page by page (全部建议, the 台账, the task queues): the first page through useQuery (loading, error,
// 重试), each further page appended on 加载更多. A new query (another filter, search or sort) starts
// the list again from its first page; a row that moved between pages while reading is shown once.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ActionData, ActionResult, Paged } from '../contract';
import type { ApiError } from '../core/errors';
import { call } from '../api/client';
import { useQuery, type Query } from './use-query';

export type PagedAction = 'suggestions.list' | 'ledger.list' | 'tasks.mine';
type ItemOf<A extends PagedAction> = ActionResult<A> extends Paged<infer T> ? T : never;
/** The query without its paging: the filters, the search and the sort. */
export type ListQuery<A extends PagedAction> = Omit<ActionData<A>, 'page' | 'pageSize'>;

export interface PagedList<T> {
  first: Query<Paged<T>>;
  rows: T[];
  total: number;
  hasMore: boolean;
  pending: boolean;
  error: ApiError | null;
  loadMore: () => void;
}

export function usePagedList<A extends PagedAction>(
  action: A,
  query: ListQuery<A>,
  pageSize: number,
  keyOf: (item: ItemOf<A>) => string,
  refreshKey = 0,
): PagedList<ItemOf<A>> {
  const request = { ...query, page: 1, pageSize } as ActionData<A>;
  const first = useQuery(action, request, refreshKey) as unknown as Query<Paged<ItemOf<A>>>;
  const [more, setMore] = useState<Paged<ItemOf<A>>[]>([]);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const key = JSON.stringify(query);
  // Answers to 加载更多 of an earlier query are dropped.
  const generation = useRef(0);

  // A reload of the first page (重试, another query) starts the list again.
  useEffect(() => {
    generation.current += 1;
    setMore([]);
    setError(null);
    setPending(false);
  }, [first.state]);

  const pages = first.state.status === 'data' ? [first.state.data, ...more] : [];
  const seen = new Set<string>();
  const rows = ([] as ItemOf<A>[]).concat(...pages.map((p) => p.items)).filter((row) => {
    const id = keyOf(row);
    return seen.has(id) ? false : (seen.add(id), true);
  });
  const last = pages[pages.length - 1];
  const total = last?.total ?? 0;
  const read = pages.reduce((n, p) => n + p.items.length, 0);
  // More to read while fewer rows were read than the total, and the last page was not empty.
  const hasMore = last !== undefined && last.items.length > 0 && read < last.total;
  const nextPage = (last?.page ?? 0) + 1;

  const loadMore = useCallback(() => {
    const ticket = generation.current;
    setPending(true);
    setError(null);
    const data = { ...(JSON.parse(key) as ListQuery<A>), page: nextPage, pageSize } as ActionData<A>;
    void call(action, data).then((response) => {
      if (ticket !== generation.current) return;
      setPending(false);
      if (response.ok) setMore((prev) => [...prev, response.data as unknown as Paged<ItemOf<A>>]);
      else setError(response.error);
    });
  }, [action, key, nextPage, pageSize]);

  return { first, rows, total, hasMore, pending, error, loadMore };
}
