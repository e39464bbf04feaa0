// The wire contract: the action map. Types only; see docs/architecture.md.
import type { TaskRef, Empty } from './common';
import type { ActionName } from './names';
import type { MeResult, BindUserData, FirstAdminData } from './identity';
import type { ListSuggestionsData, ListSuggestionsResult, GetSuggestionData, TaskView, SuggestionDetail, CreateSuggestionData, CreatedResult, AssignSuggestionData, AssignSuggestionResult, ImportSuggestionsData, ImportSuggestionsResult, DiscloseSuggestionData, ArchiveSuggestionData, SuggestionVersionResult, ArchiveSuggestionResult } from './suggestions';
import type { MyTasksData, MyTasksResult, ClaimTaskData, RequestReturnData, DecideReturnData, RequestExtensionData, DecideExtensionData, LogContactData, SaveDraftData, ReviewDraftData, SignReplyData, SubmitOpinionData, UrgeTaskData, TaskResult, IdResult } from './tasks';
import type { SubmitFeedbackData, ConfirmContactData, CommitmentProgressData } from './deputies';
import type { LedgerQuery, LedgerListResult, StatsQuery, StatsSummary, AnnualReportData, AnnualReportResult, LedgerExportData, LedgerExportFile } from './office';
import type { SubscriptionResultData, MyNotificationsData, MyNotificationsResult, ReadNotificationsData, ReadNotificationsResult } from './notifications';
import type { UnitView, UpsertUnitData, UserView, ListUsersData, UpsertUserData, IssueBindCodeData, BindCodeResult, ListBindCodesData, ListBindCodesResult, RevokeBindCodeData, RevokeBindCodeResult, ListBindLocksResult, LiftBindLockData, LiftBindLockResult, ImportUsersData, ImportUsersResult } from './roster';
import type { GetLetterData, LetterResult, AddAttachmentData, ListAttachmentsData, RemoveAttachmentData, AttachmentView, AttachmentsResult } from './papers';
import type { PublicListData, PublicListResult, PublicGetData, PublicSuggestionDetail } from './public';

export interface ActionMap {
  me: { data: Empty; result: MeResult };
  'users.bind': { data: BindUserData; result: MeResult };
  'suggestions.import': { data: ImportSuggestionsData; result: ImportSuggestionsResult };
  'suggestions.create': { data: CreateSuggestionData; result: CreatedResult };
  'suggestions.assign': { data: AssignSuggestionData; result: AssignSuggestionResult };
  'suggestions.list': { data: ListSuggestionsData; result: ListSuggestionsResult };
  'suggestions.get': { data: GetSuggestionData; result: SuggestionDetail };
  'tasks.mine': { data: MyTasksData; result: MyTasksResult };
  'tasks.claim': { data: ClaimTaskData; result: TaskResult };
  'tasks.requestReturn': { data: RequestReturnData; result: TaskResult };
  'tasks.decideReturn': { data: DecideReturnData; result: TaskResult };
  'tasks.requestExtension': { data: RequestExtensionData; result: TaskResult };
  'tasks.decideExtension': { data: DecideExtensionData; result: TaskResult };
  'tasks.logContact': { data: LogContactData; result: IdResult };
  'tasks.saveDraft': { data: SaveDraftData; result: TaskResult };
  'tasks.submitDraft': { data: TaskRef; result: TaskResult };
  'tasks.review': { data: ReviewDraftData; result: TaskResult };
  'tasks.sign': { data: SignReplyData; result: TaskResult };
  'tasks.submitOpinion': { data: SubmitOpinionData; result: TaskResult };
  'tasks.urge': { data: UrgeTaskData; result: { notified: number; task: TaskView } };
  'feedback.submit': { data: SubmitFeedbackData; result: TaskResult };
  'commitments.progress': { data: CommitmentProgressData; result: IdResult };
  'suggestions.disclose': { data: DiscloseSuggestionData; result: SuggestionVersionResult };
  'suggestions.archive': { data: ArchiveSuggestionData; result: ArchiveSuggestionResult };
  'ledger.list': { data: LedgerQuery; result: LedgerListResult };
  'ledger.export': { data: LedgerExportData; result: LedgerExportFile };
  'stats.summary': { data: StatsQuery; result: StatsSummary };
  'report.annual': { data: AnnualReportData; result: AnnualReportResult };
  'subscriptions.record': { data: SubscriptionResultData; result: { recorded: number } };
  'notifications.mine': { data: MyNotificationsData; result: MyNotificationsResult };
  'notifications.read': { data: ReadNotificationsData; result: ReadNotificationsResult };
  'units.list': { data: Empty; result: { items: UnitView[] } };
  'units.upsert': { data: UpsertUnitData; result: UnitView };
  'users.list': { data: ListUsersData; result: { items: UserView[] } };
  'users.upsert': { data: UpsertUserData; result: UserView };
  'users.issueBindCode': { data: IssueBindCodeData; result: BindCodeResult };
  'users.bindCodes': { data: ListBindCodesData; result: ListBindCodesResult };
  'users.revokeBindCode': { data: RevokeBindCodeData; result: RevokeBindCodeResult };
  'users.bindLocks': { data: Empty; result: ListBindLocksResult };
  'users.liftBindLock': { data: LiftBindLockData; result: LiftBindLockResult };
  'users.import': { data: ImportUsersData; result: ImportUsersResult };
  'users.firstAdmin': { data: FirstAdminData; result: MeResult };
  'contacts.confirm': { data: ConfirmContactData; result: IdResult };
  'public.list': { data: PublicListData; result: PublicListResult };
  'public.get': { data: PublicGetData; result: PublicSuggestionDetail };
  'letters.get': { data: GetLetterData; result: LetterResult };
  'attachments.add': { data: AddAttachmentData; result: AttachmentView };
  'attachments.list': { data: ListAttachmentsData; result: AttachmentsResult };
  'attachments.remove': { data: RemoveAttachmentData; result: { id: string; removed: true } };
}

/** A key of the map that is not an action name, or an action name missing from the map, fails here. */
type Exactly<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
export const ACTION_MAP_IS_COMPLETE: Exactly<keyof ActionMap, ActionName> = true;

export type ActionData<A extends ActionName> = ActionMap[A]['data'];
export type ActionResult<A extends ActionName> = ActionMap[A]['result'];
