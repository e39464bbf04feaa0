// Reads the index fields of INDEXES out of a document, for the adapters that keep their own indexes.
import { ARRAY_INDEXES, INDEXES, type CollectionName, type Doc, type IndexValue } from '../ports';

export function valueAtPath(doc: unknown, path: string): unknown {
  let current: unknown = doc;
  for (const part of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

export function indexFields<C extends CollectionName>(collection: C): [name: string, path: string][] {
  return Object.entries(INDEXES[collection] as Record<string, string>);
}

export function isArrayIndex(collection: CollectionName, name: string): boolean {
  return ARRAY_INDEXES[collection]?.includes(name) ?? false;
}

function asIndexValue(value: unknown): IndexValue | null {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : null;
}

/** Scalar index values of a document (null where absent). */
export function scalarIndexValues<C extends CollectionName>(collection: C, doc: Doc<C>): Record<string, IndexValue | null> {
  const values: Record<string, IndexValue | null> = {};
  for (const [name, path] of indexFields(collection)) {
    if (!isArrayIndex(collection, name)) values[name] = asIndexValue(valueAtPath(doc, path));
  }
  return values;
}

/** Elements of the array index fields of a document. */
export function arrayIndexValues<C extends CollectionName>(collection: C, doc: Doc<C>): Record<string, IndexValue[]> {
  const values: Record<string, IndexValue[]> = {};
  for (const [name, path] of indexFields(collection)) {
    if (!isArrayIndex(collection, name)) continue;
    const raw = valueAtPath(doc, path);
    values[name] = Array.isArray(raw) ? [...new Set(raw.map(asIndexValue).filter((v): v is IndexValue => v !== null))] : [];
  }
  return values;
}

export function indexPath(collection: CollectionName, name: string): string {
  const path = (INDEXES[collection] as Record<string, string>)[name];
  if (!path) throw new Error(`unknown index ${collection}.${name}`);
  return path;
}
