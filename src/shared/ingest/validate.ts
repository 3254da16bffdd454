/**
 * zod at the edge: every field ingest reads is checked for its JSON type before use, and the first
 * problem becomes an IngestError naming the file and the exact JSON path (`$[3].properties.priority`).
 */
import type { z } from 'zod';
import { IngestError, jsonKind, jsonPath } from './ingestError';

function valueAt(root: unknown, keys: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const k of keys) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

/**
 * Checks `value` against `schema` and returns it typed, or throws an IngestError at `path` (+ the
 * failing keys) in `file`. Returns the input itself, not zod's copy: ingest's schemas only check
 * (no transforms, defaults or coercion), so a value that passes already has the output type, and
 * not keeping a second copy of a 10,000-resource estate alive halves the garbage collector's work.
 */
export function validate<S extends z.ZodType>(schema: S, value: unknown, file: string, path: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return value as z.output<S>;
  const issue = result.error.issues[0];
  if (!issue) throw new IngestError(file, path, 'invalid value');
  const at = jsonPath(path, issue.path);
  if (issue.code === 'invalid_type') {
    const got = valueAt(value, issue.path);
    const detail = got === undefined ? `missing (expected ${issue.expected})` : `expected ${issue.expected}, got ${jsonKind(got)}`;
    throw new IngestError(file, at, detail);
  }
  throw new IngestError(file, at, issue.message);
}
