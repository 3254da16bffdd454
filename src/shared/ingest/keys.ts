/**
 * `idKey` on the hot path. Ingest keys tens of thousands of ids; the model's idKey trims and runs a
 * regex on every call. Ids from ARM almost never carry whitespace or a trailing slash, so when the
 * first and last characters show there is nothing to strip, lower-casing alone gives the same key.
 */
import { idKey } from '../model';

/** Exactly `idKey(id)`, without the regex in the common case. */
export function keyOf(id: string): string {
  const first = id.charCodeAt(0);
  const last = id.charCodeAt(id.length - 1);
  return first > 32 && last > 32 && last !== 47 ? id.toLowerCase() : idKey(id);
}
