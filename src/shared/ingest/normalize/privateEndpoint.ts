/** Private endpoints and private DNS zones: ARM shapes → model records. */
import { lastSegment, type PrivateDnsZone, type PrivateEndpoint, type PrivateLinkConnection, type VirtualNetworkLink } from '../../model';
import type { Item } from '../collector';
import type { PrivateEndpointIn, ZoneGroupIn } from '../schemas/privateEndpoint';
import type { ARecordIn, LinkIn } from '../schemas/dns';
import type { z } from 'zod';
import type { zoneSchema } from '../schemas/dns';
import { refIds } from '../schemas/common';
import { base, canonicalOrAsIs, type Draft } from './base';

type ConnectionIn = NonNullable<NonNullable<PrivateEndpointIn['properties']>['privateLinkServiceConnections']>[number];

const STATUSES: Record<string, string> = { approved: 'Approved', pending: 'Pending', rejected: 'Rejected', disconnected: 'Disconnected' };

function connection(c: ConnectionIn, manual: boolean): PrivateLinkConnection {
  const p = c.properties;
  const status = p?.privateLinkServiceConnectionState?.status;
  return {
    name: c.name ?? '',
    targetId: p?.privateLinkServiceId ?? '',
    groupIds: (p?.groupIds ?? []).filter((g) => g !== ''),
    // No status given: treat as Pending (not carrying traffic) rather than guess Approved.
    status: status ? canonicalOrAsIs(status, STATUSES) : 'Pending',
    manual,
  };
}

/** A private endpoint; its zone groups (nested or separate) give dnsZoneIds. */
export function toPrivateEndpoint(item: Item<PrivateEndpointIn>, zoneGroups: readonly Item<ZoneGroupIn>[]): Draft<PrivateEndpoint> {
  const p = item.data.properties;
  const ips = new Set<string>();
  for (const c of p?.customDnsConfigs ?? []) for (const ip of c.ipAddresses ?? []) ips.add(ip);
  for (const c of p?.ipConfigurations ?? []) if (c.properties?.privateIPAddress) ips.add(c.properties.privateIPAddress);
  const zones = new Set<string>();
  for (const g of zoneGroups) {
    for (const z of g.data.properties?.privateDnsZoneConfigs ?? []) if (z.properties?.privateDnsZoneId) zones.add(z.properties.privateDnsZoneId);
  }
  return {
    ...base(item),
    subnetId: p?.subnet?.id ?? '',
    privateIps: [...ips],
    connections: [
      ...(p?.privateLinkServiceConnections ?? []).map((c) => connection(c, false)),
      ...(p?.manualPrivateLinkServiceConnections ?? []).map((c) => connection(c, true)),
    ],
    dnsZoneIds: [...zones],
    customDnsConfigs: (p?.customDnsConfigs ?? []).map((c) => ({ fqdn: c.fqdn ?? '', ipAddresses: c.ipAddresses ?? [] })),
    nicIds: refIds(p?.networkInterfaces),
  };
}

/** A VNet link of a zone. */
export function toLink(item: Item<LinkIn>): VirtualNetworkLink {
  const p = item.data.properties;
  return {
    id: item.id,
    name: item.name,
    zoneId: item.parentId,
    vnetId: p?.virtualNetwork?.id ?? '',
    registrationEnabled: p?.registrationEnabled ?? false,
    linkState: p?.virtualNetworkLinkState ?? '',
    ...(p?.resolutionPolicy ? { resolutionPolicy: p.resolutionPolicy } : {}),
  };
}

/** A private DNS zone with its links and A records (relative name, lower case → IPv4 addresses). */
export function toZone(item: Item<z.output<typeof zoneSchema>>, links: readonly VirtualNetworkLink[], records: readonly Item<ARecordIn>[]): PrivateDnsZone {
  const aRecords: Record<string, string[]> = {};
  for (const r of records) {
    const name = lastSegment(r.id).toLowerCase();
    const ips = (r.data.properties?.aRecords ?? []).flatMap((a) => (a.ipv4Address ? [a.ipv4Address] : []));
    aRecords[name] = [...(aRecords[name] ?? []), ...ips];
  }
  return { ...base(item), zoneName: item.name.toLowerCase(), links: [...links], aRecords };
}
