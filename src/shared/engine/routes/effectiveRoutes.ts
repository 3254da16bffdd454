/**
 * The effective routes of a subnet, as Azure would list them (semantics §2.1–2.5): system routes,
 * peering routes, service-endpoint routes, private-endpoint /32 routes and the subnet's UDRs, with
 * overridden routes marked Invalid. lookupRoute (re-exported here) picks the route a destination takes.
 */
import { lastSegment, parentId } from '../../model/armId';
import type { PrivateEndpoint, Subnet, VirtualNetwork } from '../../model/resources';
import type { ById, Snapshot } from '../../model/snapshot';
import { cidrContains, ipv4Range, isIpOrCidr, normalizeCidr, prefixLength } from '../../net/cidr';
import { looksLikeTagName } from '../../servicetags/tagNames';
import { connectedPeers, keyOf, peeringFromTo } from '../peering';
import type { EffectiveRoute, RouteContext } from './routeTypes';
import { defaultRoutes, serviceEndpointTags } from './systemRoutes';

export type { EffectiveRoute, RouteContext, RouteDecision, RouteNextHop } from './routeTypes';
export { lookupRoute } from './lookupRoute';

/** §2.4: at most 25 service-tag routes per route table. */
export const MAX_TAG_ROUTES = 25;

const peIndexCache = new WeakMap<ById<PrivateEndpoint>, Map<string, PrivateEndpoint[]>>();

/** Private endpoints by the idKey of their VNet (one scan per collection object). */
function endpointsByVnet(pes: ById<PrivateEndpoint>): Map<string, PrivateEndpoint[]> {
  let idx = peIndexCache.get(pes);
  if (!idx) {
    idx = new Map();
    for (const pe of pes.values()) {
      const k = keyOf(parentId(pe.subnetId));
      const list = idx.get(k) ?? [];
      list.push(pe);
      idx.set(k, list);
    }
    peIndexCache.set(pes, idx);
  }
  return idx;
}

function nameOf(id: string | undefined): string {
  return id === undefined ? '' : lastSegment(id);
}

function peeringRoutes(snapshot: Snapshot, vnet: VirtualNetwork): EffectiveRoute[] {
  const out: EffectiveRoute[] = [];
  for (const pid of vnet.peeringIds) {
    const p = snapshot.peerings.get(keyOf(pid));
    if (!p || p.peeringState.toLowerCase() !== 'connected') continue;
    const remote = snapshot.vnets.get(keyOf(p.remoteVnetId));
    // The remote side's own state, when we can read it: a Disconnected remote means no routes.
    const back = remote ? peeringFromTo(snapshot, remote.id, vnet.id) : undefined;
    if (back && back.peeringState.toLowerCase() !== 'connected') continue;
    for (const prefix of remote?.addressPrefixes ?? p.remoteAddressPrefixes) {
      const n = normalizeCidr(prefix);
      if (n && !n.includes(':')) out.push({ source: 'Default', addressPrefix: n, nextHopType: 'VNetPeering', state: 'Active', routeId: p.id, routeName: p.name });
    }
  }
  return out;
}

function endpointRoutes(snapshot: Snapshot, vnetIds: readonly string[]): EffectiveRoute[] {
  const idx = endpointsByVnet(snapshot.privateEndpoints);
  const out: EffectiveRoute[] = [];
  for (const v of vnetIds) {
    for (const pe of idx.get(keyOf(v)) ?? []) {
      for (const ip of pe.privateIps) {
        if (ipv4Range(ip)) out.push({ source: 'Default', addressPrefix: `${ip}/32`, nextHopType: 'InterfaceEndpoint', state: 'Active', privateEndpointId: pe.id, routeName: pe.name });
      }
    }
  }
  return out;
}

/** §2.5 rule 5 (R11–R13): does an active UDR take over a private endpoint's /32? */
function udrOverridesEndpoint(snapshot: Snapshot, pe: EffectiveRoute, udrs: readonly EffectiveRoute[]): EffectiveRoute | undefined {
  const ip = pe.addressPrefix;
  const exact = udrs.find((u) => !u.tag && u.addressPrefix === ip);
  if (exact) return exact;
  const peRecord = pe.privateEndpointId ? snapshot.privateEndpoints.get(keyOf(pe.privateEndpointId)) : undefined;
  const peSubnet: Subnet | undefined = peRecord ? snapshot.subnets.get(keyOf(peRecord.subnetId)) : undefined;
  const policy = peSubnet?.privateEndpointNetworkPolicies;
  if (policy !== 'RouteTableEnabled' && policy !== 'Enabled') return undefined;
  const peVnet = peSubnet ? snapshot.vnets.get(keyOf(peSubnet.vnetId)) : undefined;
  const space = (peVnet?.addressPrefixes ?? peSubnet?.addressPrefixes ?? []).find((p) => cidrContains(p, ip));
  const spaceLen = space !== undefined ? prefixLength(space) : undefined;
  if (spaceLen === undefined) return undefined;
  return udrs.find((u) => !u.tag && cidrContains(u.addressPrefix, ip) && (prefixLength(u.addressPrefix) ?? -1) >= spaceLen);
}

