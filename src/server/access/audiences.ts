// Who reads a view, and the fields each reader gets: every view of a suggestion, task, reply,
// record and notification is cut to an explicit list of fields for its audience, so that a field
// added to a view reaches nobody until it is listed here.
//
// - office (联络员, 管理员): everything a view holds.
// - unit (承办单位的人员): the same, for the suggestions their unit handles.
// - deputy (代表): what concerns him or her: the suggestion, its units, their state and deadlines,
//   the talks with him or her, the signed replies with their contact people, ratings and promises.
//   Not the units' internal work: no reviews of a draft (who reviewed, why it was sent back), no
//   reasons of a return or extension request, no co-handlers' opinions, no reason of a disclosure.
// No view carries an openid; the public view (public.get) has its own, smaller contract and never a
// contact person or phone.
import type { Suggestion, Task, User } from '../../core/model';
import { isDeputyOf, isOffice, isStaffOf, isUnitStaff, readsAsDeputy } from './permissions';

export type Audience = 'office' | 'unit' | 'deputy';

/** A list of fields: a name passes its whole value; [name, fields] passes the listed part of an object or of each element of an array. */
export type Fields = readonly (string | readonly [string, Fields])[];

/** The audience of a whole suggestion (its detail). */
export function suggestionAudience(user: User, suggestion: Suggestion, tasks: readonly Task[]): Audience {
  if (isOffice(user)) return 'office';
  return readsAsDeputy(user, suggestion, tasks) ? 'deputy' : 'unit';
}

/**
 * The audience of one task's view (a task action answers with it): a deputy of the suggestion reads
 * it as a deputy unless he or she works in the task's own unit, even when he or she is staff elsewhere.
 */
export function taskAudience(user: User, task: Task, suggestion: Suggestion): Audience {
  if (isOffice(user)) return 'office';
  if (isStaffOf(user, task.unitId)) return 'unit';
  return isDeputyOf(user, suggestion) || !isUnitStaff(user) ? 'deputy' : 'unit';
}

const TASK_COMMON = [
  'id',
  'suggestionId',
  'unitId',
  'unitName',
  'role',
  'roleLabel',
  'state',
  'stateLabel',
  'round',
  'responsibleName',
  'requirements',
  'assignedAt',
  'assignedDate',
  'due',
  'activeDeadline',
  'daysLeftText',
  'deadlines',
  'overdue',
  'atRisk',
  'version',
  'allowedActions',
  'blockedActions',
  'canOverrideCoOpinions',
] as const;
const REQUEST_FIELDS = ['reason', 'requestedDue', 'requestedAt', 'decidedAt', 'approved', 'comment'] as const;

export const TASK_FIELDS: Record<Audience, Fields> = {
  // waitingFor says what the unit's reply waits for (a 面复 record before 签发): the unit's own work.
  // responsibleReach: whether WeChat reaches the 办理责任人 now, for the staff who may have to call.
  // responsiblePhone: the roster's phone of the 办理责任人, set only for the office and the unit's drafters (views.ts).
  office: [...TASK_COMMON, 'policy', 'waitingFor', 'responsibleReach', 'responsiblePhone', ['returnRequest', REQUEST_FIELDS], ['extensionRequest', REQUEST_FIELDS]],
  unit: [...TASK_COMMON, 'policy', 'waitingFor', 'responsibleReach', 'responsiblePhone', ['returnRequest', REQUEST_FIELDS], ['extensionRequest', REQUEST_FIELDS]],
  // The policy's notes (the extension cap, the return window) are the regulation's dates, not the unit's reasons.
  deputy: [...TASK_COMMON, 'policy'],
};

const CONTACT_PERSON = ['name', 'phone'] as const;
const REPLY_COMMON = [
  'id',
  'taskId',
  'unitName',
  'round',
  'class',
  'classLabel',
  'text',
  ['leaderContact', CONTACT_PERSON],
  ['handlerContact', CONTACT_PERSON],
  'signed',
  'signedAt',
  'signerName',
  // The reply letter's name and number (letters.get opens it for whoever sees the signed reply).
  ['letter', ['fileName', 'number']],
  'version',
] as const;

