// Loads one action's result for a page: loading → data | error, with a reload for the 重试 button.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError } from '../core/errors';
import { call } from '../api/client';

export type QueryState<T> =
  | { status: 'loading' }
  | { status: 'error'; error: ApiError }
  | { status: 'data'; data: T };

export interface Query<T> {
  state: QueryState<T>;
  reload: () => void;
}

/** `key` changes when the request changes (e.g. a serialised parameter); `skip` defers the call. */
export function useQuery<T>(action: string, data?: unknown, skip = false): Query<T> {
  const [state, setState] = useState<QueryState<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const key = JSON.stringify(data ?? null);
  const latest = useRef(0);

  useEffect(() => {
    if (skip) return;
    const ticket = ++latest.current;
    setState({ status: 'loading' });
    void call<T>(action, JSON.parse(key)).then((response) => {
      if (ticket !== latest.current) return; // a newer request superseded this one
      setState(response.ok ? { status: 'data', data: response.data } : { status: 'error', error: response.error });
    });
  }, [action, key, attempt, skip]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, reload };
}
