/**
 * The raw ARM objects of a snapshot file by id, including nested ones (subnets inside VNets, rules
 * inside NSGs). Exports copy from them what the model does not keep (tags, a compute's vmSize), so a
 * deployment does not wipe it.
 */
import type { ArmResource } from '../model';
import { idKey } from '../model';

/** id key → raw object. */
export type RawIndex = ReadonlyMap<string, Readonly<Record<string, unknown>>>;

function walk(value: unknown, out: Map<string, Record<string, unknown>>, depth: number): void {
  if (depth > 6 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const v of value) walk(v, out, depth + 1);
    return;
  }
  const obj = value as Record<string, unknown>;
  if (typeof obj.id === 'string' && obj.id.toLowerCase().startsWith('/subscriptions/') && !out.has(idKey(obj.id))) out.set(idKey(obj.id), obj);
  for (const v of Object.values(obj)) if (typeof v === 'object') walk(v, out, depth + 1);
}

/** Index every object with an ARM id in `resources`. */
export function indexRawResources(resources: readonly ArmResource[]): RawIndex {
  const out = new Map<string, Record<string, unknown>>();
  for (const r of resources) walk(r, out, 0);
  return out;
}

/** The raw `tags` of a resource, when it had string tags. */
export function rawTags(raw: RawIndex | undefined, id: string): Record<string, string> | undefined {
  const tags = raw?.get(idKey(id))?.tags;
  if (!tags || typeof tags !== 'object') return undefined;
  const entries = Object.entries(tags as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === 'string');
  return entries.length ? Object.fromEntries(entries) : undefined;
}

/** The raw `properties` object of a resource. */
export function rawProperties(raw: RawIndex | undefined, id: string): Record<string, unknown> | undefined {
  const p = raw?.get(idKey(id))?.properties;
  return p && typeof p === 'object' && !Array.isArray(p) ? (p as Record<string, unknown>) : undefined;
}
