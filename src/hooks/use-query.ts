// Loads one action's result for a page: loading → data | error, with a reload for the 重试 button.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError } from '../core/errors';
import type { ActionData, ActionName, ActionResult } from '../contract';
import { call } from '../api/client';

export type QueryState<T> =
  | { status: 'loading' }
  | { status: 'error'; error: ApiError }
  | { status: 'data'; data: T };

export interface Query<T> {
  state: QueryState<T>;
  reload: () => void;
}

/**
 * The request is compared by value, so an inline object literal does not reload on every render;
 * a change of `refreshKey` (e.g. the page shown again) loads it again.
 */
export function useQuery<A extends ActionName>(action: A, data: ActionData<A>, refreshKey = 0): Query<ActionResult<A>> {
  const [state, setState] = useState<QueryState<ActionResult<A>>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const key = JSON.stringify(data);
  const latest = useRef(0);

  useEffect(() => {
    const ticket = ++latest.current;
    setState({ status: 'loading' });
    void call(action, JSON.parse(key) as ActionData<A>).then((response) => {
      if (ticket !== latest.current) return; // a newer request superseded this one
      setState(response.ok ? { status: 'data', data: response.data } : { status: 'error', error: response.error });
    });
  }, [action, key, attempt, refreshKey]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, reload };
}
