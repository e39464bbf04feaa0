// The ports the use cases talk through (docs/architecture.md, Layers). Adapters: SQLite (local) and CloudBase (cloud).
import type {
  Attachment,
  AuditEvent,
  Commitment,
  Contact,
  Feedback,
  Notification,
  OfficeSettings,
  Opinion,
  Proposal,
  ProposalWindow,
  Reply,
  Subscription,
  Suggestion,
  Task,
  Unit,
  User,
} from '../../core/model';
import type { LedgerRowDoc, NotificationCount, StatCounter, SuggestionDetailDoc, SuggestionRow } from './read-model-docs';

/**
 * A one-time code the office gives a deputy (or staff member) to bind a WeChat identity. The code
 * itself is never stored, only its hash (see bind-codes.ts).
 */
export interface BindCode {
  id: string;
  codeHash: string;
  userId: string;
  issuedBy: string;
  issuedAt: string;
  expiresAt: string;
  /** open until used or revoked (or past expiresAt). */
  state: 'open' | 'used' | 'revoked';
  usedAt?: string;
  revokedAt?: string;
  revokedBy?: string;
}

/**
 * Wrong bind codes counted: one document per WeChat identity (id `openid:` + a hash of it) for
 * wrong codes in a row, and one per clock hour (id `hour:` + the hour) for all identities together.
 * Every judged attempt writes its identity's document (users.bind); one that bound at its first
 * attempt has failures 0 and the instant it bound as lastFailureAt.
 */
export interface BindAttempts {
  id: string;
  failures: number;
  lastFailureAt: string;
  lockedUntil?: string;
}

/** The first answer to a requestId, kept so that a repeat returns it and changes nothing. */
export interface IdempotencyRecord {
  id: string; // the requestId
  action: string;
  actorId: string;
  response: unknown;
  at: string;
}

/** Where the reminder sweep's scan of the day has reached, so that a cut-short run is resumed. */
export interface SweepState {
  id: string;
  day: string; // the Shanghai date of the scan
  lane: number;
  afterId?: string;
  scanned: number;
  startedAt: string;
  updatedAt: string;
  finishedAt?: string;
}

/**
 * The claim of a natural key (建议号 within a session, a unit's name, a user's openid): its id is
 * derived from the key, so the store's own rule that an id is unique makes the key unique even when
 * two requests race (see UNIQUE below).
 */
export interface UniqueKey {
  id: string;
  collection: string;
  /** The document that holds the key. */
  docId: string;
  /** The key's fields and values, for people reading the database. */
  values: Record<string, IndexValue>;
}

/** The documents each collection holds. Events are appended, never updated or removed. */
export interface Collections {
  users: User;
  units: Unit;
  suggestions: Suggestion;
  tasks: Task;
  contacts: Contact;
  replies: Reply;
  opinions: Opinion;
  feedback: Feedback;
  commitments: Commitment;
  notifications: Notification;
  subscriptions: Subscription;
  bindCodes: BindCode;
  bindAttempts: BindAttempts;
  sweeps: SweepState;
  uniqueKeys: UniqueKey;
  attachments: Attachment;
  /** The deployment's settings: one document, id "office". */
  settings: OfficeSettings;
  /** Deputies' proposals before 立案, and the phase the office opens for them (docs/proposals.md). */
  proposals: Proposal;
  proposalWindows: ProposalWindow;
  /** Read models (src/server/read-models/project.ts), kept by the unit of work in the same commit as each change. */
  suggestionRows: SuggestionRow;
  ledgerRows: LedgerRowDoc;
  statCounters: StatCounter;
  /** Every record of a suggestion in one document, for the detail screen (patched in the same commit). */
  suggestionDetails: SuggestionDetailDoc;
  /** Each user's 全部已读 (its instant), written only by notifications.read. */
  notificationCounts: NotificationCount;
}
export type CollectionName = keyof Collections;
export type Doc<C extends CollectionName> = Collections[C];

