/** JSON values → Bicep literals (strings single-quoted with Bicep's escapes, multi-line objects/arrays). */

/** A Bicep string literal. */
export function bicepString(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\$\{/g, '\\${').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t')}'`;
}

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Any JSON value as Bicep, indented by `indent` levels of two spaces. */
export function bicepValue(value: unknown, indent = 0): string {
  const pad = '  '.repeat(indent + 1);
  const end = '  '.repeat(indent);
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return bicepString(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => `${pad}${bicepValue(v, indent + 1)}`).join('\n')}\n${end}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, v]) => `${pad}${IDENT.test(k) ? k : bicepString(k)}: ${bicepValue(v, indent + 1)}`).join('\n')}\n${end}}`;
}

/** A unique Bicep identifier from free text (`nsg-compute/allow-x` → `nsgCompute_allowX`). */
export function bicepIdentifier(parts: readonly string[], taken: Set<string>): string {
  const camel = (s: string): string => s.replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : ''));
  let base = parts.map(camel).filter(Boolean).join('_') || 'res';
  if (!/^[A-Za-z_]/.test(base)) base = `r_${base}`;
  base = base.charAt(0).toLowerCase() + base.slice(1);
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base}${i}`;
  taken.add(name);
  return name;
}