/** System routes (§2.1 incl. the reserved-range rules), peering routes (both sides Connected), service-endpoint routes (subnet's serviceEndpoints → tag `Storage.<loc>` etc.), private-endpoint /32 routes (PEs in the VNet; and in peered VNets per assumption privateEndpointRouteInPeeredVnets), UDRs of the subnet's route table (CIDR and service-tag prefixes) with Invalid marking for overridden ones. configErrors: >25 tag routes (R10), VirtualNetworkGateway next hop with ExpressRoute (R14) if detectable, VirtualAppliance without IP. unknown: the subnet's route table is referenced but missing. */
export function effectiveRoutes(snapshot: Snapshot, subnetId: string, ctx: RouteContext): { readonly routes: readonly EffectiveRoute[]; readonly configErrors: readonly string[]; readonly unknown?: string } {
  const subnet = snapshot.subnets.get(keyOf(subnetId));
  if (!subnet) return { routes: [], configErrors: [], unknown: `Subnet ${nameOf(subnetId)} is not in the snapshot, so its routes are unknown.` };
  const vnet = snapshot.vnets.get(keyOf(subnet.vnetId));
  const system: EffectiveRoute[] = defaultRoutes(vnet?.addressPrefixes ?? subnet.addressPrefixes);
  if (vnet) system.push(...peeringRoutes(snapshot, vnet));
  for (const se of subnet.serviceEndpoints) {
    for (const tag of serviceEndpointTags(se.service, se.locations)) {
      system.push({ source: 'Default', addressPrefix: tag, tag, nextHopType: 'VirtualNetworkServiceEndpoint', state: 'Active', routeName: se.service });
    }
  }
  // Peered VNets' endpoints only under that assumption (finding the connected peers is not free: a hub has hundreds).
  const peers = vnet && ctx.assumptions.privateEndpointRouteInPeeredVnets ? connectedPeers(snapshot, vnet.id, ctx.assumptions) : [];
  system.push(...endpointRoutes(snapshot, [subnet.vnetId, ...peers]));

  const configErrors: string[] = [];
  const udrs: EffectiveRoute[] = [];
  let unknown: string | undefined;
  if (subnet.routeTableId) {
    const rt = snapshot.routeTables.get(keyOf(subnet.routeTableId));
    if (!rt) {
      unknown = `Route table ${nameOf(subnet.routeTableId)} of subnet ${subnet.name} is not in the snapshot, so the subnet's user-defined routes are unknown.`;
    } else {
      let tagRoutes = 0;
      for (const r of rt.routes) {
        const prefix = r.addressPrefix.trim();
        const isCidr = isIpOrCidr(prefix);
        const isTag = !isCidr && (ctx.tags.isTag(prefix) || looksLikeTagName(prefix));
        if (!isCidr && !isTag) {
          configErrors.push(`Route ${r.name} in ${rt.name} has address prefix "${r.addressPrefix}", neither a CIDR nor a service tag.`);
          continue;
        }
        if (prefix.includes(':')) continue; // IPv6 routes never carry IPv4 flows
        if (isTag) tagRoutes++;
        let invalidReason: string | undefined;
        if (r.nextHopType === 'VirtualAppliance' && !r.nextHopIpAddress) {
          invalidReason = `Route ${r.name} in ${rt.name} has next hop VirtualAppliance without a next-hop IP address.`;
          configErrors.push(invalidReason);
        }
        udrs.push({
          source: 'User', addressPrefix: isCidr ? (normalizeCidr(prefix) ?? prefix) : prefix, ...(isTag ? { tag: prefix } : {}),
          nextHopType: r.nextHopType, ...(r.nextHopIpAddress ? { nextHopIp: r.nextHopIpAddress } : {}),
          routeId: r.id, routeName: r.name, routeTableId: rt.id,
          state: invalidReason ? 'Invalid' : 'Active', ...(invalidReason ? { invalidReason } : {}),
        });
      }
      if (tagRoutes > MAX_TAG_ROUTES) {
        configErrors.push(`Route table ${rt.name} has ${tagRoutes} service-tag routes; Azure allows at most ${MAX_TAG_ROUTES}.`);
      }
    }
  }

  const active = udrs.filter((u) => u.state === 'Active');
  const sameKey = (r: EffectiveRoute) => (r.tag ? `tag:${r.tag.toLowerCase()}` : r.addressPrefix);
  const udrKeys = new Set(active.map(sameKey));
  const marked = system.map((r): EffectiveRoute => {
    if (r.nextHopType === 'InterfaceEndpoint') {
      const by = udrOverridesEndpoint(snapshot, r, active);
      return by ? { ...r, state: 'Invalid', invalidReason: `User route ${by.routeName ?? by.addressPrefix} overrides the private endpoint route.` } : r;
    }
    return udrKeys.has(sameKey(r)) ? { ...r, state: 'Invalid', invalidReason: 'A user-defined route has the same prefix.' } : r;
  });
  return { routes: [...marked, ...udrs], configErrors, ...(unknown ? { unknown } : {}) };
}
