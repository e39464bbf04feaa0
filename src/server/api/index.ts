// The one entry of every user action (docs/architecture.md, Request flow): route by action, validate the data, resolve the
// caller from the platform's openid only, replay a known requestId, run the use case, and answer in
// the one response shape. Expected failures are AppErrors; anything else is logged and becomes INTERNAL.
import * as z from 'zod';
import { AppError, DEFAULT_MESSAGES, type ApiResponse } from '../../core/errors';
import type { User } from '../../core/model';
import { SHANDONG_POLICY, type DeadlinePolicy } from '../../core/policy';
import type { Clock, FileStore, Notifier, Store } from '../ports';
import { DEFAULT_REMINDER_CONFIG, type ReminderConfig } from '../reminders/config';
import { RefusedAfterCommit, type ServerDeps, type UseCase, type UseCaseContext } from '../use-case';
import { USE_CASES } from '../use-cases';
import { parseData } from '../validation';

export interface ApiDeps {
  store: Store;
  clock: Clock;
  policy?: DeadlinePolicy;
  notifier?: Notifier;
  /** Where attachments and generated letters are kept (local folder or CloudBase storage). */
  files?: FileStore;
  /** How notices look and are sent (the composition root reads it from the environment); default DEFAULT_REMINDER_CONFIG. */
  reminderConfig?: ReminderConfig;
  /** Where unexpected failures are logged; default console.error. */
  log?: (message: string, error: unknown) => void;
  /**
   * Whether the first administrator may be created from the app (users.firstAdmin) while there is none:
   * only the local gateway started empty (DEMO_DATA=0) says so. In the cloud the setup function does it,
   * so that nobody on the internet can claim a new deployment before its owner.
   */
  firstAdminInApp?: boolean;
}

export interface ApiEvent {
  action: string;
  data?: unknown;
  requestId?: string;
}

export interface ApiContext {
  /** The caller's OPENID as the platform gives it (getWXContext, or the local gateway's session). */
  openid?: string;
}

export type Api = (event: ApiEvent, ctx: ApiContext) => Promise<ApiResponse<unknown>>;

const requestIdSchema = z.string().min(1).max(128);
const BY_ACTION = new Map<string, UseCase<never, unknown, unknown>>(
  Object.values(USE_CASES).map((useCase) => [useCase.action, useCase as unknown as UseCase<never, unknown, unknown>]),
);

export function createApi(input: ApiDeps): Api {
  const reminderConfig = input.reminderConfig ?? DEFAULT_REMINDER_CONFIG;
  const deps: ServerDeps = {
    store: input.store,
    clock: input.clock,
    policy: input.policy ?? SHANDONG_POLICY,
    notifier: input.notifier,
    files: input.files,
    reminderConfig,
    log: input.log ?? ((message, error) => console.error(message, error)),
    firstAdminInApp: input.firstAdminInApp === true,
  };

  return async (event, ctx) => {
    const action = typeof event?.action === 'string' ? event.action : '';
    let actorKey: string | undefined;
    // Whose remembered request this caller may replay: its own, and (a request that bound it:
    // users.bind) the one its WeChat identity sent before it was bound.
    let callerKeys: string[] = [];
    try {
      const useCase = BY_ACTION.get(action);
      if (!useCase) throw new AppError('VALIDATION', `不支持的操作：${action.slice(0, 40) || '（空）'}`);
      const requestId = event.requestId === undefined || event.requestId === null ? undefined : event.requestId;
      if (requestId !== undefined && !requestIdSchema.safeParse(requestId).success) {
        throw new AppError('VALIDATION', '「请求标识」格式不正确');
      }

      const openid = typeof ctx?.openid === 'string' && ctx.openid.length > 0 ? ctx.openid : undefined;
      if (useCase.access !== 'public' && !openid) throw new AppError('UNAUTHENTICATED');
      const user = openid ? await findUserByOpenid(deps.store, openid) : null;
      if (useCase.access === 'user' && !user) throw new AppError('UNAUTHENTICATED', '请先绑定身份后再使用');

      actorKey = user?.id ?? (openid ? `openid:${openid}` : 'public');
      const actor = actorKey;
      callerKeys = user && openid ? [actor, `openid:${openid}`] : [actor];
      if (requestId !== undefined && !useCase.readOnly) {
        const replay = await replayed(deps.store, requestId, action, callerKeys);
        if (replay) return replay;
      }

      const data = parseData(useCase.schema, event.data);
      const now = deps.clock.now();
      const context: UseCaseContext = {
        deps,
        openid,
        user,
        now,
        write: (fn) => {
          if (useCase.readOnly) throw new Error(`${action} is read-only and cannot write`);
          return deps.store.transaction(async (tx) => {
            const result = await fn(tx);
            if (requestId !== undefined) {
              // A refusal that commits (RefusedAfterCommit) is remembered as the refusal it is answered with.
              const response = result instanceof RefusedAfterCommit ? { ok: false, error: { code: result.error.code, message: result.error.message } } : { ok: true, data: result };
              tx.rememberResult({ id: requestId, action, actorId: actor, at: now, response });
            }
            return result;
          });
        },
      };
      const result = await useCase.run(data as never, context);
      return { ok: true, data: result };
    } catch (error) {
      if (error instanceof AppError) {
        // Two requests with one requestId raced: when the winner was this caller with this action (a
        // retry that overtook itself), the loser answers with the winner's result; a different caller
        // or action is told the requestId is taken, and never sees the winner's result.
        if (error.code === 'CONFLICT' && typeof event?.requestId === 'string' && actorKey !== undefined) {
          const again = await deps.store.idempotency(event.requestId).catch(() => undefined);
          if (again && again.action === action && callerKeys.includes(again.actorId)) return again.response as ApiResponse<unknown>;
          if (again) return { ok: false, error: { code: 'VALIDATION', message: '这次提交与之前的一次重复，请重新提交' } };
        }
        return { ok: false, error: { code: error.code, message: error.message } };
      }
      deps.log(`api action ${action} failed`, error);
      return { ok: false, error: { code: 'INTERNAL', message: DEFAULT_MESSAGES.INTERNAL } };
    }
  };
}

async function findUserByOpenid(store: Store, openid: string): Promise<User | null> {
  const [user] = await store.find('users', { where: { openid }, limit: 1 });
  return user ?? null;
}

async function replayed(
  store: Store,
  requestId: string,
  action: string,
  callerKeys: readonly string[],
): Promise<ApiResponse<unknown> | undefined> {
  const record = await store.idempotency(requestId);
  if (!record) return undefined;
  if (record.action !== action || !callerKeys.includes(record.actorId)) {
    throw new AppError('VALIDATION', '这次提交与之前的一次重复，请重新提交');
  }
  return record.response as ApiResponse<unknown>;
}
