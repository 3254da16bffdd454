/**
 * Building blocks for the per-type schemas. ARM writes `null` as often as it omits a field, so every
 * optional field is `nullish`; objects strip keys ingest does not read (they stay in the raw file).
 */
import { z } from 'zod';

/** An optional string (absent or null allowed). */
export const optStr = z.string().nullish();
/** An optional boolean. */
export const optBool = z.boolean().nullish();
/** An optional number. */
export const optNum = z.number().nullish();
/** An optional list of strings. */
export const optStrs = z.array(z.string()).nullish();
/** A sub-resource reference `{ id }`. */
export const ref = z.object({ id: optStr }).nullish();
/** A list of sub-resource references. */
export const refs = z.array(z.object({ id: optStr }).nullable()).nullish();

/** A top-level ARM resource whose `properties` has the given shape. */
export function resourceSchema<P extends z.ZodRawShape>(props: P) {
  return z.object({
    id: z.string(),
    name: optStr,
    type: optStr,
    location: optStr,
    properties: z.object(props).nullish(),
  });
}

/** A child resource nested in its parent: ARM gives it an id, hand-written input may give only a name. */
export function childSchema<P extends z.ZodRawShape>(props: P) {
  return z.object({
    id: optStr,
    name: optStr,
    type: optStr,
    properties: z.object(props).nullish(),
  });
}

/** Ids of a reference list, without empty entries. */
export function refIds(list: readonly ({ id?: string | null } | null)[] | null | undefined): string[] {
  const out: string[] = [];
  for (const r of list ?? []) if (r?.id) out.push(r.id);
  return out;
}
