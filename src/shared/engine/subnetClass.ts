/**
 * Subnets of one VNet that are alike for the flows of their computes: the same VNet, NSG, route
 * table, NAT gateway, default outbound access, service endpoints, endpoint network policies and
 * delegations, and addresses inside the VNet's address space. Their computes' flows can differ only
 * by the subnet's own id and name in the trace, and by what matches the subnet's own addresses.
 *
 * So computeFlows evaluates a flow set for the first subnet of a class and serves the others a copy
 * retargeted to their id, unless that evaluation matched the subnet's addresses against something
 * that tells subnets of the VNet apart (ComputeSide.addressSensitive: an NSG rule naming prefixes or
 * tags on the compute's side, a firewall). A VNet typically holds several compute subnets behind one
 * NSG and route table; most of their flows are decided by `VirtualNetwork`/`*` rules and routes.
 */
import { idKey } from '../model/armId';
import type { Subnet } from '../model/resources';
import { ipv4Range } from '../net/cidr';
import { Ipv4RangeSet } from '../net/ipv4RangeSet';
import type { EvalContext } from './context';
import { vnetScope } from './nsg/addressMatch';
import { routesOf, serviceEndpointsKey } from './routing';
import { virtualNetworkPrefixes } from './vnetScope';

/**
 * The class of `subnet` (a string key), or undefined when its flows must be its own: its VNet is not
 * in the snapshot, admin rules apply to the VNet, its routes are unknown (the answer names the
 * subnet), or its addresses are not all IPv4 prefixes inside the VNet's space.
 */
export function subnetClass(ctx: EvalContext, subnet: Subnet): string | undefined {
  return ctx.memo('subnetClass', subnet, () => {
    const vnetKey = idKey(subnet.vnetId);
    if (!ctx.snap.vnets.get(vnetKey) || ctx.snap.adminRules.get(vnetKey) || routesOf(ctx, subnet).unknown) return undefined;
    const space = vnetRanges(ctx, vnetKey);
    if (!subnet.addressPrefixes.length || !subnet.addressPrefixes.every((p) => inside(space, p))) return undefined;
    // The ids as written: equal texts are the same resources (ids that differ only in case share less).
    return `${vnetKey}|${subnet.nsgId ?? ''}|${subnet.routeTableId ?? ''}|${subnet.natGatewayId ?? ''}|${String(subnet.defaultOutboundAccess)}|${serviceEndpointsKey(subnet)}|${subnet.privateEndpointNetworkPolicies}|${subnet.delegations.join(',')}`;
  });
}

/** Is `prefix` an IPv4 prefix inside `space`? */
function inside(space: Ipv4RangeSet, prefix: string): boolean {
  const r = ipv4Range(prefix);
  return r !== undefined && space.containsRange(r.start, r.end);
}

/** The IPv4 address space of a VNet by its idKey (empty when the VNet is not in the snapshot), once per pass. */
function vnetRanges(ctx: EvalContext, vnetKey: string): Ipv4RangeSet {
  return ctx.memo('vnetRanges', vnetKey, () => Ipv4RangeSet.fromCidrs(ctx.snap.vnets.get(vnetKey)?.addressPrefixes ?? []));
}

/**
 * Does the VirtualNetwork scope of NSGs on `scopeSubnet` hold the whole VNet of `computeSubnet`?
 * Then a `VirtualNetwork` field answers alike for every subnet of that VNet.
 */
export function scopeHoldsVnet(ctx: EvalContext, scopeSubnet: Subnet, computeSubnet: Subnet): boolean {
  const space = vnetRanges(ctx, idKey(computeSubnet.vnetId));
  return !space.isEmpty && vnetScope(virtualNetworkPrefixes(ctx, scopeSubnet)).ranges.containsSet(space);
}
