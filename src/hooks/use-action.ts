// Runs one changing action from a tap. A failed attempt that may not have reached the server
// (INTERNAL: network or server trouble) keeps its requestId, so that the retry is applied at most
// once (docs/architecture.md, API contract); a success or a definite refusal starts a fresh id for the next request.
import { useCallback, useRef, useState } from 'react';
import type { ApiError, ApiResponse } from '../core/errors';
import type { ActionData, ActionName, ActionResult } from '../contract';
import { call, newRequestId } from '../api/client';

export interface Action<A extends ActionName> {
  run: (data: ActionData<A>) => Promise<ApiResponse<ActionResult<A>>>;
  pending: boolean;
  error: ApiError | null;
}

export function useAction<A extends ActionName>(action: A): Action<A> {
  const requestId = useRef<string | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const run = useCallback(
    async (data: ActionData<A>) => {
      requestId.current ??= newRequestId();
      setPending(true);
      setError(null);
      const response = await call(action, data, { requestId: requestId.current });
      setPending(false);
      if (response.ok || response.error.code !== 'INTERNAL') requestId.current = null;
      if (!response.ok) setError(response.error);
      return response;
    },
    [action],
  );

  return { run, pending, error };
}
