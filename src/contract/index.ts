// The API contract: every action's name, request data and response data, split by area.
// Types, and the words of each action: the mini-program (src/api) and the server (src/server/api/index.ts) both read it; it imports
// nothing but the core's model types. Dates: `...Date` fields are calendar dates "YYYY-MM-DD"
// (Asia/Shanghai); `...At` fields are ISO instants. See docs/architecture.md.
export type { ApiError, ApiRequest, ApiResponse, ErrorCode } from '../core/errors';
export * from './common';
export * from './identity';
export * from './suggestions';
export * from './tasks';
export * from './deputies';
export * from './office';
export * from './notifications';
export * from './roster';
export * from './public';
export * from './papers';
export * from './proposals';
export * from './actions';
export * from './names';
export * from './labels';
