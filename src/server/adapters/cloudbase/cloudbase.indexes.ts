// The CloudBase index definitions every query of the use cases and the reminder sweep needs, derived
// from the one INDEXES table (plus the composites the combined queries use). Print them with
// `npx tsx src/server/adapters/cloudbase/cloudbase.indexes.ts` and create them in the console (数据库 → 索引管理).
import { COMPOSITE_INDEXES, INDEXES, SEARCH_FIELDS, type CollectionName } from '../../ports';
import { EVENTS, SEARCH_GRAMS } from './cloudbase.store';
import { COUNTERS, NESTED_COUNTER_FIELDS } from './cloudbase.counters';
import { DETAILS, homeOf, ROW } from './cloudbase.rows';
import { LEDGER, TASK } from './cloudbase.tasks';

export interface IndexDefinition {
  collection: string;
  name: string;
  unique: boolean;
  keys: { field: string; direction: 1 | -1 }[];
}

const single = (collection: string, field: string, unique = false): IndexDefinition => ({
  collection,
  name: `${field.replace(/\./g, '_')}_id`,
  unique,
  // Every find pages by _id, so each equality index carries _id second.
  keys: [{ field, direction: 1 }, { field: '_id', direction: 1 }],
});

const composite = (collection: string, fields: string[], unique = false): IndexDefinition => ({
  collection,
  name: fields.map((f) => f.replace(/\./g, '_')).join('_'),
  unique,
  keys: fields.map((field) => ({ field, direction: 1 as const })),
});

export function cloudBaseIndexes(): IndexDefinition[] {
  const out: IndexDefinition[] = [];
  // A suggestion's list row is kept in its detail document under `row` (cloudbase.rows.ts): its
  // indexes are the detail documents', on `row.<field>`; a task in its ledger row under `task`
  // (cloudbase.tasks.ts): its indexes are the ledger rows', on `task.<field>`.
  for (const [collection, fields] of Object.entries(INDEXES) as [CollectionName, Record<string, string>][]) {
    const { name: home, prefix } = homeOf(collection);
    for (const [name, path] of Object.entries(fields)) {
      // A counter's unit is a key inside its year-session document, no field to index (cloudbase.counters.ts).
      if (collection === COUNTERS && NESTED_COUNTER_FIELDS.includes(name)) continue;
      out.push(single(home, prefix + path));
    }
  }
  // The office's filtered, sorted pages (read models), and the search pieces of their text.
  for (const [collection, list] of Object.entries(COMPOSITE_INDEXES) as [CollectionName, string[][]][]) {
    const { name: home, prefix } = homeOf(collection);
    for (const fields of list) out.push(composite(home, [...fields.map((f) => prefix + indexPathOf(collection, f)), '_id']));
  }
  for (const collection of Object.keys(SEARCH_FIELDS)) {
    const { name: home, prefix } = homeOf(collection);
    out.push(single(home, prefix + SEARCH_GRAMS));
  }
  out.push(
    // The detail documents that hold a row: every rows query (and the count of all rows).
    single(DETAILS, `${ROW}.id`),
    composite('suggestions', ['session', 'number'], true), // 建议号 unique per session
    composite('users', ['unitId', 'roles']),
    // The reminder sweep: state = s AND due.x < horizon, by _id (tasks, in their ledger rows).
    ...['due.reply', 'due.returnWindow', 'due.coOpinion', 'due.rehandling'].map((due) => composite(LEDGER, [`${TASK}.state`, `${TASK}.${due}`, '_id'])),
    composite(LEDGER, [`${TASK}.suggestionId`, `${TASK}.state`]),
    composite(EVENTS, ['suggestionId', 'seq']),
    composite(EVENTS, ['entityId', 'seq']),
    composite(EVENTS, ['seq']),
  );
  return out;
}

function indexPathOf(collection: CollectionName, name: string): string {
  return (INDEXES[collection] as Record<string, string>)[name] ?? name;
}

/** The rows of the table in docs/cloudbase-indexes.md. */
export function markdownRows(): string {
  return cloudBaseIndexes()
    .map((d) => `| ${d.collection} | ${d.name} | ${d.keys.map((k) => `${k.field} ${k.direction === 1 ? '↑' : '↓'}`).join(', ')} | ${d.unique ? '是' : '否'} |`)
    .join('\n');
}

if (require.main === module) console.log(process.argv.includes('--markdown') ? markdownRows() : JSON.stringify(cloudBaseIndexes(), null, 2));
