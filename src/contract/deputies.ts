// The wire contract: deputies. Types, and the words of each action; see docs/architecture.md.
import { onTask, type WordsOf } from './words';
import type { IdResult, TaskResult } from './tasks';
import type { Rating } from '../core/model';

export interface SubmitFeedbackData {
  taskId: string;
  attitude: Rating;
  result: Rating;
  reasons?: string; // required when either rating is 不满意
  coSignerViews?: string; // a joint suggestion: the co-signers' views gathered by the lead deputy
}
export interface ConfirmContactData {
  contactId: string;
}
export interface CommitmentProgressData {
  commitmentId: string;
  text: string;
  done?: boolean;
  finalAnswer?: string; // required when done
}

/** The deputies actions: each one's request data and result. */
export interface DeputyActions {
  'feedback.submit': { data: SubmitFeedbackData; result: TaskResult };
  'contacts.confirm': { data: ConfirmContactData; result: IdResult };
  'commitments.progress': { data: CommitmentProgressData; result: IdResult };
}

/** The words of each of them (docs/architecture.md, Adding an action). */
export const DEPUTY_ACTIONS = {
  'feedback.submit': onTask('代表评价', '评价办理结果', 'feedback'),
  'contacts.confirm': onTask('代表确认面复记录', '确认', 'confirmContact'),
  'commitments.progress': onTask('登记落实进展', '登记落实进展', 'commitmentProgress'),
} as const satisfies WordsOf<DeputyActions>;
