// The task workflow table (docs/architecture.md, Workflow table) as data: every arrow is one row. An action
// whose outcome depends on its payload or the task (approve/reject, satisfied/unsatisfied, round)
// has one row per branch. The actions that record something beside the task and leave its state
// as it is (a draft, a contact, an urge, a deputy's confirmation, a promise's progress) are rows
// without a target state (RECORD_ROWS). Guards are named here and defined in task.guards.ts.
import type { Rating, TaskState, UnitRole } from './model';

/** A transition action's payload beside its type; the value is empty, the type is what it carries. */
const payload = <P extends object = Record<never, never>>(): P => ({}) as P;

/**
 * Every action that moves a task (or keeps its state while recording a decision on it), with its
 * payload: TaskAction, TaskActionType and TASK_ACTION_TYPES are built from this record.
 */
const TRANSITION_ACTIONS = {
  claim: payload<{ userId: string }>(),
  requestReturn: payload<{ reason: string }>(),
  decideReturn: payload<{ approve: boolean; comment?: string }>(),
  requestExtension: payload<{ requestedDue: string; reason: string }>(),
  decideExtension: payload<{ approve: boolean; comment?: string }>(),
  submitDraft: payload(),
  withdrawDraft: payload(),
  review: payload<{ approve: boolean; comment?: string }>(),
  sign: payload(),
  submitOpinion: payload(),
  feedback: payload<{ attitude: Rating; result: Rating }>(),
  overrideCoOpinions: payload<{ reason: string }>(),
};

export type TaskActionType = keyof typeof TRANSITION_ACTIONS;

/** The actions a task accepts, as a discriminated union on `type`. */
export type TaskAction = { [K in TaskActionType]: { type: K } & (typeof TRANSITION_ACTIONS)[K] }[TaskActionType];

export const TASK_ACTION_TYPES = Object.keys(TRANSITION_ACTIONS) as readonly TaskActionType[];

/** Actions that record something beside the task and keep its state (rows without a target state). */
const RECORD_ACTIONS = { saveDraft: true, logContact: true, urge: true, confirmContact: true, commitmentProgress: true } as const;

export type RecordActionType = keyof typeof RECORD_ACTIONS;

export const RECORD_ACTION_TYPES = Object.keys(RECORD_ACTIONS) as readonly RecordActionType[];

/** Every action of the workflow table: the transitions and the record actions. */
export type WorkflowActionType = TaskActionType | RecordActionType;

/** Who should hear about a transition; the use case turns this into notifications. */
export type EffectRecipient = 'handler' | 'reviewer' | 'leader' | 'coordinator' | 'deputy' | 'leadUnit' | 'coUnits';

export type Branch =
  | 'default'
  | 'approve'
  | 'reject' // decideReturn of a claimed task, review in round 1
  | 'rejectUnclaimed' // decideReturn of a task nobody claimed yet: back to assigned
  | 'rejectRehandling' // review reject in round ≥ 2: back to rehandling
  | 'satisfied' // both ratings 满意 or 基本满意
  | 'unsatisfied' // a 不满意 with rounds left: re-handle
  | 'unsatisfiedLastRound'; // a 不满意 on the policy's last round: closed as unsatisfied

export type GuardName =
  | 'claimantGiven'
  | 'reasonGiven'
  | 'withinReturnWindow'
  | 'noDraftYet'
  | 'noRejectedReturn'
  | 'noPendingExtension'
  | 'pendingExtension'
  | 'extensionWithinCap'
  | 'draftSaved'
  | 'coOpinionsIn'
  | 'faceToFaceContact'
  | 'deputyActor'
  | 'validRatings'
  | 'notUrgedToday'
  | 'unconfirmedContact'
  | 'openCommitment';

export interface TransitionRow {
  from: TaskState;
  action: TaskActionType;
  branch: Branch;
  /** Only in the first round of handling, or only in a later one (after a 不满意); absent: any round. */
  rounds?: 'first' | 'later';
  to: TaskState;
  roles: readonly UnitRole[];
  guards: readonly GuardName[];
  notify: readonly EffectRecipient[];
  event: string;
}

