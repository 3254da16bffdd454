/** JSON null means "absent" in ARM and in our files; model records use undefined (optional fields). */

type NoNulls<T> = { [K in keyof T]: Exclude<T[K], null> };

/** A shallow copy of `obj` without its null or undefined fields. */
export function dropNulls<T extends object>(obj: T): NoNulls<T> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) if (v !== null && v !== undefined) out[k] = v;
  return out as NoNulls<T>;
}
