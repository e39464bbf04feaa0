// The Store port over SQLite (better-sqlite3): one table per collection holding the document as JSON,
// a column (with an index) for every field of INDEXES, a side table for array fields, an append-only
// events table and the idempotency records. WAL journal, synchronous=FULL, foreign keys on.
import Database from 'better-sqlite3';
import { AppError } from '../../../core/errors';
import type { AuditEvent } from '../../../core/model';
import {
  COMPOSITE_INDEXES,
  INDEXES,
  SEARCH_FIELDS,
  type CollectionName,
  type Doc,
  type EventQuery,
  type IdempotencyRecord,
  type IndexValue,
  type Query,
  type Store,
  type Tx,
} from '../../ports';
import { arrayIndexValues, indexFields, isArrayIndex, isDerivedPath, scalarIndexValues } from '../index-values';
import { runUnitOfWork, staleConflict, type CommitPlan, type Revised } from '../unit-of-work';

const COLLECTIONS = Object.keys(INDEXES) as CollectionName[];

type Row = { doc: string; rev: number };
type SqlValue = string | number | null;

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;
const sideTable = (collection: string, field: string) => `${collection}__${field}`;
const searchTable = (collection: string) => `${collection}__search`;
const toSql = (value: IndexValue | null | undefined): SqlValue =>
  value === undefined || value === null ? null : typeof value === 'boolean' ? (value ? 1 : 0) : value;

/**
 * Schema migrations, applied in order; PRAGMA user_version remembers how far a file has come.
 * Version 1 holds the fixed tables; after the numbered steps, `syncIndexes` adds (and back-fills from
 * the stored JSON) any collection, index column or array side table that INDEXES gained since.
 */
const MIGRATIONS: string[][] = [
  [
    `CREATE TABLE events (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, at TEXT NOT NULL, suggestionId TEXT, entityId TEXT NOT NULL, doc TEXT NOT NULL)`,
    `CREATE INDEX events_suggestion ON events (suggestionId, seq)`,
    `CREATE INDEX events_entity ON events (entityId, seq)`,
    // Append-only: the database itself refuses to change or remove an event.
    `CREATE TRIGGER events_no_update BEFORE UPDATE ON events BEGIN SELECT RAISE(ABORT, 'events are append-only'); END`,
    `CREATE TRIGGER events_no_delete BEFORE DELETE ON events BEGIN SELECT RAISE(ABORT, 'events are append-only'); END`,
    `CREATE TABLE idempotency (id TEXT PRIMARY KEY, action TEXT NOT NULL, actorId TEXT NOT NULL, at TEXT NOT NULL, response TEXT NOT NULL)`,
  ],
];

function syncIndexes(db: Database.Database) {
  for (const collection of COLLECTIONS) {
    db.exec(`CREATE TABLE IF NOT EXISTS ${q(collection)} (id TEXT PRIMARY KEY, rev INTEGER NOT NULL, doc TEXT NOT NULL)`);
    const columns = new Set((db.prepare(`PRAGMA table_info(${q(collection)})`).all() as { name: string }[]).map((c) => c.name));
    for (const [name, path] of indexFields(collection)) {
      if (isArrayIndex(collection, name)) {
        const table = sideTable(collection, name);
        const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table);
        if (exists) continue;
        db.exec(
          `CREATE TABLE ${q(table)} (value NOT NULL, id TEXT NOT NULL REFERENCES ${q(collection)}(id) ON DELETE CASCADE, PRIMARY KEY (value, id))`,
        );
        db.exec(`CREATE INDEX ${q(`${table}_id`)} ON ${q(table)} (id)`);
        db.exec(`INSERT OR IGNORE INTO ${q(table)} (value, id) SELECT j.value, t.id FROM ${q(collection)} t, json_each(t.doc, '$.${path}') j`);
        continue;
      }
      if (!columns.has(name)) {
        db.exec(`ALTER TABLE ${q(collection)} ADD COLUMN ${q(name)}`);
        if (isDerivedPath(collection, path)) fillDerived(db, collection, name);
        else db.exec(`UPDATE ${q(collection)} SET ${q(name)} = json_extract(doc, '$.${path}')`);
      }
      db.exec(`CREATE INDEX IF NOT EXISTS ${q(`${collection}_${name}`)} ON ${q(collection)} (${q(name)}, id)`);
    }
    for (const fields of COMPOSITE_INDEXES[collection] ?? []) {
      db.exec(`CREATE INDEX IF NOT EXISTS ${q(`${collection}_${fields.join('_')}`)} ON ${q(collection)} (${[...fields, 'id'].map(q).join(', ')})`);
    }
    const searchField = SEARCH_FIELDS[collection];
    if (searchField) {
      const table = searchTable(collection);
      const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table);
      if (!exists) {
        // Trigram: any three characters index a text, Chinese included; shorter searches scan it.
        db.exec(`CREATE VIRTUAL TABLE ${q(table)} USING fts5(text, tokenize = 'trigram case_sensitive 1')`);
        db.exec(`INSERT INTO ${q(table)} (rowid, text) SELECT rowid, json_extract(doc, '$.${searchField}') FROM ${q(collection)}`);
      }
    }
  }
}

