/**
 * Private DNS resolution from a VNet (semantics §4.4): Azure-provided DNS consults the private zones
 * linked to *that* VNet (links are not inherited through peering); a custom DNS server resolves
 * through the zones linked to the server's own VNet (it must forward to 168.63.129.16). A linked zone
 * without the record answers NXDOMAIN.
 */
import { idKey } from '../model/armId';
import type { PrivateDnsZone } from '../model/resources';
import { ipInCidr } from '../net/cidr';
import { pairKey, type EvalContext } from './context';
import { scanCollection } from './dependencyLog';
import { zonesByNameAndVnet } from './indexes';

export interface DnsAnswer {
  readonly status: 'private' | 'public' | 'nxdomain' | 'unknown';
  readonly zone?: PrivateDnsZone;
  /** The private address answered. */
  readonly ip?: string;
  /** The VNet whose zone links decide (the client's, or its custom DNS server's). */
  readonly resolverVnetId?: string;
  readonly detail: string;
}

const AZURE_DNS = '168.63.129.16';

const ipsKeys = new WeakMap<readonly string[], string>();

/** A memo key for an address list, once per list object (a private endpoint's `privateIps`). */
function ipsKey(ips: readonly string[]): string {
  let k = ipsKeys.get(ips);
  if (k === undefined) ipsKeys.set(ips, (k = ips.join(',')));
  return k;
}

const linkIndex = new WeakMap<PrivateDnsZone, Map<string, PrivateDnsZone['links'][number]>>();

/** The zone's link to a VNet (by idKey). A shared zone may be linked to hundreds of VNets. */
function linkTo(zone: PrivateDnsZone, vnetKey: string): PrivateDnsZone['links'][number] | undefined {
  let idx = linkIndex.get(zone);
  if (!idx) {
    idx = new Map();
    for (const l of zone.links) {
      const k = idKey(l.vnetId);
      if (!idx.has(k)) idx.set(k, l);
    }
    linkIndex.set(zone, idx);
  }
  return idx.get(vnetKey);
}

const recordIndex = new WeakMap<PrivateDnsZone, Map<string, readonly [number, string, readonly string[]]>>();

/**
 * A zone's A records by address → (record position, name, addresses) of the first record holding it.
 * A zone shared by many workspaces holds many records, and every compute VNet asks it for a few addresses.
 */
function recordsByIp(zone: PrivateDnsZone): Map<string, readonly [number, string, readonly string[]]> {
  let idx = recordIndex.get(zone);
  if (!idx) {
    idx = new Map();
    let i = 0;
    for (const [name, ips] of Object.entries(zone.aRecords)) {
      for (const ip of ips) if (!idx.has(ip)) idx.set(ip, [i, name, ips]);
      i++;
    }
    recordIndex.set(zone, idx);
  }
  return idx;
}

/** The VNet whose links decide resolution for clients in `clientVnetId`, or why it is unknown. */
export function resolverVnet(ctx: EvalContext, clientVnetId: string): { vnetId?: string; detail: string } {
  const vnet = ctx.snap.vnets.get(idKey(clientVnetId));
  const servers = vnet?.dnsServers ?? [];
  if (!servers.length || servers.every((s) => s === AZURE_DNS)) return { vnetId: clientVnetId, detail: 'Azure-provided DNS' };
  const server = servers[0] ?? '';
  for (const v of scanCollection(ctx.snap.vnets).values()) {
    if (v.addressPrefixes.some((p) => ipInCidr(server, p))) {
      return { vnetId: v.id, detail: `custom DNS server ${server} in ${v.name} (assumed to forward to 168.63.129.16)` };
    }
  }
  return { detail: `custom DNS server ${server} is outside every VNet of the snapshot (on-premises?); its forwarding is unknown` };
}

/** Resolve a name of `zoneName` that should answer one of `expectedIps`, from `clientVnetId`. */
export function resolvePrivateName(ctx: EvalContext, clientVnetId: string, zoneName: string, expectedIps: readonly string[]): DnsAnswer {
  return ctx.memo('dns', idKey(clientVnetId), () => resolveUncached(ctx, clientVnetId, zoneName, expectedIps), pairKey(zoneName, ipsKey(expectedIps)));
}

function resolveUncached(ctx: EvalContext, clientVnetId: string, zoneName: string, expectedIps: readonly string[]): DnsAnswer {
  const resolver = resolverVnet(ctx, clientVnetId);
  if (!resolver.vnetId) return { status: 'unknown', detail: resolver.detail };
  const key = idKey(resolver.vnetId);
  const linked = zonesByNameAndVnet(scanCollection(ctx.snap.dnsZones)).get(zoneName.toLowerCase())?.get(key) ?? [];
  if (!linked.length) {
    const unreadable = ctx.snap.missing.some((m) => m.kind === 'subscription' || (m.resourceType ?? '').toLowerCase().startsWith('microsoft.network/privatednszones'));
    if (unreadable) return { status: 'unknown', resolverVnetId: resolver.vnetId, detail: `No readable zone ${zoneName} is linked to the resolving VNet, but some private DNS zones could not be read.` };
    return { status: 'public', resolverVnetId: resolver.vnetId, detail: `No zone ${zoneName} is linked to the resolving VNet (${resolver.detail}), so the name resolves to the public endpoint.` };
  }
  for (const z of linked) {
    // The first record (in zone order) that holds an expected address answers.
    const byIp = recordsByIp(z);
    let first: readonly [number, string, readonly string[]] | undefined;
    for (const ip of expectedIps) {
      const r = byIp.get(ip);
      if (r && (!first || r[0] < first[0])) first = r;
    }
    if (first) {
      const [, name, ips] = first;
      const ip = ips.find((a) => expectedIps.includes(a)) as string;
      return { status: 'private', zone: z, ip, resolverVnetId: resolver.vnetId, detail: `${name}.${zoneName} resolves to ${ip} through the linked zone (${resolver.detail}).` };
    }
  }
  const zone = linked[0];
  const fallback = ctx.assumptions.nxDomainFallbackToInternet
    || (zone ? (linkTo(zone, key)?.resolutionPolicy ?? '').toLowerCase() === 'nxdomainredirect' : false);
  if (fallback) return { status: 'public', zone, resolverVnetId: resolver.vnetId, detail: `Zone ${zoneName} is linked but has no record for the endpoint; the link falls back to the public answer.` };
  return { status: 'nxdomain', zone, resolverVnetId: resolver.vnetId, detail: `Zone ${zoneName} is linked to the resolving VNet but has no A record for the private endpoint (${expectedIps.join(', ')}): NXDOMAIN.` };
}
