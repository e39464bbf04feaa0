// The query language of the CloudBase document database as the SDK sends it, evaluated over plain
// documents. The database is MongoDB underneath and the SDK serialises its commands to MongoDB
// operators (@cloudbase/database dist/commonjs/serializer/query.js: _.gt → {$gt}, a.and(b) → {$and}),
// so matching follows MongoDB's rules: a dotted path reaches into nested objects, a path that meets an
// array matches any of its elements, and comparisons only hold between values of one type.

export type Docu = Record<string, unknown>;

/** Every value a dotted path reaches in a document, expanding arrays along the way (MongoDB's rule). */
export function valuesAt(doc: unknown, path: string): unknown[] {
  let current: unknown[] = [doc];
  for (const part of path.split('.')) {
    const next: unknown[] = [];
    for (const value of current) {
      if (Array.isArray(value)) {
        for (const element of value) if (element && typeof element === 'object' && part in (element as Docu)) next.push((element as Docu)[part]);
        if (/^\d+$/.test(part) && Number(part) < value.length) next.push(value[Number(part)]);
      } else if (value && typeof value === 'object' && part in (value as Docu)) {
        next.push((value as Docu)[part]);
      }
    }
    current = next;
  }
  // A terminal array matches as a whole and by each element.
  return current.flatMap((v) => (Array.isArray(v) ? [v, ...v] : [v]));
}

const typeRank = (v: unknown): number => {
  if (v === undefined || v === null) return 0;
  if (typeof v === 'number') return 1;
  if (typeof v === 'string') return 2;
  if (v instanceof Date) return 5;
  if (typeof v === 'boolean') return 4;
  if (Array.isArray(v)) return 6;
  return 3;
};

/** MongoDB's sort order across types (null < numbers < strings < objects < booleans < dates). */
export function compareValues(a: unknown, b: unknown): number {
  const ra = typeRank(a);
  const rb = typeRank(b);
  if (ra !== rb) return ra - rb;
  if (a instanceof Date && b instanceof Date) return a.getTime() - b.getTime();
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  const ja = JSON.stringify(a);
  const jb = JSON.stringify(b);
  return ja < jb ? -1 : ja > jb ? 1 : 0;
}

const deepEqual = (a: unknown, b: unknown) => compareValues(a, b) === 0 && JSON.stringify(a) === JSON.stringify(b);
const isOperatorObject = (v: unknown): v is Docu =>
  !!v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date) && Object.keys(v).length > 0 && Object.keys(v).every((k) => k.startsWith('$'));

/** Comparisons hold only between values of the same type (MongoDB's type bracketing). */
const comparable = (a: unknown, b: unknown) => typeRank(a) === typeRank(b) && typeRank(a) !== 0;

function matchOperator(values: unknown[], op: string, arg: unknown): boolean {
  switch (op) {
    case '$eq':
      // db.RegExp arrives as EJSON {$regularExpression: {pattern, options}}, which EJSON.parse turns into
      // a BSONRegExp: a string value matching the pattern (文档「数据库 › 正则表达式」).
      if (isRegExpValue(arg)) return values.some((v) => typeof v === 'string' && regExpOf(arg).test(v));
      return values.some((v) => deepEqual(v, arg)) || (arg === null && values.length === 0);
    case '$ne':
      return !matchOperator(values, '$eq', arg);
    case '$gt':
      return values.some((v) => comparable(v, arg) && compareValues(v, arg) > 0);
    case '$gte':
      return values.some((v) => comparable(v, arg) && compareValues(v, arg) >= 0);
    case '$lt':
      return values.some((v) => comparable(v, arg) && compareValues(v, arg) < 0);
    case '$lte':
      return values.some((v) => comparable(v, arg) && compareValues(v, arg) <= 0);
    case '$in':
      return Array.isArray(arg) && arg.some((a) => matchOperator(values, '$eq', a));
    case '$nin':
      return Array.isArray(arg) && !arg.some((a) => matchOperator(values, '$eq', a));
    case '$exists':
      return arg ? values.length > 0 : values.length === 0;
    // db.command.all (云开发文档「数据库 › 查询指令 › all」: the array holds every given element), serialised
    // by @cloudbase/database's QueryCommand as MongoDB's {$all: [...]}.
    case '$all':
      return Array.isArray(arg) && arg.length > 0 && arg.every((a) => matchOperator(values, '$eq', a));
    default:
      throw new QueryError(`unsupported operator ${op}`);
  }
}

