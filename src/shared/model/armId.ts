/**
 * ARM resource ids: Azure compares ids and types case-insensitively, and different APIs return
 * different casings for the same resource (e.g. `resourceGroups` vs `resourcegroups`). Every map in
 * the snapshot is keyed by {@link idKey}; the original spelling is kept on the record for display.
 */

/** The canonical map key of an ARM id: lower case, no trailing slash. */
export function idKey(id: string): string {
  return id.trim().replace(/\/+$/, '').toLowerCase();
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
  const parts = id.replace(/\/+$/, '').split('/');
  return parts[parts.length - 1] ?? '';
}

/** ARM resource types compare case-insensitively too. */
export function typeKey(type: string): string {
  return type.trim().toLowerCase();
}
