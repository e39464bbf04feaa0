// The CloudBase service's failures as the app's errors (DESIGN §7 codes, a message in words), for the
// ones a user can meet: a query that took too long, a plan's quota or rate reached. wx-server-sdk turns
// the service's `code` into a number through its TCB_ERR_CODE table and keeps the service's message;
// a code it does not know (DATABASE_TIMEOUT is not in the table) arrives as SYS_ERR -501001 with the
// message only, so that one is told by its words (docs/cloudbase-emulator.md, Errors).
import { AppError } from '../../../core/errors';

/** wx-server-sdk's TCB_ERR_CODE entries this module reads (wx-server-sdk index.js, error.config.ts). */
export const SDK_CODES = {
  SYS_ERR: -501001,
  SERVER_TIMEOUT: -501002,
  EXCEED_REQUEST_LIMIT: -501003,
  EXCEED_CONCURRENT_REQUEST_LIMIT: -501004,
  DATABASE_REQUEST_FAILED: -502001,
  DATABASE_COLLECTION_EXCEED_LIMIT: -502004,
} as const;

export const TIMEOUT_MESSAGE = '查询用时过长，请缩小查询范围（如按年度、届次或单位筛选）后重试；如仍不行，请联系管理员';
export const QUOTA_MESSAGE = '云服务今日的用量或访问频率已达上限，请稍后再试；如持续出现，请联系管理员';

interface SdkFailure {
  errCode?: unknown;
  errMsg?: unknown;
  message?: unknown;
}

const textOf = (e: SdkFailure) => `${String(e.message ?? '')} ${String(e.errMsg ?? '')}`;

/** DATABASE_TIMEOUT (docs.cloudbase.net/error-code/DATABASE_TIMEOUT) or the gateway's SERVER_TIMEOUT. */
export function isServiceTimeout(error: unknown): boolean {
  const e = error as SdkFailure | null;
  if (!e || typeof e !== 'object') return false;
  if (e.errCode === SDK_CODES.SERVER_TIMEOUT) return true;
  return e.errCode === SDK_CODES.SYS_ERR && /DATABASE_TIMEOUT|Database request timeout|请求超时/i.test(textOf(e));
}

/** A plan's limit: requests a second or a day, concurrent connections, collections (TCB_ERR_CODE). */
export function isQuotaExceeded(error: unknown): boolean {
  const e = error as SdkFailure | null;
  if (!e || typeof e !== 'object') return false;
  return (
    e.errCode === SDK_CODES.EXCEED_REQUEST_LIMIT ||
    e.errCode === SDK_CODES.EXCEED_CONCURRENT_REQUEST_LIMIT ||
    e.errCode === SDK_CODES.DATABASE_COLLECTION_EXCEED_LIMIT ||
    (e.errCode === SDK_CODES.SYS_ERR && /LimitExceeded|QuotaExceeded|EXCEED_.*LIMIT/.test(textOf(e)))
  );
}

/**
 * A duplicate _id: DATABASE_REQUEST_FAILED (-502001, the only number the SDK gives, shared by every
 * failed request) with MongoDB's duplicate key error 11000 in the message — the code first, so that a
 * message alone never counts.
 */
export function isDuplicateKey(error: unknown): boolean {
  const e = error as SdkFailure | null;
  if (!e || typeof e !== 'object') return false;
  return e.errCode === SDK_CODES.DATABASE_REQUEST_FAILED && /E11000|duplicate key/.test(textOf(e));
}

/** The app's error for a service failure a user can meet; anything else unchanged (it becomes INTERNAL). */
export function fromServiceError(error: unknown): unknown {
  if (error instanceof AppError) return error;
  if (isServiceTimeout(error)) return new AppError('INTERNAL', TIMEOUT_MESSAGE);
  if (isQuotaExceeded(error)) return new AppError('INTERNAL', QUOTA_MESSAGE);
  return error;
}
