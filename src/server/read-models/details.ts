// A suggestion's detail document (read-models.ts, SuggestionDetailDoc) built from the record
// collections: for a suggestion whose document is missing (a data file from before them) and for the
// rebuild.
import type { Query, Reader } from '../ports/index';
import { DETAIL_PARTS, recordKey, type SuggestionDetailDoc } from '../ports/read-model-docs';
import { emptyDetail } from './project';

/** Detail documents built from the record collections: one query a kind for all the suggestions. */
export async function detailsFromCollections(reader: Pick<Reader, 'getMany' | 'find'>, suggestionIds: readonly string[]): Promise<SuggestionDetailDoc[]> {
  const where = { where: { suggestionId: [...suggestionIds] } };
  const [suggestions, ...parts] = await Promise.all([
    reader.getMany('suggestions', suggestionIds),
    ...DETAIL_PARTS.map((part) => reader.find(part, where as Query<typeof part>)),
  ]);
  const out = new Map(suggestions.map((s) => [s.id, { ...emptyDetail(s.id), suggestion: s }]));
  DETAIL_PARTS.forEach((part, i) => {
    for (const doc of parts[i]! as { id: string; suggestionId: string }[]) {
      const d = out.get(doc.suggestionId);
      if (d) (d[part] as Record<string, unknown>)[recordKey(doc.id)] = doc;
    }
  });
  return [...out.values()];
}

/**
 * A suggestion's detail document (one request; built from its collections
 * for a suggestion without one yet): a writer that reads it first has its suggestion and records
 * from it, and on CloudBase reads none of them again (unit-of-work.ts, FROM_DETAIL).
 */
export async function detailIn(reader: Pick<Reader, 'get' | 'getMany' | 'find'>, suggestionId: string): Promise<SuggestionDetailDoc | undefined> {
  const stored = await reader.get('suggestionDetails', suggestionId);
  if (stored?.suggestion) return stored;
  return (await detailsFromCollections(reader, [suggestionId]))[0];
}