/**
 * The fields each collection can be queried by (equality; `range` fields also by interval).
 * A dotted path reaches into a nested object; an array field matches any of its elements.
 * Both adapters build their indexes from this one table.
 */
export const INDEXES = {
  users: { openid: 'openid', unitId: 'unitId', roles: 'roles' },
  units: { name: 'name' },
  suggestions: {
    number: 'number',
    session: 'session',
    leadDeputyId: 'leadDeputyId',
    coSignerIds: 'coSignerIds',
    disclosed: 'disclosure.mode',
  },
  tasks: {
    suggestionId: 'suggestionId',
    unitId: 'unitId',
    state: 'state',
    responsibleUserId: 'responsibleUserId',
    dueReply: 'due.reply',
    dueReturnWindow: 'due.returnWindow',
    dueCoOpinion: 'due.coOpinion',
    dueRehandling: 'due.rehandling',
  },
  contacts: { taskId: 'taskId', suggestionId: 'suggestionId' },
  replies: { taskId: 'taskId', suggestionId: 'suggestionId' },
  opinions: { taskId: 'taskId', suggestionId: 'suggestionId' },
  feedback: { taskId: 'taskId', suggestionId: 'suggestionId' },
  commitments: { taskId: 'taskId', suggestionId: 'suggestionId' },
  // unread: derived from readAt (DERIVED_INDEXES below).
  notifications: { userId: 'userId', key: 'key', status: 'status', createdAt: 'createdAt', unread: '_unread' },
  subscriptions: { userId: 'userId' },
  bindCodes: { userId: 'userId', codeHash: 'codeHash', state: 'state' },
  bindAttempts: { lockedUntil: 'lockedUntil' },
  sweeps: {},
  uniqueKeys: {},
  attachments: { suggestionId: 'suggestionId', targetId: 'targetId', slot: 'slot' },
  settings: {},
  proposals: { authorId: 'authorId', inviteeIds: 'inviteeIds', state: 'state' },
  proposalWindows: {},
  suggestionRows: {
    session: 'session',
    year: 'year',
    phase: 'phase',
    keySupervised: 'keySupervised',
    status: 'status',
    sortKey: 'sortKey',
    assignedAt: 'assignedAt',
    replyDue: 'replyDue',
    viewers: 'viewers',
    facets: 'facets',
  },
  ledgerRows: {
    suggestionId: 'suggestionId',
    unitId: 'unitId',
    role: 'role',
    state: 'state',
    responsibleUserId: 'responsibleUserId',
    session: 'session',
    year: 'year',
    phase: 'phase',
    keySupervised: 'keySupervised',
    status: 'status',
    sortKey: 'sortKey',
    assignedAt: 'assignedAt',
    activeDue: 'activeDue',
    replyClass: 'replyClass',
    satisfaction: 'satisfaction',
    waiting: 'waiting',
    leadDeputyId: 'leadDeputyId',
    inbox: 'inbox',
    open: 'open',
    mineDue: 'mineDue',
  },
  statCounters: { year: 'year', session: 'session', unitId: 'unitId' },
  suggestionDetails: {},
  notificationCounts: {},
} as const satisfies { [C in CollectionName]: Record<string, string> };

/** The index fields that array-valued (an equality query matches an element). */
export const ARRAY_INDEXES: { [C in CollectionName]?: readonly string[] } = {
  users: ['roles'],
  suggestions: ['coSignerIds'],
  proposals: ['inviteeIds'],
  suggestionRows: ['viewers', 'facets'],
  ledgerRows: ['inbox'],
};

/**
 * Composite indexes (besides one per field of INDEXES): the filtered, sorted pages of the office's
 * lists. Each ends with id, the tie-break of every order. Both adapters build them from this table.
 */