export const REPLY_FIELDS: Record<Audience, Fields> = {
  office: [...REPLY_COMMON, ['reviews', ['byName', 'at', 'decision', 'comment']]],
  unit: [...REPLY_COMMON, ['reviews', ['byName', 'at', 'decision', 'comment']]],
  deputy: REPLY_COMMON,
};

export const OPINION_FIELDS: Record<Audience, Fields> = {
  office: ['id', 'taskId', 'unitName', 'text', ['contact', CONTACT_PERSON], 'createdAt'],
  unit: ['id', 'taskId', 'unitName', 'text', ['contact', CONTACT_PERSON], 'createdAt'],
  deputy: [],
};

const CONTACT_FIELDS: Fields = ['id', 'taskId', 'at', 'mode', 'modeLabel', 'place', 'people', 'notes', 'faceToFace', 'deputyConfirmedAt'];
const FEEDBACK_FIELDS: Fields = ['id', 'taskId', 'round', 'deputyName', 'attitude', 'result', 'attitudeLabel', 'resultLabel', 'reasons', 'at'];
const COMMITMENT_FIELDS: Fields = ['id', 'taskId', 'promise', 'targetDate', ['progress', ['at', 'byName', 'text']], 'doneAt', 'finalAnswer'];
const EVENT_FIELDS: Fields = ['at', 'actorName', 'action', 'actionLabel', 'from', 'to'];
/** Files of the records the caller may see (the papers module decides which: a deputy gets signed replies' files only). */
const ATTACHMENT_FIELDS: Fields = [
  'id',
  'target',
  'targetId',
  'taskId',
  'fileName',
  'contentType',
  'kindLabel',
  'size',
  'sizeLabel',
  'createdAt',
  'createdByName',
  'url',
  'expiresAt',
  'removable',
  'version',
];

const SUGGESTION_COMMON = [
  'id',
  'number',
  'title',
  'content',
  'session',
  'delegation',
  'phase',
  'phaseLabel',
  'tags',
  'keySupervised',
  'status',
  'statusLabel',
  'leadDeputyId',
  'leadDeputyName',
  'coSignerNames',
  'assignedAt',
  'assignedDate',
  'archivedAt',
  'version',
  'allowedActions',
] as const;

/** The detail of a suggestion: its own fields and, nested, every view above for the same audience. */
export const SUGGESTION_FIELDS: Record<Audience, Fields> = {
  office: suggestionFields('office', ['mode', 'summary', 'reason', 'decidedAt']),
  unit: suggestionFields('unit', ['mode', 'summary', 'reason', 'decidedAt']),
  deputy: suggestionFields('deputy', ['mode', 'summary', 'decidedAt']),
};

function suggestionFields(audience: Audience, disclosure: Fields): Fields {
  return [
    ...SUGGESTION_COMMON,
    ['disclosure', disclosure],
    ['tasks', TASK_FIELDS[audience]],
    ['replies', REPLY_FIELDS[audience]],
    ['opinions', OPINION_FIELDS[audience]],
    ['contacts', CONTACT_FIELDS],
    ['feedback', FEEDBACK_FIELDS],
    ['commitments', COMMITMENT_FIELDS],
    ['events', EVENT_FIELDS],
    ['attachments', ATTACHMENT_FIELDS],
  ];
}

/** One's own messages: the same fields for everyone (never the recipient's id or openid). */
export const NOTIFICATION_FIELDS: Fields = ['id', 'kind', 'title', 'body', 'page', 'status', 'createdAt', 'readAt', 'asks', ['deadline', ['label', 'date']], 'settled'];

/** A value cut to the listed fields (arrays element by element); fields not listed are left out. */
export function only<T>(value: T, fields: Fields): T {
  if (Array.isArray(value)) return value.map((item: unknown) => only(item, fields)) as T;
  if (value === null || typeof value !== 'object') return value;
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    const [name, nested] = typeof field === 'string' ? [field, undefined] : field;
    if (!Object.hasOwn(source, name) || source[name] === undefined) continue;
    out[name] = nested ? only(source[name], nested) : source[name];
  }
  return out as T;
}
