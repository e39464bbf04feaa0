// Ids an import derives from what it imports, never at random: a second run of one file (after a crash,
// or two coordinators at once) writes the same documents under the same ids, and the store's rule that
// an id is unique turns the second write into CONFLICT instead of a copy.
import { idFromKey } from '../ports/ids';

export function derivedId(prefix: string, ...parts: string[]): string {
  return idFromKey(prefix, JSON.stringify(parts));
}

export const importedSuggestionId = (session: string, number: string) => derivedId('s', 'import', session, number);
export const importedTaskId = (suggestionId: string, unitId: string) => derivedId('t', 'import', suggestionId, unitId);
export const importedDeputyId = (name: string, delegation: string | undefined) => derivedId('u', 'import-deputy', name, delegation ?? '');
export const importEventId = (entity: string, entityId: string) => derivedId('e', 'import', entity, entityId);
export const importedUnitId = (name: string) => derivedId('n', 'import-unit', name);
