/** Private DNS: create a zone, link it to a VNet, add an A record (semantics §4.4, §7.3 D7). */
import type { PrivateDnsZone } from '../model';
import { lastSegment, sameId } from '../model';
import type { DnsRecordAddA, DnsZoneCreate, DnsZoneLink } from './edits';
import { isIpv4 } from './addressSyntax';
import { fail, type HandlerResult } from './handlerResult';
import { ARM_TYPES, childId, newResourceId } from './ids';
import { isValidResourceName, validatePlace } from './placeValidation';
import type { SnapshotDraft } from './snapshotDraft';

function isZoneName(name: string): boolean {
  return name.length <= 253 && /^(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))+$/.test(name);
}

/** A new empty zone (location `global`, as private DNS zones always are). */
export function applyDnsZoneCreate(draft: SnapshotDraft, edit: DnsZoneCreate): HandlerResult {
  const zoneName = edit.zoneName.toLowerCase().replace(/\.$/, '');
  if (!isZoneName(zoneName)) return fail('zoneName', `"${edit.zoneName}" is not a DNS zone name.`);
  const place = { subscriptionId: edit.subscriptionId, resourceGroup: edit.resourceGroup, name: 'zone', location: 'global' };
  const error = validatePlace(draft, place, 'dnsZones', ARM_TYPES.dnsZone);
  if (error) return { error: { field: error.field.replace('place.', ''), message: error.message } };
  const id = newResourceId({ ...place, name: zoneName }, ARM_TYPES.dnsZone);
  if (draft.get('dnsZones', id)) return fail('zoneName', `Zone ${zoneName} already exists in resource group ${edit.resourceGroup}.`);
  const zone: PrivateDnsZone = {
    id, name: zoneName, type: ARM_TYPES.dnsZone, location: 'global', subscriptionId: edit.subscriptionId.toLowerCase(),
    resourceGroup: edit.resourceGroup, zoneName, links: [], aRecords: {},
  };
  draft.set('dnsZones', id, zone);
  return { changes: [{ action: 'create', resourceId: id, type: ARM_TYPES.dnsZone }] };
}

/** Link a zone to a VNet for resolution (and registration when asked). */
export function applyDnsZoneLink(draft: SnapshotDraft, edit: DnsZoneLink): HandlerResult {
  const zone = draft.get('dnsZones', edit.zoneId);
  if (!zone) return fail('zoneId', `Private DNS zone ${edit.zoneId} is not in the snapshot.`);
  const vnet = draft.get('vnets', edit.vnetId);
  if (!vnet) return fail('vnetId', `VNet ${edit.vnetId} is not in the snapshot.`);
  if (zone.links.some((l) => sameId(l.vnetId, vnet.id))) return fail('vnetId', `Zone ${zone.zoneName} is already linked to ${vnet.name}.`);
  const name = edit.linkName ?? `${vnet.name}-link`;
  if (!isValidResourceName(name)) return fail('linkName', `"${name}" is not a valid link name.`);
  if (zone.links.some((l) => l.name.toLowerCase() === name.toLowerCase())) return fail('linkName', `Zone ${zone.zoneName} already has a link named ${name}.`);
  if (edit.registrationEnabled) {
    for (const z of draft.values('dnsZones')) {
      if (z.links.some((l) => l.registrationEnabled && sameId(l.vnetId, vnet.id))) {
        return fail('registrationEnabled', `${vnet.name} already has a registration zone (${z.zoneName}); a VNet can have only one.`);
      }
    }
  }
  const id = childId(zone.id, 'virtualNetworkLinks', name);
  const link = { id, name, zoneId: zone.id, vnetId: vnet.id, registrationEnabled: edit.registrationEnabled ?? false, linkState: 'Completed' };
  draft.set('dnsZones', zone.id, { ...zone, links: [...zone.links, link] });
  return { changes: [{ action: 'create', resourceId: id, type: ARM_TYPES.dnsLink }] };
}

/** Add (or extend) an A record set. */
export function applyDnsRecordAddA(draft: SnapshotDraft, edit: DnsRecordAddA): HandlerResult {
  const zone = draft.get('dnsZones', edit.zoneId);
  if (!zone) return fail('zoneId', `Private DNS zone ${edit.zoneId} is not in the snapshot.`);
  const record = edit.recordName.toLowerCase();
  if (!/^(@|(\*|[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)(\.[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)*)$/.test(record)) {
    return fail('recordName', `"${edit.recordName}" is not a relative record name (use @ for the zone apex).`);
  }
  if (edit.ipv4Addresses.length === 0) return fail('ipv4Addresses', 'An A record needs at least one IPv4 address.');
  const bad = edit.ipv4Addresses.find((ip) => !isIpv4(ip));
  if (bad !== undefined) return fail('ipv4Addresses', `"${bad}" is not an IPv4 address.`);
  if (edit.ttl !== undefined && (!Number.isInteger(edit.ttl) || edit.ttl < 1 || edit.ttl > 2147483647)) return fail('ttl', `TTL ${edit.ttl} must be a positive whole number of seconds.`);
  const existing = zone.aRecords[record];
  const ips = [...new Set([...(existing ?? []), ...edit.ipv4Addresses])];
  if (existing && ips.length === existing.length) return fail('ipv4Addresses', `${record}.${zone.zoneName} already holds ${edit.ipv4Addresses.join(', ')}.`);
  draft.set('dnsZones', zone.id, { ...zone, aRecords: { ...zone.aRecords, [record]: ips } });
  return {
    changes: [{
      action: existing ? 'update' : 'create', resourceId: childId(zone.id, 'A', record), type: ARM_TYPES.dnsA,
      ...(edit.ttl !== undefined ? { hints: { ttl: edit.ttl } } : {}),
    }],
  };
}

/** Zone name from a zone id (the last segment). */
export function zoneNameOf(zoneId: string): string {
  return lastSegment(zoneId).toLowerCase();
}
