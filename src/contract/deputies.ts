// The wire contract: deputies. Types only; see docs/architecture.md.
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