export class QueryError extends Error {}

/** A regular expression as EJSON.parse gives it (bson's BSONRegExp) or a JavaScript RegExp. */
function isRegExpValue(v: unknown): v is { pattern: string; options?: string } | RegExp {
  return v instanceof RegExp || (!!v && typeof v === 'object' && (v as { _bsontype?: string })._bsontype === 'BSONRegExp');
}

function regExpOf(v: { pattern: string; options?: string } | RegExp): RegExp {
  if (v instanceof RegExp) return v;
  return new RegExp(v.pattern, (v.options ?? '').replace(/[^imsu]/g, ''));
}

/** Whether a document matches a MongoDB-style filter. */
export function matches(doc: Docu, filter: unknown): boolean {
  if (!filter || typeof filter !== 'object') return true;
  for (const [key, condition] of Object.entries(filter as Docu)) {
    if (key === '$and') {
      if (!(condition as unknown[]).every((c) => matches(doc, c))) return false;
      continue;
    }
    if (key === '$or') {
      if (!(condition as unknown[]).some((c) => matches(doc, c))) return false;
      continue;
    }
    if (key === '$nor') {
      if ((condition as unknown[]).some((c) => matches(doc, c))) return false;
      continue;
    }
    const values = valuesAt(doc, key);
    if (isOperatorObject(condition)) {
      for (const [op, arg] of Object.entries(condition)) {
        if (op === '$and' || op === '$or') {
          const parts = (arg as unknown[]).map((part) => matches(doc, { [key]: part }));
          if (op === '$and' ? !parts.every(Boolean) : !parts.some(Boolean)) return false;
        } else if (!matchOperator(values, op, arg)) return false;
      }
    } else if (!matchOperator(values, '$eq', condition)) return false;
  }
  return true;
}

/** Sort by an order object { field: 1 | -1, ... } (the SDK's orderBy, serialised in call order). */
export function sortDocs(docs: Docu[], order: Record<string, number> | undefined): Docu[] {
  if (!order || Object.keys(order).length === 0) return docs;
  const keys = Object.entries(order);
  return [...docs].sort((a, b) => {
    for (const [field, direction] of keys) {
      const c = compareValues(valuesAt(a, field)[0], valuesAt(b, field)[0]);
      if (c !== 0) return direction < 0 ? -c : c;
    }
    return 0;
  });
}

/**
 * Sets the value at a dotted path, creating the embedded documents a path needs that are not there
 * (MongoDB $set/$inc: "If you specify a dotted path for a non-existent field, $set will create the
 * embedded documents as needed", docs.mongodb.com "$set"). A path through a value that is there and is
 * no document cannot be set: MongoDB refuses the update ("Cannot create field 'b' in element {a: 1}").
 */
function setPath(doc: Docu, path: string, value: unknown) {
  const parts = path.split('.');
  let current: Docu = doc;
  for (const [i, part] of parts.slice(0, -1).entries()) {
    if (current[part] === undefined) current[part] = {};
    else if (!current[part] || typeof current[part] !== 'object') {
      throw new QueryError(`Cannot create field '${parts[i + 1]}' in element {${part}: ${JSON.stringify(current[part])}}`);
    }
    current = current[part] as Docu;
  }
  current[parts[parts.length - 1]!] = value;
}

/**
 * A document with only the fields a projection names: the SDK's Query.field() sends
 * { path: 1 | 0 } (@cloudbase/database query.js field(): true → 1, false → 0) as `projection`, which the
 * service applies as MongoDB does ("Collection.field / Query.field: 指定返回结果中记录需返回的字段",
 * developers.weixin.qq.com wxcloud reference-server-api database; docs.mongodb.com "Project Fields to
 * Return from Query"): an inclusion keeps the named paths, a dotted one inside its embedded document
 * (and in each document of an array on the way), and _id unless it is excluded; an exclusion drops the
 * named paths; mixing the two (other than _id) is refused.
 */
