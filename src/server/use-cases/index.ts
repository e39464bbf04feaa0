// Every action of DESIGN.md §7 and the use case that carries it.
import { archiveSuggestion } from './archive-suggestion';
import { assignSuggestion } from './assign-suggestion';
import { bindUser } from './bind-user';
import { claimTask } from './claim-task';
import { confirmContact } from './confirm-contact';
import { createSuggestion } from './create-suggestion';
import { decideExtension } from './decide-extension';
import { decideReturn } from './decide-return';
import { discloseSuggestion } from './disclose-suggestion';
import { exportLedger } from './export-ledger';
import { getAnnualReport } from './get-annual-report';
import { getMe } from './get-me';
import { getStats } from './get-stats';
import { getSuggestion } from './get-suggestion';
import { importSuggestions } from './import-suggestions';
import { issueBindCode } from './issue-bind-code';
import { listLedger } from './list-ledger';
import { listSuggestions } from './list-suggestions';
import { listUnits } from './list-units';
import { listUsers } from './list-users';
import { logContact } from './log-contact';
import { listNotifications } from './list-notifications';
import { myTasks } from './my-tasks';
import { publicGet, publicList } from './public-suggestions';
import { recordProgress } from './record-progress';
import { recordSubscription } from './record-subscription';
import { requestExtension } from './request-extension';
import { requestReturn } from './request-return';
import { reviewDraft } from './review-draft';
import { saveDraft } from './save-draft';
import { signReply } from './sign-reply';
import { submitDraft } from './submit-draft';
import { submitFeedback } from './submit-feedback';
import { submitOpinion } from './submit-opinion';
import { upsertUnit } from './upsert-unit';
import { upsertUser } from './upsert-user';
import { urgeTask } from './urge-task';

export const USE_CASES = [
  getMe,
  bindUser,
  importSuggestions,
  createSuggestion,
  assignSuggestion,
  listSuggestions,
  getSuggestion,
  myTasks,
  claimTask,
  requestReturn,
  decideReturn,
  requestExtension,
  decideExtension,
  logContact,
  saveDraft,
  submitDraft,
  reviewDraft,
  signReply,
  submitOpinion,
  urgeTask,
  submitFeedback,
  recordProgress,
  discloseSuggestion,
  archiveSuggestion,
  listLedger,
  exportLedger,
  getStats,
  getAnnualReport,
  recordSubscription,
  listNotifications,
  listUnits,
  upsertUnit,
  listUsers,
  upsertUser,
  issueBindCode,
  confirmContact,
  publicList,
  publicGet,
] as const;
