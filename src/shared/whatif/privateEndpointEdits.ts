/**
 * Add a private endpoint (workspace, storage, Key Vault, ACR) with its DNS zone group. Like Azure, the
 * zone group writes (overwrites) the endpoint's A records in every zone of the group (semantics §4.2–4.3).
 */
import type { PrivateEndpoint, Subnet } from '../model';
import { sameId } from '../model';
import type { ArmChange, PrivateEndpointAdd } from './edits';
import { cidrContains, usableIpv4 } from './addressSyntax';
import { fail, type HandlerResult } from './handlerResult';
import { ARM_TYPES, childId, newResourceId } from './ids';
import { validatePlace } from './placeValidation';
import { PRIVATE_LINK_GROUPS, recordsForTarget, targetTypeOf, zonesForGroup } from './privateLinkZones';
import type { SnapshotDraft } from './snapshotDraft';

function takenIps(draft: SnapshotDraft, subnet: Subnet): Set<string> {
  const taken = new Set<string>();
  for (const pe of draft.values('privateEndpoints')) if (sameId(pe.subnetId, subnet.id)) pe.privateIps.forEach((ip) => taken.add(ip));
  for (const nic of draft.values('nics')) if (nic.subnetIds.some((s) => sameId(s, subnet.id))) nic.privateIps.forEach((ip) => taken.add(ip));
  return taken;
}

function pickIp(draft: SnapshotDraft, subnet: Subnet, wanted: string | undefined): string | { field: string; message: string } {
  const taken = takenIps(draft, subnet);
  const v4 = subnet.addressPrefixes.filter((p) => !p.includes(':'));
  if (wanted !== undefined) {
    const usable = v4.some((p) => [...usableIpv4(p)].includes(wanted));
    if (!usable) return { field: 'privateIp', message: `${wanted} is not a usable address of subnet ${subnet.name} (${v4.join(', ')}); Azure reserves the first four and the last.` };
    if (taken.has(wanted)) return { field: 'privateIp', message: `${wanted} is already used in subnet ${subnet.name}.` };
    return wanted;
  }
  // ipConfigurations ARM listed but we cannot see (other NICs) also hold addresses: skip that many.
  let skip = Math.max(0, subnet.usedAddressCount - taken.size);
  for (const prefix of v4) {
    for (const ip of usableIpv4(prefix)) {
      if (taken.has(ip)) continue;
      if (skip > 0) { skip--; continue; }
      return ip;
    }
  }
  return { field: 'subnetId', message: `Subnet ${subnet.name} has no free address left.` };
}

/** The endpoint, its zone group and the A records the group writes. */
export function applyPrivateEndpointAdd(draft: SnapshotDraft, edit: PrivateEndpointAdd): HandlerResult {
  const placeError = validatePlace(draft, edit.place, 'privateEndpoints', ARM_TYPES.privateEndpoint);
  if (placeError) return { error: placeError };
  const subnet = draft.get('subnets', edit.subnetId);
  if (!subnet) return fail('subnetId', `Subnet ${edit.subnetId} is not in the snapshot.`);
  const vnet = draft.get('vnets', subnet.vnetId);
  if (vnet && vnet.location.toLowerCase() !== edit.place.location.toLowerCase()) {
    return fail('place.location', `A private endpoint must be in its VNet's region (${vnet.location}), not ${edit.place.location}.`);
  }
  if (vnet && vnet.subscriptionId !== edit.place.subscriptionId.toLowerCase()) {
    return fail('place.subscriptionId', `A private endpoint must be in its VNet's subscription (${vnet.subscriptionId}).`);
  }
  const targetType = targetTypeOf(edit.targetId);
  const groups = PRIVATE_LINK_GROUPS[targetType];
  if (!groups) return fail('targetId', `${edit.targetId} is not a workspace, storage account, key vault or container registry.`);
  if (!groups.includes(edit.groupId.toLowerCase())) return fail('groupId', `Group id "${edit.groupId}" does not exist for ${targetType}; use ${groups.join(', ')}.`);
  const workspace = draft.get('workspaces', edit.targetId);
  if (targetType === 'microsoft.machinelearningservices/workspaces' && !workspace) return fail('targetId', `Workspace ${edit.targetId} is not in the snapshot.`);
  const ip = pickIp(draft, subnet, edit.privateIp);
  if (typeof ip !== 'string') return { error: ip };
  if (edit.privateIp && !subnet.addressPrefixes.some((p) => cidrContains(p, ip))) return fail('privateIp', `${ip} is outside subnet ${subnet.name}.`);

  const zoneNames = zonesForGroup(edit.groupId);
  const zones = edit.dnsZoneIds
    ? edit.dnsZoneIds.map((id) => draft.get('dnsZones', id))
    : zoneNames.map((n) => [...draft.values('dnsZones')].find((z) => z.zoneName === n));
  const missingZone = edit.dnsZoneIds?.find((id) => !draft.get('dnsZones', id));
  if (missingZone) return fail('dnsZoneIds', `Private DNS zone ${missingZone} is not in the snapshot.`);
  const groupZones = zones.filter((z) => z !== undefined);

  const id = newResourceId(edit.place, ARM_TYPES.privateEndpoint);
  const records = recordsForTarget(edit.targetId, edit.groupId, edit.place.location, workspace);
  const pe: PrivateEndpoint = {
    id, name: edit.place.name, type: ARM_TYPES.privateEndpoint, location: edit.place.location,
    subscriptionId: edit.place.subscriptionId.toLowerCase(), resourceGroup: edit.place.resourceGroup,
    subnetId: subnet.id, privateIps: [ip],
    connections: [{ name: edit.place.name, targetId: edit.targetId, groupIds: [edit.groupId.toLowerCase()], status: 'Approved', manual: false }],
    dnsZoneIds: groupZones.map((z) => z.id),
    customDnsConfigs: records.map((r) => ({ fqdn: `${r.recordName}.${r.zoneName.replace(/^privatelink\./, '')}`, ipAddresses: [ip] })),
    nicIds: [],
  };
  draft.set('privateEndpoints', id, pe);
  draft.set('subnets', subnet.id, { ...subnet, usedAddressCount: subnet.usedAddressCount + 1 });
  const changes: ArmChange[] = [{ action: 'create', resourceId: id, type: ARM_TYPES.privateEndpoint, hints: { privateIp: ip } }];
  for (const zone of groupZones) {
    const mine = records.filter((r) => r.zoneName === zone.zoneName);
    const aRecords = { ...zone.aRecords };
    // A zone group owns its record sets: a second endpoint to the same resource overwrites the record
    // (the classic pitfall of several VNets sharing one zone), and what-if shows what that breaks.
    for (const r of mine) aRecords[r.recordName] = [ip];
    draft.set('dnsZones', zone.id, { ...zone, aRecords });
  }
  if (groupZones.length) changes.push({ action: 'create', resourceId: childId(id, 'privateDnsZoneGroups', 'default'), type: ARM_TYPES.zoneGroup });
  return { changes };
}