export function project(doc: Docu, projection: Record<string, unknown> | undefined): Docu {
  if (!projection || Object.keys(projection).length === 0) return doc;
  for (const value of Object.values(projection)) if (typeof value !== 'number' && typeof value !== 'boolean') throw new QueryError('unsupported projection operator');
  const on = (value: unknown) => value === true || (typeof value === 'number' && value !== 0);
  const fields = Object.entries(projection).filter(([path]) => path !== '_id');
  const including = fields.some(([, v]) => on(v));
  if (including && fields.some(([, v]) => !on(v))) {
    const [path] = fields.find(([, v]) => !on(v))!;
    throw new QueryError(`Cannot do exclusion on field ${path} in inclusion projection`);
  }
  const withId = !('_id' in projection) || on(projection._id);
  if (!including) {
    const out = structuredClone(doc);
    for (const [path] of fields) unsetPath(out, path);
    if (!withId) delete out._id;
    return out;
  }
  const keep = (value: unknown, paths: string[][]): unknown => {
    if (Array.isArray(value)) return value.filter((e) => e && typeof e === 'object' && !Array.isArray(e)).map((e) => keep(e, paths));
    const source = value as Docu;
    const out: Docu = {};
    for (const [key, inner] of Object.entries(source)) {
      const below = paths.filter((p) => p[0] === key);
      if (below.length === 0) continue;
      if (below.some((p) => p.length === 1)) out[key] = structuredClone(inner);
      else if (inner && typeof inner === 'object') out[key] = keep(inner, below.map((p) => p.slice(1)));
    }
    return out;
  };
  const out = keep(doc, fields.map(([path]) => path.split('.'))) as Docu;
  return withId && doc._id !== undefined ? { _id: doc._id, ...out } : out;
}

function unsetPath(doc: Docu, path: string) {
  const parts = path.split('.');
  let current: unknown = doc;
  for (const part of parts.slice(0, -1)) {
    if (!current || typeof current !== 'object') return;
    current = (current as Docu)[part];
  }
  if (current && typeof current === 'object') delete (current as Docu)[parts[parts.length - 1]!];
}

/**
 * A document after an update: operators ($set, $unset, $inc, $push) as the SDK's UpdateSerializer
 * sends them for doc.update(), a merge of plain fields, or (merge = false, doc.set()) a replacement.
 */
export function applyUpdate(current: Docu, data: Docu, merge: boolean): Docu {
  const hasOperators = Object.keys(data).some((k) => k.startsWith('$'));
  if (!hasOperators) return merge ? { ...current, ...structuredClone(data), _id: current._id } : { ...structuredClone(data), _id: current._id };
  const next = structuredClone(current);
  for (const [op, fields] of Object.entries(data)) {
    for (const [path, value] of Object.entries(fields as Docu)) {
      if (path === '_id') throw new QueryError('不能更新_id的值');
      switch (op) {
        case '$set':
          setPath(next, path, structuredClone(value));
          break;
        case '$unset':
          unsetPath(next, path);
          break;
        // A path not there yet starts at zero: "If the field does not exist, $inc creates the field and
        // sets the field to the specified value" (docs.mongodb.com "$inc"), embedded documents included.
        case '$inc':
          setPath(next, path, Number(valuesAt(next, path)[0] ?? 0) + Number(value));
          break;
        case '$push': {
          const list = valuesAt(next, path)[0];
          const items = value && typeof value === 'object' && '$each' in (value as Docu) ? ((value as Docu).$each as unknown[]) : [value];
          setPath(next, path, [...(Array.isArray(list) ? list : []), ...structuredClone(items)]);
          break;
        }
        default:
          throw new QueryError(`unsupported update operator ${op}`);
      }
    }
  }
  return next;
}
