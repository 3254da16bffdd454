/**
 * ARM resource ids: Azure compares ids and types case-insensitively, and different APIs return
 * different casings for the same resource (e.g. `resourceGroups` vs `resourcegroups`). Every map in
 * the snapshot is keyed by {@link idKey}; the original spelling is kept on the record for display.
 */

// idKey is the hottest function of the engine (every map lookup): a bounded cache of
// id → key beats a regex and a lower-casing allocation per call.
const keyCache = new Map<string, string>();
const KEY_CACHE_LIMIT = 500_000;

function computeKey(id: string): string {
  let s = id;
  const c0 = s.charCodeAt(0);
  const cl = s.charCodeAt(s.length - 1);
  if (c0 <= 32 || cl <= 32) s = s.trim();
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 47 /* / */) end--;
  if (end !== s.length) s = s.slice(0, end);
  return s.toLowerCase();
}

/** The canonical map key of an ARM id: lower case, no trailing slash. */
export function idKey(id: string): string {
  let k = keyCache.get(id);
  if (k === undefined) {
    k = computeKey(id);
    if (keyCache.size >= KEY_CACHE_LIMIT) keyCache.clear();
    keyCache.set(id, k);
  }
  return k;
}

/** Same resource? (case-insensitive, ignores a trailing slash) */
export function sameId(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && idKey(a) === idKey(b);
}

/** The subscription GUID of an ARM id, lower case, or '' when the id has none. */
export function subscriptionOf(id: string): string {
  const m = /\/subscriptions\/([^/]+)/i.exec(id);
  return m?.[1]?.toLowerCase() ?? '';
}

/** The resource group name of an ARM id (original case), or ''. */
export function resourceGroupOf(id: string): string {
  const m = /\/resourceGroups\/([^/]+)/i.exec(id);
  return m?.[1] ?? '';
}

/** The id of the parent resource (`…/virtualNetworks/v/subnets/s` → `…/virtualNetworks/v`). */
export function parentId(id: string): string {
  const parts = id.replace(/\/+$/, '').split('/');
  return parts.slice(0, -2).join('/');
}

/** The last segment of an id: the resource's own name. */
export function lastSegment(id: string): string {
  // No split: ids are ~150 characters and the engine names resources on hot paths.
  let end = id.length;
  while (end > 0 && id.charCodeAt(end - 1) === 47) end--; // trailing '/'
  return id.slice(id.lastIndexOf('/', end - 1) + 1, end);
}

/** ARM resource types compare case-insensitively too. */
export function typeKey(type: string): string {
  return type.trim().toLowerCase();
}