export const COMPOSITE_INDEXES: { [C in CollectionName]?: readonly (readonly string[])[] } = {
  suggestionRows: [
    ['status', 'sortKey'],
    ['year', 'sortKey'],
    ['session', 'sortKey'],
    ['replyDue', 'sortKey'],
  ],
  ledgerRows: [
    ['unitId', 'sortKey'],
    ['year', 'sortKey'],
    ['session', 'sortKey'],
    ['state', 'sortKey'],
    ['unitId', 'activeDue'],
    ['year', 'activeDue'],
    ['unitId', 'year', 'sortKey'],
    ['suggestionId', 'sortKey'],
    ['open', 'mineDue', 'sortKey'],
  ],
  tasks: [['unitId', 'state']],
  // A user's messages newest first, and the count of the unread since the last 全部已读 (src/server/read-models/unread.ts).
  notifications: [
    ['userId', 'createdAt'],
    ['userId', 'unread', 'createdAt'],
  ],
};

/**
 * Index values derived from a document instead of read from one of its fields, by their path in
 * INDEXES: the store works them out at every write (SQLite into the index column; CloudBase keeps them
 * in the stored document beside its own fields and leaves them out of what it reads back). A notice is
 * unread until it is marked read one by one (its readAt); 全部已读 is not in it (it rewrites no notice).
 */
export const DERIVED_INDEXES: { [C in CollectionName]?: Record<string, (doc: Doc<C>) => IndexValue> } = {
  notifications: { _unread: (n: Notification) => !n.readAt },
};

/**
 * The text each collection can be searched in (any part of it, Chinese included): SQLite keeps an
 * FTS5 trigram index of it, CloudBase an array of its one- and two-character pieces (searchGrams).
 */
export const SEARCH_FIELDS: { [C in CollectionName]?: string } = {
  suggestionRows: 'searchText',
  ledgerRows: 'searchText',
};

/**
 * Natural keys the store keeps unique, by index names of INDEXES: every commit that inserts a
 * document, or changes one of these values, also claims the key as a UniqueKey document (and frees the
 * old one) in the same transaction, so a second document with the same key fails with CONFLICT.
 * A key with an absent or empty value is not claimed (a user not yet bound has no openid).
 */
export const UNIQUE: { [C in CollectionName]?: readonly (readonly IndexName<C>[])[] } = {
  suggestions: [['session', 'number']],
  units: [['name']],
  users: [['openid']],
  // A kept file holds one of its record's places: two adds that counted the same files claim the same place.
  attachments: [['targetId', 'slot']],
};

export type IndexName<C extends CollectionName> = keyof (typeof INDEXES)[C] & string;
export type IndexValue = string | number | boolean;

export interface Query<C extends CollectionName> {
  /**
   * Equality on index fields; several fields are combined with AND. A list of values matches any of
   * them (IN). On an array field, a value matches any element.
   */
  where?: Partial<Record<IndexName<C>, IndexValue | readonly IndexValue[]>>;
  /** Array fields that must hold every one of the values. */
  every?: Partial<Record<IndexName<C>, readonly IndexValue[]>>;
  /** An interval on one index field: gte ≤ value < lt (strings compare as text). */
  range?: { field: IndexName<C>; gte?: IndexValue; lt?: IndexValue };
  /** Documents whose SEARCH_FIELDS text contains this text (exactly, as a substring). */
  search?: string;
  /** Order by these index fields, then by id; default by id alone. */
  orderBy?: readonly { field: IndexName<C>; desc?: boolean }[];
  /** Keyset paging: documents ordered by id; give the last id seen to get the next page (without orderBy). */
  afterId?: string;
  /** Skip this many documents of the order (page paging; at most 100,000). */
  offset?: number;
  /** At most this many documents (adapters cap a single request at 1000 and page internally). */
  limit?: number;
}

export interface EventQuery {
  suggestionId?: string;
  entityId?: string;
  afterId?: string;
  limit?: number;
}

