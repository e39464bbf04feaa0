// Reads the index fields of INDEXES out of a document, for the adapters that keep their own indexes,
// and works out the values derived from it (DERIVED_INDEXES).
import { ARRAY_INDEXES, DERIVED_INDEXES, INDEXES, type CollectionName, type Doc, type IndexValue } from '../ports';

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

function derivations(collection: CollectionName): Record<string, (doc: unknown) => IndexValue> {
  return (DERIVED_INDEXES[collection] ?? {}) as Record<string, (doc: unknown) => IndexValue>;
}

/** Whether the index at this path is derived from the document rather than read from a field of it. */
export function isDerivedPath(collection: CollectionName, path: string): boolean {
  return Object.prototype.hasOwnProperty.call(derivations(collection), path);
}

/** The derived index values of a document, by path (DERIVED_INDEXES): what CloudBase keeps beside its fields. */
export function derivedValues(collection: CollectionName, doc: unknown): Record<string, IndexValue> {
  const values: Record<string, IndexValue> = {};
  for (const [path, derive] of Object.entries(derivations(collection))) values[path] = derive(doc);
  return values;
}

/** The paths of every derived index value of any collection (never a field of a document). */
export const DERIVED_PATHS: readonly string[] = [...new Set(Object.values(DERIVED_INDEXES).flatMap((d) => Object.keys(d ?? {})))];

/** Scalar index values of a document (null where absent). */
export function scalarIndexValues<C extends CollectionName>(collection: C, doc: Doc<C>): Record<string, IndexValue | null> {
  const values: Record<string, IndexValue | null> = {};
  const derived = derivedValues(collection, doc);
  for (const [name, path] of indexFields(collection)) {
    if (!isArrayIndex(collection, name)) values[name] = asIndexValue(isDerivedPath(collection, path) ? derived[path] : valueAtPath(doc, path));
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
