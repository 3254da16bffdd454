/** Private DNS: a VNet can have auto-registration on in one private zone only. */
import type { PrivateDnsZone } from '../../model';
import { keyOf } from '../keys';
import { warning, type CheckContext } from './types';

/** Warns for every VNet with more than one registration-enabled link. */
export function checkRegistrationLinks(zones: Iterable<PrivateDnsZone>, ctx: CheckContext): void {
  const byVnet = new Map<string, { vnetId: string; zones: string[]; linkIds: string[] }>();
  for (const z of zones) {
    for (const l of z.links) {
      if (!l.registrationEnabled || !l.vnetId) continue;
      const entry = byVnet.get(keyOf(l.vnetId)) ?? { vnetId: l.vnetId, zones: [], linkIds: [] };
      entry.zones.push(z.zoneName);
      entry.linkIds.push(l.id);
      byVnet.set(keyOf(l.vnetId), entry);
    }
  }
  for (const e of byVnet.values()) {
    if (e.zones.length < 2) continue;
    ctx.warn(warning(ctx, 'registration-zone-conflict', `${e.vnetId} has auto-registration enabled in ${e.zones.length} private DNS zones (${e.zones.join(', ')}); Azure allows one`, e.linkIds[1] ?? e.vnetId));
  }
}
