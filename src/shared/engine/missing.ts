/**
 * "Could we read it?" A referenced resource that is absent is either unreadable (its subscription or
 * type is in `snapshot.missing`, e.g. a 403 during harvest) — then dependent flows are `unknown` — or
 * simply dangling (a configuration error ingest already warned about).
 */
import { idKey, subscriptionOf } from '../model/armId';
import type { Snapshot } from '../model/snapshot';

/** The ARM type of an id (`microsoft.network/virtualnetworks/subnets`), lower case. */
export function typeOfId(id: string): string {
  const m = /\/providers\/(.+)$/i.exec(id);
  if (!m?.[1]) return '';
  const segs = m[1].split('/');
  const ns = segs[0] ?? '';
  const types: string[] = [];
  for (let i = 1; i < segs.length; i += 2) types.push(segs[i] ?? '');
  return [ns, ...types].join('/').toLowerCase();
}

/** True when `id` lies in a subscription, type or resource the snapshot records as unreadable. */
export function isUnreadable(snapshot: Snapshot, id: string): boolean {
  if (!snapshot.missing.length) return false;
  const key = idKey(id);
  const sub = subscriptionOf(id);
  const type = typeOfId(id);
  return snapshot.missing.some((m) => {
    if (m.kind === 'resource') return m.resourceId !== undefined && idKey(m.resourceId) === key;
    if (m.subscriptionId && m.subscriptionId.toLowerCase() !== sub) return false;
    if (m.kind === 'subscription') return true;
    const t = (m.resourceType ?? '').toLowerCase();
    return t !== '' && (type === t || type.startsWith(`${t}/`));
  });
}
