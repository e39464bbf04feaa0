// Every action of the API and the use case that carries it. The map is typed by the contract's
// ActionMap: a missing action, an extra key or a use case answering another action's result type is a
// compile error (docs/architecture.md, "Adding an action").
import type { ActionName, ActionResult } from '../../contract';
import type { UseCase } from '../use-case';
import { PLAIN_TRANSITIONS, type PlainTransition } from '../access/permissions';
import { plainTransition } from '../tasks/plain-transition';
import { archiveSuggestion } from './archive-suggestion';
import { addAttachment, listAttachments, removeAttachment } from './attachments';
import { getLetter } from './get-letter';
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
import { statsYears } from './stats-years';
import { importTemplate } from './import-template';
import { getSuggestion } from './get-suggestion';
import { importSuggestions } from './import-suggestions';
import { issueBindCode } from './issue-bind-code';
import { listBindCodes } from './list-bind-codes';
import { revokeBindCode } from './revoke-bind-code';
import { liftBindLock, listBindLocks } from './bind-locks';
import { importUsers } from './import-users';
import { firstAdmin } from './first-admin';
import { getOfficeSettings, updateOfficeSettings } from './office-settings';
import { listLedger } from './list-ledger';
import { listSuggestions } from './list-suggestions';
import { listUnits } from './list-units';
import { listUsers } from './list-users';
import { logContact } from './log-contact';
import { listNotifications, readNotifications } from './list-notifications';
import { listUndelivered } from './list-undelivered';
import { myTasks } from './my-tasks';
import { publicGet, publicList } from './public-suggestions';
import { recordProgress } from './record-progress';
import { recordSubscription } from './record-subscription';
import { requestExtension } from './request-extension';
import { requestReturn } from './request-return';
import { reviewDraft } from './review-draft';
import { saveDraft } from './save-draft';
import { signReply } from './sign-reply';
import { submitFeedback } from './submit-feedback';
import { submitOpinion } from './submit-opinion';
import { upsertUnit } from './upsert-unit';
import { upsertUser } from './upsert-user';
import { urgeTask } from './urge-task';
import { decideProposal } from './decide-proposal';
import { inviteCoSigners } from './invite-co-signers';
import { getProposal, listProposals } from './list-proposals';
import { setProposalWindow } from './proposal-window';
import { respondInvitation } from './respond-invitation';
import { saveProposal } from './save-proposal';
import { submitProposal } from './submit-proposal';

/** A use case whose data type is its own schema's and whose result is the contract's. */
type UseCaseOf<A extends ActionName> = UseCase<A, any, ActionResult<A>>;

/** The plain task transitions, one shared use case each (their rows in access/permissions.ts). */
const PLAIN = Object.fromEntries(PLAIN_TRANSITIONS.map((action) => [action, plainTransition(action)])) as { [A in PlainTransition]: UseCaseOf<A> };

export const USE_CASES: { readonly [A in ActionName]: UseCaseOf<A> } = {
  ...PLAIN,
  'me': getMe,
  'users.bind': bindUser,
  'suggestions.import': importSuggestions,
  'suggestions.importTemplate': importTemplate,
  'suggestions.create': createSuggestion,
  'suggestions.assign': assignSuggestion,
  'suggestions.list': listSuggestions,
  'suggestions.get': getSuggestion,
  'tasks.mine': myTasks,
  'tasks.claim': claimTask,
  'tasks.requestReturn': requestReturn,
  'tasks.decideReturn': decideReturn,
  'tasks.requestExtension': requestExtension,
  'tasks.decideExtension': decideExtension,
  'tasks.logContact': logContact,
  'tasks.saveDraft': saveDraft,
  'tasks.review': reviewDraft,
  'tasks.sign': signReply,
  'tasks.submitOpinion': submitOpinion,
  'tasks.urge': urgeTask,
  'feedback.submit': submitFeedback,
  'commitments.progress': recordProgress,
  'suggestions.disclose': discloseSuggestion,
  'suggestions.archive': archiveSuggestion,
  'ledger.list': listLedger,
  'ledger.export': exportLedger,
  'stats.summary': getStats,
  'stats.years': statsYears,
  'report.annual': getAnnualReport,
  'subscriptions.record': recordSubscription,
  'notifications.mine': listNotifications,
  'notifications.read': readNotifications,
  'notifications.undelivered': listUndelivered,
  'units.list': listUnits,
  'units.upsert': upsertUnit,
  'office.settings': getOfficeSettings,
  'office.update': updateOfficeSettings,
  'users.list': listUsers,
  'users.upsert': upsertUser,
  'users.issueBindCode': issueBindCode,
  'users.bindCodes': listBindCodes,
  'users.revokeBindCode': revokeBindCode,
  'users.bindLocks': listBindLocks,
  'users.liftBindLock': liftBindLock,
  'users.import': importUsers,
  'users.firstAdmin': firstAdmin,
  'contacts.confirm': confirmContact,
  'public.list': publicList,
  'public.get': publicGet,
  'letters.get': getLetter,
  'attachments.add': addAttachment,
  'attachments.list': listAttachments,
  'attachments.remove': removeAttachment,
  'proposals.save': saveProposal,
  'proposals.invite': inviteCoSigners,
  'proposals.respond': respondInvitation,
  'proposals.submit': submitProposal,
  'proposals.list': listProposals,
  'proposals.get': getProposal,
  'proposals.decide': decideProposal,
  'proposals.window': setProposalWindow,
};
