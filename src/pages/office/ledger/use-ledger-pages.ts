// The ledger page by page: the first page through useQuery (loading, error, 重试), each further
// page appended on 加载更多. A row that moved between pages while reading is shown once.
import { useCallback, useEffect, useState } from 'react';
import type { LedgerListResult, LedgerRow } from '../../../contract';
import type { ApiError } from '../../../core/errors';
import { call } from '../../../api/client';
import { useQuery, type Query } from '../../../hooks/use-query';

export interface LedgerPages {
  first: Query<LedgerListResult>;
  rows: LedgerRow[];
  total: number;
  hasMore: boolean;
  pending: boolean;
  error: ApiError | null;
  loadMore: () => void;
}

export function useLedgerPages(pageSize: number): LedgerPages {
  const first = useQuery('ledger.list', { page: 1, pageSize });
  const [more, setMore] = useState<LedgerListResult[]>([]);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  // A reload of the first page (重试) starts the list again.
  useEffect(() => {
    setMore([]);
    setError(null);
  }, [first.state]);

  const pages = first.state.status === 'data' ? [first.state.data, ...more] : [];
  const seen = new Set<string>();
  const rows = pages.flatMap((p) => p.items).filter((row) => (seen.has(row.taskId) ? false : (seen.add(row.taskId), true)));
  const last = pages[pages.length - 1];
  const total = last?.total ?? 0;
  const read = pages.reduce((n, p) => n + p.items.length, 0);
  // More to read while fewer rows were read than the total, and the last page was not empty.
  const hasMore = last !== undefined && last.items.length > 0 && read < last.total;
  const nextPage = (last?.page ?? 0) + 1;

  const loadMore = useCallback(() => {
    setPending(true);
    setError(null);
    void call('ledger.list', { page: nextPage, pageSize }).then((response) => {
      setPending(false);
      if (response.ok) setMore((prev) => [...prev, response.data]);
      else setError(response.error);
    });
  }, [nextPage, pageSize]);

  return { first, rows, total, hasMore, pending, error, loadMore };
}
