/** Shared pieces of every normalizer: the ResourceBase fields, list merging, casing of ARM enums. */
import { resourceGroupOf, subscriptionOf, type ResourceBase } from '../../model';
import type { Item } from '../collector';
import { IngestError } from '../ingestError';

/** A record while ingest still fills in derived fields (back-references); frozen in type afterwards. */
export type Draft<T> = { -readonly [K in keyof T]: T[K] };

/** The ResourceBase part of a record. */
export function base(item: Item<unknown>): ResourceBase {
  return {
    id: item.id,
    name: item.name,
    type: item.type,
    location: item.location,
    subscriptionId: subscriptionOf(item.id),
    resourceGroup: resourceGroupOf(item.id),
  };
}

/** `x` and `xs` merged (ARM's singular + plural fields), empty strings dropped, first spelling kept. */
export function merged(one: string | null | undefined, many: readonly string[] | null | undefined): string[] {
  const out: string[] = [];
  // Lists are short (a handful of prefixes), so includes() beats a Set and allocates nothing.
  const push = (v: string | null | undefined): void => {
    const t = v?.trim();
    if (t && !out.includes(t)) out.push(t);
  };
  push(one);
  if (many) for (const v of many) push(v);
  return out;
}

/** Maps an ARM enum value case-insensitively to its canonical spelling, or throws naming the field. */
export function canonical<T extends string>(
  value: string, table: Readonly<Record<string, T>>, file: string, path: string,
): T {
  const hit = table[value.toLowerCase()] ?? table[value.trim().toLowerCase()];
  if (hit === undefined) {
    const allowed = [...new Set(Object.values(table))].join(', ');
    throw new IngestError(file, path, `unknown value "${value}" (expected one of ${allowed})`);
  }
  return hit;
}

/** Maps case-insensitively when known, keeps the value as given otherwise (open-ended ARM enums). */
export function canonicalOrAsIs(value: string, table: Readonly<Record<string, string>>): string {
  return table[value.trim().toLowerCase()] ?? value;
}
