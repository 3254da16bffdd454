/**
 * The one error type for unusable input. The CLI maps it to exit code 2 and prints only its message,
 * so the message must stand alone: the file, the JSON path, and what was wrong.
 */

/** An input problem; message names the file and the JSON path, e.g. `estate.json: $[3].properties.subnets[0].properties.addressPrefix: expected string`. */
export class IngestError extends Error {
  /** The input file name as the user gave it. */
  readonly file: string;
  /** JSON path into that file (`$[3].properties.priority`), or a `line L, column C` location for syntax errors; '' when the whole file is at fault. */
  readonly path: string;
  /** The bare problem, without file and path (for UIs that show those apart). */
  readonly detail: string;

  constructor(file: string, path: string, detail: string) {
    super(path ? `${file}: ${path}: ${detail}` : `${file}: ${detail}`);
    this.name = 'IngestError';
    this.file = file;
    this.path = path;
    this.detail = detail;
  }
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** Appends one step to a JSON path: `.name` for plain keys, `["odd key"]` otherwise, `[3]` for indexes. */
export function jsonPathStep(base: string, key: PropertyKey): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  const k = String(key);
  return IDENTIFIER.test(k) ? `${base}.${k}` : `${base}[${JSON.stringify(k)}]`;
}

/** Builds a JSON path from a base (`$[3]`) and the keys below it, as zod reports them. */
export function jsonPath(base: string, keys: readonly PropertyKey[]): string {
  let path = base;
  for (const key of keys) path = jsonPathStep(path, key);
  return path;
}

/** A short name for a JSON value's kind, for "expected X, got Y" messages. */
export function jsonKind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}