/** A derived index column new to the file, worked out from every stored document, a page of ids at a time. */
function fillDerived(db: Database.Database, collection: CollectionName, name: string) {
  const page = db.prepare(`SELECT id, doc FROM ${q(collection)} WHERE id > ? ORDER BY id LIMIT 1000`);
  const set = db.prepare(`UPDATE ${q(collection)} SET ${q(name)} = ? WHERE id = ?`);
  for (let after = ''; ; ) {
    const rows = page.all(after) as { id: string; doc: string }[];
    for (const row of rows) set.run(toSql(scalarIndexValues(collection, JSON.parse(row.doc) as never)[name]), row.id);
    if (rows.length < 1000) break;
    after = rows[rows.length - 1]!.id;
  }
}

/** An FTS5 phrase: the text in double quotes, its own double quotes doubled. */
const ftsPhrase = (text: string) => `"${text.replace(/"/g, '""')}"`;

export interface SqliteStore extends Store {
  close(): void;
  /** Every table's rows in a stable order, as text: equal dumps mean equal databases. */
  /** Every table's rows as text, to compare before and after; `except` leaves out the tables it matches. */
  dump(except?: RegExp): string;
  readonly db: Database.Database;
}

export function openSqliteStore(filename = ':memory:'): SqliteStore {
  const db = new Database(filename);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);

  const statements = new Map<string, Database.Statement>();
  const prepare = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };

  /**
   * What the connection's data is at: `PRAGMA data_version` moves when another connection (another
   * process) commits, total_changes() with every row this connection changes. Equal stamps, equal data.
   */
  const stampStatement = db.prepare('SELECT total_changes() AS c, data_version AS v FROM pragma_data_version()');
  const readStamp = () => {
    const { c, v } = stampStatement.get() as { c: number; v: number };
    return `${c}:${v}`;
  };
  let cacheStamp = '';
  const counts = new Map<string, number>();
  /** Counts computed at the present stamp (a count scans its matches; a page only its rows). */
  function cachedCount(key: string, compute: () => number): number {
    const stamp = readStamp();
    if (stamp !== cacheStamp) {
      counts.clear();
      cacheStamp = stamp;
    }
    let n = counts.get(key);
    if (n === undefined) {
      n = compute();
      if (counts.size >= 1000) counts.clear();
      counts.set(key, n);
    }
    return n;
  }

  /** How many documents hold this value in an array field (its side table's index, counted). */
  const arrayValueCount = (collection: CollectionName, name: string, value: IndexValue) => {
    const sql = `SELECT COUNT(*) AS n FROM ${q(sideTable(collection, name))} WHERE value = ?`;
    return cachedCount(`${sql}\u0000${JSON.stringify(toSql(value))}`, () => (prepare(sql).get(toSql(value)) as { n: number }).n);
  };

  /** The search condition (FTS5 trigram phrase, or a scan of the texts for one or two characters). */
  const searchCondition = (collection: CollectionName, search: string) => {
    const table = q(searchTable(collection));
    return [...search].length >= 3
      ? { sql: `SELECT rowid FROM ${table} WHERE ${table} MATCH ?`, param: ftsPhrase(search) }
      : { sql: `SELECT rowid FROM ${table} WHERE instr(text, ?) > 0`, param: search };
  };

  /** How many documents match the search (the search table alone, counted). */
  const searchCount = (collection: CollectionName, search: string) => {
    const { sql, param } = searchCondition(collection, search);
    const count = `SELECT COUNT(*) AS n FROM (${sql})`;
    return cachedCount(`${count}\u0000${param}`, () => (prepare(count).get(param) as { n: number }).n);
  };

  /**
   * Whether a sorted page walks its order's index, testing each document for the array values and the
   * search (EXISTS, +rowid IN), or reads every document that matches and sorts them (id IN, rowid IN).
   * Reading and sorting costs for each match, the walk for each document passed before the page is
   * full: over a common value (a facet most suggestions have, a frequent word) the walk reads twenty
   * documents where the sort would read thousands; over a rare one the sort reads a few.
   */
  function walksOrder<C extends CollectionName>(collection: C, query: Query<C> | undefined): boolean {
    if (!query?.orderBy?.length || query.limit === undefined) return false;
    const sizes: number[] = [];
    for (const [name, value] of Object.entries(query.where ?? {}) as [string, IndexValue | readonly IndexValue[] | undefined][]) {
      if (value !== undefined && !Array.isArray(value) && isArrayIndex(collection, name)) sizes.push(arrayValueCount(collection, name, value as IndexValue));
    }
    for (const [name, values] of Object.entries(query.every ?? {}) as [string, readonly IndexValue[] | undefined][]) {
      for (const value of values ?? []) if (isArrayIndex(collection, name)) sizes.push(arrayValueCount(collection, name, value));
    }
    if (query.search !== undefined && query.search !== '' && SEARCH_FIELDS[collection]) sizes.push(searchCount(collection, query.search));
    if (sizes.length === 0) return false;
    // Cost model (measured at 10,000 rows): sorting k matches costs about 9·k² ⁄ N of the walk's
    // (offset + limit)·N ⁄ k index steps; the smallest set decides.
    const k = Math.min(...sizes);
    const total = cachedCount(`rows\u0000${collection}`, () => (prepare(`SELECT COUNT(*) AS n FROM ${q(collection)}`).get() as { n: number }).n);
    const wanted = Math.max(0, Math.floor(query.offset ?? 0)) + Math.max(1, Math.floor(query.limit));
    return 9 * k * k > wanted * total;
  }

  function whereClause<C extends CollectionName>(collection: C, query: Query<C> | undefined, walk = false) {
    const holds = (name: string, test: string) =>
      walk
        ? `EXISTS (SELECT 1 FROM ${q(sideTable(collection, name))} a WHERE a.value ${test} AND a.id = ${q(collection)}.id)`
        : `id IN (SELECT id FROM ${q(sideTable(collection, name))} WHERE value ${test})`;
    const conditions: string[] = [];
    const params: SqlValue[] = [];
    for (const [name, value] of Object.entries(query?.where ?? {}) as [string, IndexValue | readonly IndexValue[] | undefined][]) {
      if (value === undefined) continue;
      assertIndex(collection, name);
      const values = Array.isArray(value) ? (value as readonly IndexValue[]) : [value as IndexValue];
      const test = values.length === 1 ? '= ?' : `IN (${values.map(() => '?').join(', ')})`;
      if (values.length === 0) conditions.push('0');
      else if (isArrayIndex(collection, name)) {
        conditions.push(holds(name, test));
      } else {
        conditions.push(`${q(name)} ${test}`);
      }
      params.push(...values.map(toSql));
    }
    for (const [name, values] of Object.entries(query?.every ?? {}) as [string, readonly IndexValue[] | undefined][]) {
      if (values === undefined) continue;
      assertIndex(collection, name);
      if (!isArrayIndex(collection, name)) throw new Error(`every on scalar index ${collection}.${name}`);
      for (const value of values) {
        conditions.push(holds(name, '= ?'));
        params.push(toSql(value));
      }
    }
    if (query?.search !== undefined && query.search !== '') {
      if (!SEARCH_FIELDS[collection]) throw new Error(`no search field on ${collection}`);
      // Three characters or more use the trigram index; one or two scan the (short) texts.
      const { sql, param } = searchCondition(collection, query.search);
      conditions.push(`${walk ? '+rowid' : 'rowid'} IN (${sql})`);
      params.push(param);
    }
    if (query?.range) {
      const { field, gte, lt } = query.range;
      assertIndex(collection, field);
      if (isArrayIndex(collection, field)) throw new Error(`range on array index ${collection}.${field}`);
      if (gte !== undefined) {
        conditions.push(`${q(field)} >= ?`);
        params.push(toSql(gte));
      }
      if (lt !== undefined) {
        conditions.push(`${q(field)} < ?`);
        params.push(toSql(lt));
      }
    }
    if (query?.afterId !== undefined) {
      conditions.push('id > ?');
      params.push(query.afterId);
    }
    return { sql: conditions.length ? ` WHERE ${conditions.join(' AND ')}` : '', params };
  }

  function orderClause<C extends CollectionName>(collection: C, query: Query<C> | undefined) {
    const order = query?.orderBy ?? [];
    const parts = order.map(({ field, desc }) => {
      assertIndex(collection, field);
      if (isArrayIndex(collection, field)) throw new Error(`order by array index ${collection}.${field}`);
      return `${q(field)}${desc ? ' DESC' : ''}`;
    });
    // The id breaks ties in the direction of the last field, so one index serves the whole order.
    return [...parts, `id${order[order.length - 1]?.desc ? ' DESC' : ''}`].join(', ');
  }

  const reader = {
    async getWithRev<C extends CollectionName>(collection: C, id: string): Promise<Revised<Doc<C>> | undefined> {
      const row = prepare(`SELECT doc, rev FROM ${q(collection)} WHERE id = ?`).get(id) as Row | undefined;
      return row ? { doc: JSON.parse(row.doc) as Doc<C>, rev: row.rev } : undefined;
    },
    async getManyWithRev<C extends CollectionName>(collection: C, ids: readonly string[]): Promise<Revised<Doc<C>>[]> {
      if (ids.length === 0) return [];
      const unique = [...new Set(ids)];
      const rows = prepare(`SELECT doc, rev FROM ${q(collection)} WHERE id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(unique)) as Row[];
      return rows.map((row) => ({ doc: JSON.parse(row.doc) as Doc<C>, rev: row.rev }));
    },
    async findWithRev<C extends CollectionName>(collection: C, query?: Query<C>): Promise<Revised<Doc<C>>[]> {
      const { sql, params } = whereClause(collection, query, walksOrder(collection, query));
      const offset = query?.offset ? Math.max(0, Math.floor(query.offset)) : 0;
      const limit =
        query?.limit !== undefined
          ? ` LIMIT ${Math.max(0, Math.floor(query.limit))}${offset ? ` OFFSET ${offset}` : ''}`
          : offset
            ? ` LIMIT -1 OFFSET ${offset}`
            : '';
      const rows = prepare(`SELECT doc, rev FROM ${q(collection)}${sql} ORDER BY ${orderClause(collection, query)}${limit}`).all(...params) as Row[];
      return rows.map((row) => ({ doc: JSON.parse(row.doc) as Doc<C>, rev: row.rev }));
    },
    async count<C extends CollectionName>(collection: C, query?: Query<C>): Promise<number> {
      const { sql, params } = whereClause(collection, query);
      const statement = `SELECT COUNT(*) AS n FROM ${q(collection)}${sql}`;
      return cachedCount(`${statement}\u0000${JSON.stringify(params)}`, () => (prepare(statement).get(...params) as { n: number }).n);
    },
    async events(query: EventQuery): Promise<AuditEvent[]> {
      const conditions: string[] = [];
      const params: SqlValue[] = [];
      if (query.suggestionId !== undefined) {
        conditions.push('suggestionId = ?');
        params.push(query.suggestionId);
      }
      if (query.entityId !== undefined) {
        conditions.push('entityId = ?');
        params.push(query.entityId);
      }
      const where = conditions.length ? ` WHERE ${conditions.join(' AND ')}` : '';
      const limit = query.limit !== undefined ? ` LIMIT ${Math.max(0, Math.floor(query.limit))}` : '';
      const rows = prepare(`SELECT doc FROM events${where} ORDER BY seq${limit}`).all(...params) as { doc: string }[];
      return rows.map((row) => JSON.parse(row.doc) as AuditEvent);
    },
    async idempotency(requestId: string): Promise<IdempotencyRecord | undefined> {
      const row = prepare('SELECT id, action, actorId, at, response FROM idempotency WHERE id = ?').get(requestId) as
        | (Omit<IdempotencyRecord, 'response'> & { response: string })
        | undefined;
      return row ? { ...row, response: JSON.parse(row.response) as unknown } : undefined;
    },
  };

  function writeIndexes(collection: CollectionName, id: string, doc: unknown) {
    for (const [name, values] of Object.entries(arrayIndexValues(collection, doc as never))) {
      const table = q(sideTable(collection, name));
      prepare(`DELETE FROM ${table} WHERE id = ?`).run(id);
      for (const value of values) prepare(`INSERT INTO ${table} (value, id) VALUES (?, ?)`).run(toSql(value), id);
    }
  }

  function writeSearch(collection: CollectionName, id: string, doc: unknown) {
    const field = SEARCH_FIELDS[collection];
    if (!field) return;
    const table = q(searchTable(collection));
    const { rowid } = prepare(`SELECT rowid FROM ${q(collection)} WHERE id = ?`).get(id) as { rowid: number };
    prepare(`DELETE FROM ${table} WHERE rowid = ?`).run(rowid);
    const text = (doc as Record<string, unknown>)[field];
    prepare(`INSERT INTO ${table} (rowid, text) VALUES (?, ?)`).run(rowid, typeof text === 'string' ? text : '');
  }

  const applyPlan = db.transaction((plan: CommitPlan) => {
    for (const { collection, id } of plan.deletes) prepare(`DELETE FROM ${q(collection)} WHERE id = ?`).run(id);
    for (const write of plan.writes) {
      const { collection, id, doc, expectedRev } = write;
      const scalars = scalarIndexValues(collection, doc as never);
      const names = Object.keys(scalars);
      const values = names.map((name) => toSql(scalars[name]));
      const json = JSON.stringify(doc);
      const current = prepare(`SELECT rev FROM ${q(collection)} WHERE id = ?`).get(id) as { rev: number } | undefined;
      if ((current?.rev ?? 0) !== expectedRev) throw staleConflict();
      if (expectedRev === 0) {
        const columns = ['id', 'rev', 'doc', ...names].map(q).join(', ');
        const marks = ['?', '?', '?', ...names.map(() => '?')].join(', ');
        prepare(`INSERT INTO ${q(collection)} (${columns}) VALUES (${marks})`).run(id, 1, json, ...values);
      } else {
        const sets = ['rev = ?', 'doc = ?', ...names.map((name) => `${q(name)} = ?`)].join(', ');
        prepare(`UPDATE ${q(collection)} SET ${sets} WHERE id = ?`).run(expectedRev + 1, json, ...values, id);
      }
      writeIndexes(collection, id, doc);
      writeSearch(collection, id, doc);
    }
    for (const { collection, id, init, deltas } of plan.increments ?? []) {
      const row = prepare(`SELECT doc, rev FROM ${q(collection)} WHERE id = ?`).get(id) as Row | undefined;
      const doc = row ? (JSON.parse(row.doc) as Record<string, unknown>) : { ...init };
      for (const [field, delta] of Object.entries(deltas)) doc[field] = (typeof doc[field] === 'number' ? (doc[field] as number) : 0) + delta;
      const scalars = scalarIndexValues(collection, doc as never);
      const names = Object.keys(scalars);
      const values = names.map((name) => toSql(scalars[name]));
      if (!row) {
        const columns = ['id', 'rev', 'doc', ...names].map(q).join(', ');
        const marks = ['?', '?', '?', ...names.map(() => '?')].join(', ');
        prepare(`INSERT INTO ${q(collection)} (${columns}) VALUES (${marks})`).run(id, 1, JSON.stringify(doc), ...values);
      } else {
        prepare(`UPDATE ${q(collection)} SET rev = ?, doc = ? WHERE id = ?`).run(row.rev + 1, JSON.stringify(doc), id);
      }
    }
    for (const { collection, id, init, set, create } of plan.patches ?? []) {
      // Values set inside the document, whatever its revision (unit-of-work.ts, PlannedPatch).
      const row = prepare(`SELECT doc, rev FROM ${q(collection)} WHERE id = ?`).get(id) as Row | undefined;
      if (row && create) throw staleConflict(); // a new suggestion's document: as an insert, it must not exist
      const doc = row ? (JSON.parse(row.doc) as Record<string, unknown>) : (JSON.parse(JSON.stringify(init)) as Record<string, unknown>);
      for (const [path, value] of Object.entries(set)) setPath(doc, path, JSON.parse(JSON.stringify(value)) as unknown);
      if (!row) prepare(`INSERT INTO ${q(collection)} (id, rev, doc) VALUES (?, ?, ?)`).run(id, 1, JSON.stringify(doc));
      else prepare(`UPDATE ${q(collection)} SET rev = ?, doc = ? WHERE id = ?`).run(row.rev + 1, JSON.stringify(doc), id);
    }
    for (const event of plan.events) {
      prepare('INSERT INTO events (id, at, suggestionId, entityId, doc) VALUES (?, ?, ?, ?, ?)').run(
        event.id,
        event.at,
        event.suggestionId ?? null,
        event.entityId,
        JSON.stringify(event),
      );
    }
    if (plan.remember) {
      const { id, action, actorId, at, response } = plan.remember;
      const exists = prepare('SELECT 1 FROM idempotency WHERE id = ?').get(id);
      if (exists) throw staleConflict();
      prepare('INSERT INTO idempotency (id, action, actorId, at, response) VALUES (?, ?, ?, ?, ?)').run(
        id,
        action,
        actorId,
        at,
        JSON.stringify(response ?? null),
      );
    }
  });

  const store: SqliteStore = {
    db,
    get: async (collection, id) => (await reader.getWithRev(collection, id))?.doc,
    getMany: async (collection, ids) => (await reader.getManyWithRev(collection, ids)).map((r) => r.doc),
    find: async (collection, query) => (await reader.findWithRev(collection, query)).map((r) => r.doc),
    count: reader.count,
    readStamp,
    events: reader.events,
    idempotency: reader.idempotency,
    transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
      return runUnitOfWork(
        reader,
        async (plan) => {
          try {
            // BEGIN IMMEDIATE: the write lock first (waiting up to busy_timeout for another process's
            // commit), then the revision checks. A deferred BEGIN would read first and then fail with
            // SQLITE_BUSY, without waiting, when another connection committed in between.
            applyPlan.immediate(plan);
          } catch (error) {
            if (error instanceof AppError) throw error;
            if (error instanceof Error && /UNIQUE constraint failed/.test(error.message)) throw staleConflict();
            throw error;
          }
        },
        fn,
      );
    },
    dump(except?: RegExp) {
      const tables = db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        .all() as { name: string }[];
      // The search tables (FTS5 and its shadow tables) follow from the documents: their rowid and text.
      const parts = tables.filter(({ name }) => !/__search_/.test(name) && !except?.test(name)).map(({ name }) => {
        const columns = /__search$/.test(name) ? 'rowid, text' : '*';
        const rows = db.prepare(`SELECT ${columns} FROM ${q(name)} ORDER BY rowid`).all();
        return `${name}\n${rows.map((row) => JSON.stringify(row)).join('\n')}`;
      });
      return parts.join('\n\n');
    },
    close() {
      db.close();
    },
  };
  return store;
}

function assertIndex(collection: CollectionName, name: string) {
  if (!(name in INDEXES[collection])) throw new Error(`unknown index ${collection}.${name}`);
}

function migrate(db: Database.Database) {
  const current = db.pragma('user_version', { simple: true }) as number;
  db.transaction(() => {
    for (let version = current; version < MIGRATIONS.length; version += 1) {
      for (const sql of MIGRATIONS[version] ?? []) db.exec(sql);
    }
    if (current < MIGRATIONS.length) db.pragma(`user_version = ${MIGRATIONS.length}`);
    syncIndexes(db);
  })();
}

/** Sets a top-level field, or `field.key` inside that field's object (created when absent). */
function setPath(doc: Record<string, unknown>, path: string, value: unknown): void {
  const dot = path.indexOf('.');
  if (dot < 0) {
    doc[path] = value;
    return;
  }
  const field = path.slice(0, dot);
  const inner = doc[field] && typeof doc[field] === 'object' ? (doc[field] as Record<string, unknown>) : (doc[field] = {} as Record<string, unknown>);
  (inner as Record<string, unknown>)[path.slice(dot + 1)] = value;
}
