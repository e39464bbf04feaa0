import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cloudBaseIndexes, markdownRows } from '../../../src/server/adapters/cloudbase/cloudbase.indexes';
import { CLOUD_COLLECTIONS } from '../../../src/server/adapters/cloudbase/cloudbase.store';
import { NESTED_COUNTER_FIELDS } from '../../../src/server/adapters/cloudbase/cloudbase.counters';
import { homeOf } from '../../../src/server/adapters/cloudbase/cloudbase.rows';
import { INDEXES } from '../../../src/server/ports';

describe('CloudBase index definitions', () => {
  const defs = cloudBaseIndexes();

  it('cover every field the store port can be queried by, each with _id for paging', () => {
    for (const [collection, fields] of Object.entries(INDEXES)) {
      for (const [name, path] of Object.entries(fields as Record<string, string>)) {
        // A counter's unit is a key inside its year-session document: read with the year and session's documents.
        if (collection === 'statCounters' && NESTED_COUNTER_FIELDS.includes(name)) continue;
        // A suggestion's list row is kept in its detail document under `row`, a task in its ledger row under `task`.
        const home = homeOf(collection);
        expect(defs).toContainEqual(expect.objectContaining({ collection: home.name, keys: [{ field: home.prefix + path, direction: 1 }, { field: '_id', direction: 1 }] }));
      }
    }
    expect(defs.some((d) => d.collection === 'tasks' || d.collection === 'suggestionRows')).toBe(false);
  });

  it('stay within the indexes a collection may have (每个集合内最多可创建100个索引, cloud.tencent.com/document/product/878/18436)', () => {
    const perCollection = new Map<string, number>();
    for (const def of defs) perCollection.set(def.collection, (perCollection.get(def.collection) ?? 0) + 1);
    expect(Math.max(...perCollection.values())).toBeLessThanOrEqual(100);
    // Every index a collection has is unique by name.
    expect(new Set(defs.map((d) => `${d.collection}/${d.name}`)).size).toBe(defs.length);
  });

  it('make 建议号 unique within a session', () => {
    expect(defs).toContainEqual(expect.objectContaining({ collection: 'suggestions', unique: true, keys: [{ field: 'session', direction: 1 }, { field: 'number', direction: 1 }] }));
  });

  it('are all listed in the documentation', () => {
    const doc = readFileSync(join(__dirname, '../../../docs/cloudbase-indexes.md'), 'utf8');
    for (const def of defs) expect(doc).toContain(`| ${def.collection} | ${def.name} |`);
    expect(doc).toContain(markdownRows());
  });

  it('serve the office’s filtered, sorted pages and the search', () => {
    expect(defs).toContainEqual(expect.objectContaining({ collection: 'ledgerRows', keys: [{ field: 'unitId', direction: 1 }, { field: 'sortKey', direction: 1 }, { field: '_id', direction: 1 }] }));
    expect(defs).toContainEqual(expect.objectContaining({ collection: 'suggestionDetails', keys: [{ field: 'row._searchGrams', direction: 1 }, { field: '_id', direction: 1 }] }));
    expect(defs).toContainEqual(
      expect.objectContaining({ collection: 'suggestionDetails', keys: [{ field: 'row.status', direction: 1 }, { field: 'row.sortKey', direction: 1 }, { field: '_id', direction: 1 }] }),
    );
    expect(defs.filter((d) => d.collection === 'suggestionRows')).toEqual([]);
  });

  it('list every collection the CloudBase store uses, and nothing else, in the documentation', () => {
    const doc = readFileSync(join(__dirname, '../../../docs/cloudbase-indexes.md'), 'utf8');
    const section = doc.slice(doc.indexOf('## 集合'), doc.indexOf('## 索引'));
    const listed = [...section.matchAll(/^\| (\w+) \| /gm)].map((m) => m[1]).filter((name) => name !== '集合');
    expect(listed.sort()).toEqual([...CLOUD_COLLECTIONS].sort());
  });
});
