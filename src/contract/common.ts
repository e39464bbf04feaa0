// The wire contract: shared pieces. Types only; see docs/architecture.md.

export interface PageQuery {
  page?: number; // 1-based, default 1
  pageSize?: number; // default 20, at most 100
}

export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface PersonContactData {
  name: string;
  phone: string;
}

/** Every write on a versioned record names the version the caller saw; a stale one gives CONFLICT. */
export interface TaskRef {
  taskId: string;
  version: number;
}

export type Empty = Record<string, never>;