export const TASK_STATES: readonly TaskState[] = [
  'assigned',
  'handling',
  'returnRequested',
  'returned',
  'inReview',
  'awaitingSignature',
  'replied',
  'opinionSent',
  'rehandling',
  'closed',
];

export const UNIT_ROLES: readonly UnitRole[] = ['lead', 'co', 'split', 'sole'];

const ALL: readonly UnitRole[] = UNIT_ROLES;
/** Units that reply to the deputy themselves: 主办, 分办, 独办 (never 会办). */
export const REPLYING_ROLES: readonly UnitRole[] = ['lead', 'split', 'sole'];
const REPLYING = REPLYING_ROLES;

const returnRequestRow = (from: TaskState): TransitionRow => ({
  from,
  action: 'requestReturn',
  branch: 'default',
  to: 'returnRequested',
  roles: ALL,
  guards: ['reasonGiven', 'withinReturnWindow', 'noDraftYet', 'noRejectedReturn'],
  notify: ['coordinator'],
  event: 'returnRequested',
});

/** Extension (延期) keeps the state; it is open while the reply is not yet signed. */
const EXTENSION_STATES: readonly TaskState[] = ['assigned', 'handling', 'inReview', 'awaitingSignature'];

const extensionRows = (from: TaskState): TransitionRow[] => [
  {
    from,
    action: 'requestExtension',
    branch: 'default',
    to: from,
    roles: REPLYING,
    guards: ['reasonGiven', 'noPendingExtension', 'extensionWithinCap'],
    notify: ['coordinator'],
    event: 'extensionRequested',
  },
  {
    from,
    action: 'decideExtension',
    branch: 'approve',
    to: from,
    roles: REPLYING,
    guards: ['pendingExtension', 'extensionWithinCap'],
    notify: ['handler'],
    event: 'extensionApproved',
  },
  {
    from,
    action: 'decideExtension',
    branch: 'reject',
    to: from,
    roles: REPLYING,
    guards: ['pendingExtension'],
    notify: ['handler'],
    event: 'extensionRejected',
  },
];

const overrideRow = (from: TaskState): TransitionRow => ({
  from,
  action: 'overrideCoOpinions',
  branch: 'default',
  to: from,
  roles: ['lead'],
  guards: ['reasonGiven'],
  notify: ['handler'],
  event: 'coOpinionsOverridden',
});

export const TRANSITIONS: readonly TransitionRow[] = [
  { from: 'assigned', action: 'claim', branch: 'default', to: 'handling', roles: ALL, guards: ['claimantGiven'], notify: [], event: 'claimed' },
  returnRequestRow('assigned'),
  returnRequestRow('handling'),
  { from: 'returnRequested', action: 'decideReturn', branch: 'approve', to: 'returned', roles: ALL, guards: [], notify: ['handler'], event: 'returnApproved' },
  { from: 'returnRequested', action: 'decideReturn', branch: 'reject', to: 'handling', roles: ALL, guards: [], notify: ['handler'], event: 'returnRejected' },
  { from: 'returnRequested', action: 'decideReturn', branch: 'rejectUnclaimed', to: 'assigned', roles: ALL, guards: [], notify: ['handler'], event: 'returnRejected' },
  ...([] as TransitionRow[]).concat(...EXTENSION_STATES.map(extensionRows)),
  overrideRow('assigned'),
  overrideRow('handling'),
  { from: 'handling', action: 'submitDraft', branch: 'default', to: 'inReview', roles: REPLYING, guards: ['coOpinionsIn', 'draftSaved'], notify: ['reviewer'], event: 'draftSubmitted' },
  { from: 'rehandling', action: 'submitDraft', branch: 'default', to: 'inReview', roles: REPLYING, guards: ['coOpinionsIn', 'draftSaved'], notify: ['reviewer'], event: 'draftSubmitted' },
  // The handler takes a draft back before the reviewer decides: to where it was written.
  { from: 'inReview', action: 'withdrawDraft', branch: 'default', rounds: 'first', to: 'handling', roles: REPLYING, guards: [], notify: [], event: 'draftWithdrawn' },
  { from: 'inReview', action: 'withdrawDraft', branch: 'default', rounds: 'later', to: 'rehandling', roles: REPLYING, guards: [], notify: [], event: 'draftWithdrawn' },
  { from: 'inReview', action: 'review', branch: 'approve', to: 'awaitingSignature', roles: REPLYING, guards: [], notify: ['leader'], event: 'draftApproved' },
  { from: 'inReview', action: 'review', branch: 'reject', to: 'handling', roles: REPLYING, guards: [], notify: ['handler'], event: 'draftRejected' },
  { from: 'inReview', action: 'review', branch: 'rejectRehandling', to: 'rehandling', roles: REPLYING, guards: [], notify: ['handler'], event: 'draftRejected' },
  { from: 'awaitingSignature', action: 'sign', branch: 'default', to: 'replied', roles: REPLYING, guards: ['faceToFaceContact'], notify: ['deputy', 'coUnits'], event: 'replySigned' },
  { from: 'handling', action: 'submitOpinion', branch: 'default', to: 'opinionSent', roles: ['co'], guards: [], notify: ['leadUnit'], event: 'opinionSent' },
  { from: 'replied', action: 'feedback', branch: 'satisfied', to: 'closed', roles: REPLYING, guards: ['deputyActor', 'validRatings'], notify: ['handler'], event: 'feedbackSatisfied' },
  { from: 'replied', action: 'feedback', branch: 'unsatisfied', to: 'rehandling', roles: REPLYING, guards: ['deputyActor', 'validRatings'], notify: ['handler', 'reviewer'], event: 'feedbackUnsatisfied' },
  { from: 'replied', action: 'feedback', branch: 'unsatisfiedLastRound', to: 'closed', roles: REPLYING, guards: ['deputyActor', 'validRatings'], notify: ['handler', 'reviewer', 'coordinator'], event: 'feedbackUnsatisfied' },
];

