/**
 * ARM JSON reaches us in camelCase (REST), PascalCase (PowerShell output) and mixtures of both.
 * Lower-casing every object key once lets one schema read them all.
 */

/** A deep copy of `value` whose object keys are all lower case (values untouched). */
export function lowerKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(lowerKeys);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k.toLowerCase()] = lowerKeys(v);
    return out;
  }
  return value;
}
