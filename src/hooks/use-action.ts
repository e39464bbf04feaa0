// Runs one changing action from a tap. A failed attempt that may not have reached the server
// (INTERNAL: network or server trouble) keeps its requestId, so that the retry is applied at most
// once (docs/architecture.md, API contract); a success or a definite refusal starts a fresh id for the next request.
// The taps of the actions people make anyway also ask for reminder subscriptions (subscribe-at-tap.ts).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError, ApiResponse } from '../core/errors';
import type { ActionData, ActionName, ActionResult } from '../contract';
import { call, newRequestId } from '../api/client';
import { askAtTap, GATHERS_SUBSCRIPTIONS, primeSubscribeAsk } from './subscribe-at-tap';

export interface Action<A extends ActionName> {
  run: (data: ActionData<A>) => Promise<ApiResponse<ActionResult<A>>>;
  pending: boolean;
  error: ApiError | null;
}

export function useAction<A extends ActionName>(action: A): Action<A> {
  const requestId = useRef<string | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const gathers = GATHERS_SUBSCRIPTIONS.has(action);

  useEffect(() => {
    if (gathers) void primeSubscribeAsk();
  }, [gathers]);

  const run = useCallback(
    async (data: ActionData<A>) => {
      // Inside the tap, before anything is awaited: WeChat shows its prompt only there.
      if (gathers) askAtTap();
      requestId.current ??= newRequestId();
      setPending(true);
      setError(null);
      const response = await call(action, data, { requestId: requestId.current });
      setPending(false);
      if (response.ok || response.error.code !== 'INTERNAL') requestId.current = null;
      if (!response.ok) setError(response.error);
      return response;
    },
    [action, gathers],
  );

  return { run, pending, error };
}