/** The rows leaving a state by an action (any role, any branch); with a round, those that apply in it. */
export function rowsFor(from: TaskState, action: TaskActionType, round?: number): TransitionRow[] {
  return TRANSITIONS.filter((r) => r.from === from && r.action === action && (round === undefined || inRound(r, round)));
}

const inRound = (row: TransitionRow, round: number): boolean =>
  row.rounds === undefined || (row.rounds === 'first' ? round <= 1 : round > 1);

/** Terminal states: no transition leaves them (退回, 会办意见已送, 办结). The task's work is over. */
export const TERMINAL_STATES: readonly TaskState[] = TASK_STATES.filter((s) => !TRANSITIONS.some((r) => r.from === s));

export const isTerminal = (state: TaskState): boolean => TERMINAL_STATES.includes(state);

/** A row of an action that keeps the task's state: where it may be taken, by which unit roles. */
export interface RecordRow {
  from: TaskState;
  action: RecordActionType;
  roles: readonly UnitRole[];
  guards: readonly GuardName[];
}

const recordRows = (action: RecordActionType, states: readonly TaskState[], roles: readonly UnitRole[], guards: readonly GuardName[] = []): RecordRow[] =>
  states.map((from) => ({ from, action, roles, guards }));

/** States in which the unit talks with the deputy and records it (沟通、面复). */
const CONTACT_STATES: readonly TaskState[] = ['handling', 'inReview', 'awaitingSignature', 'replied', 'rehandling'];
/** States in which the reply is being written. */
const DRAFT_STATES: readonly TaskState[] = ['handling', 'rehandling'];
/** An urge presses a task that is not over yet. */
const OPEN_STATES: readonly TaskState[] = TASK_STATES.filter((s) => !isTerminal(s));

export const RECORD_ROWS: readonly RecordRow[] = [
  ...recordRows('saveDraft', DRAFT_STATES, REPLYING),
  ...recordRows('logContact', CONTACT_STATES, ALL),
  ...recordRows('urge', OPEN_STATES, ALL, ['notUrgedToday']),
  ...recordRows('confirmContact', TASK_STATES, ALL, ['unconfirmedContact']),
  ...recordRows('commitmentProgress', TASK_STATES, REPLYING, ['openCommitment']),
];

export function recordRowsFor(from: TaskState, action: RecordActionType): RecordRow[] {
  return RECORD_ROWS.filter((r) => r.from === from && r.action === action);
}
