// The one error vocabulary (docs/architecture.md, Error codes): codes for programs, messages in Chinese for people.

export type ErrorCode =
  | 'VALIDATION'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'INVALID_TRANSITION'
  | 'DEADLINE'
  | 'INTERNAL';

export const ERROR_CODES: readonly ErrorCode[] = [
  'VALIDATION',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'INVALID_TRANSITION',
  'DEADLINE',
  'INTERNAL',
];

/** Default messages; a use case may give a more precise one. */
export const DEFAULT_MESSAGES: Record<ErrorCode, string> = {
  VALIDATION: '提交的内容有误，请检查后重试',
  UNAUTHENTICATED: '请先登录',
  FORBIDDEN: '您没有办理此事项的权限',
  NOT_FOUND: '没有找到相关记录',
  CONFLICT: '该记录已被他人修改，请刷新后重试',
  INVALID_TRANSITION: '当前状态下不能进行此操作',
  DEADLINE: '已超过办理时限，不能进行此操作',
  INTERNAL: '系统繁忙，请稍后重试',
};

export interface ApiError {
  code: ErrorCode;
  message: string;
}

export type ApiResponse<T> = { ok: true; data: T } | { ok: false; error: ApiError };

export interface ApiRequest {
  action: string;
  data?: unknown;
  requestId?: string;
}

/** A failure a use case expects (wrong role, wrong state, ...): an outcome, not a crash. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message?: string,
  ) {
    super(message ?? DEFAULT_MESSAGES[code]);
    this.name = 'AppError';
  }
}
