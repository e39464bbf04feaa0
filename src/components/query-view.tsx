// Renders a query's loading and error states, and its data through `children`.
import type { ReactNode } from 'react';
import type { Query } from '../hooks/use-query';
import { ErrorView, Loading } from './state-views';

export function QueryView<T>({ query, children }: { query: Query<T>; children: (data: T) => ReactNode }) {
  const { state, reload } = query;
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <ErrorView error={state.error} onRetry={reload} />;
  return <>{children(state.data)}</>;
}