export interface Reader {
  get<C extends CollectionName>(collection: C, id: string): Promise<Doc<C> | undefined>;
  /** The documents with these ids that exist, in no particular order (one request, up to 1000 ids). */
  getMany<C extends CollectionName>(collection: C, ids: readonly string[]): Promise<Doc<C>[]>;
  /** Documents matching the query, ordered by id. Without a limit, every match (paged internally). */
  find<C extends CollectionName>(collection: C, query?: Query<C>): Promise<Doc<C>[]>;
  count<C extends CollectionName>(collection: C, query?: Query<C>): Promise<number>;
  events(query: EventQuery): Promise<AuditEvent[]>;
  idempotency(requestId: string): Promise<IdempotencyRecord | undefined>;
}

/**
 * A unit of work. Reads go to the store; writes are buffered and applied atomically when the
 * transaction's function resolves. A document read through the transaction and changed by someone
 * else before the commit makes the whole commit fail with AppError CONFLICT (optimistic concurrency).
 */
export interface Tx extends Reader {
  insert<C extends CollectionName>(collection: C, doc: Doc<C>): void;
  /** Replace a document read through this transaction. */
  update<C extends CollectionName>(collection: C, doc: Doc<C>): void;
  appendEvent(event: AuditEvent): void;
  /** Keep the result for this requestId in the same commit (api.ts does this). */
  rememberResult(record: IdempotencyRecord): void;
}

export interface Store extends Reader {
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /**
   * A token that changes whenever the stored data changes, by any process; absent where the adapter
   * cannot tell cheaply (CloudBase). An answer computed at one stamp may be kept until it moves.
   */
  readStamp?(): string;
  close?(): Promise<void> | void;
}

export interface Clock {
  /** The current instant as an ISO string ending in Z. */
  now(): string;
}

export const systemClock: Clock = { now: () => new Date().toISOString() };

export type DeliveryResult = { status: 'sent' } | { status: 'failed' | 'noQuota'; error: string };

/** Sends one notification already written to the outbox (WeChat subscribe message, or the local outbox). */
export interface Notifier {
  deliver(notification: Notification, recipient: User): Promise<DeliveryResult>;
}

/** A file's bytes kept outside the database: attachments and generated letters. */
export interface FileLinkOptions {
  /** The name the file is saved or opened under (e.g. 答复函-1001号.docx). */
  fileName: string;
  contentType: string;
  /** The caller the link is for: the local adapter refuses the link to anyone else. */
  openid?: string;
  /** How long the link works; default FILE_LINK_SECONDS. */
  ttlSeconds?: number;
}

export interface FileLink {
  url: string;
  expiresAt: string;
}

/** Links are short-lived: long enough to open or download a file, too short to be passed around. */
export const FILE_LINK_SECONDS = 600;

/**
 * Where files live (local: a folder beside the SQLite file; cloud: CloudBase cloud storage). The use
 * case decides who may see a file and only then asks for a link; the store never decides access.
 */
export interface FileStore {
  /**
   * The folder of the storage every key is kept under ('' locally, the deployment's prefix and a '/'
   * on CloudBase): an upload the app makes directly (wx.cloud.uploadFile) names its path from here.
   */
  readonly root?: string;
  /** Keep the bytes under the key (letters and digits, '/', '.', '-', '_'); answers the reference to keep. */
  put(key: string, content: Buffer, contentType: string): Promise<string>;
  /** A short-lived link that opens the file kept under the reference. */
  link(ref: string, options: FileLinkOptions): Promise<FileLink>;
  /** Links to several files at once, in their order (CloudBase: one request for up to 50). */
  links?(files: readonly { ref: string; options: FileLinkOptions }[]): Promise<FileLink[]>;
  /** The file's bytes (undefined when absent). */
  read(ref: string): Promise<Buffer | undefined>;
  /** Remove the file; removing an absent file is not an error. */
  remove(ref: string): Promise<void>;
}
