// What every use case is: an action name, a zod schema for its data, who may call it at all,
// and a function that loads, authorizes, asks the core, and writes the change with its audit event.
import type * as z from 'zod';
import type { ActionName } from '../contract';
import type { AppError } from '../core/errors';
import type { AuditEvent, User } from '../core/model';
import type { DeadlinePolicy } from '../core/policy';
import type { Clock, FileStore, Notifier, Store, Tx } from './ports';
import { newId } from './ports/ids';
import type { ReminderConfig } from './reminders/config';

export interface ServerDeps {
  store: Store;
  clock: Clock;
  policy: DeadlinePolicy;
  notifier?: Notifier;
  /** Notices: templates, pages, quiet hours, batch sizes (from the composition root's environment). */
  reminderConfig: ReminderConfig;
  files?: FileStore;
  log: (message: string, error: unknown) => void;
  /** users.firstAdmin is open (local start without demo data only; see createApi). */
  firstAdminInApp?: boolean;
}

/** public: no login; identity: an openid, bound or not; user: a bound user. */
export type Access = 'public' | 'identity' | 'user';

export interface UseCaseContext {
  deps: ServerDeps;
  openid?: string;
  /** The bound caller; present whenever the use case's access is 'user'. */
  user: User | null;
  /** The instant of this request (one clock reading for the whole request). */
  now: string;
  /**
   * Run a unit of work; the change, its events and the requestId record commit together. A unit of
   * work that returns a RefusedAfterCommit commits its writes, and the request is answered (and
   * remembered under its requestId) with that refusal.
   */
  write<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
}

/**
 * A refusal whose unit of work still commits: users.bind's wrong code, whose count and audit event
 * must stay (docs/security.md, Binding). The use case throws `error` once `write` has returned.
 */
export class RefusedAfterCommit {
  constructor(readonly error: AppError) {}
}

export interface UseCase<A extends ActionName, D, R> {
  action: A;
  access: Access;
  /**
   * The action only reads: no requestId record can exist for it (one is kept only with a change), so
   * the api does not look one up (one request less), and a ctx.write of it fails.
   */
  readOnly?: true;
  schema: z.ZodType<D>;
  run(data: D, ctx: UseCaseContext): Promise<R>;
}

/** Identity helper: keeps the generic types of one use case together. */
export function defineUseCase<A extends ActionName, D, R>(useCase: UseCase<A, D, R>): UseCase<A, D, R> {
  return useCase;
}

export function event(
  ctx: UseCaseContext,
  fields: Omit<AuditEvent, 'id' | 'at' | 'actorId'> & { actorId?: string },
): AuditEvent {
  return { id: newId(), at: ctx.now, actorId: fields.actorId ?? ctx.user?.id ?? 'anonymous', ...fields };
}

/** The caller, known to be bound (access 'user'). */
export function caller(ctx: UseCaseContext): User {
  if (!ctx.user) throw new Error('use case with access "user" ran without a user');
  return ctx.user;
}

/** The deployment's file store; a deployment without one cannot keep files (an INTERNAL error). */
export function fileStore(ctx: UseCaseContext): FileStore {
  if (!ctx.deps.files) throw new Error('no file store configured (ApiDeps.files)');
  return ctx.deps.files;
}
