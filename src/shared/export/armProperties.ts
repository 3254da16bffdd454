/**
 * Snapshot records → ARM `properties` objects as the 2025-07-01 / 2024-06-01 schemas spell them.
 * Only writable properties: a template that echoes read-only ones (provisioningState, …) is noisy.
 */
import type { NetworkSecurityGroup, PrivateEndpoint, Route, RouteTable, SecurityRule, Subnet, VirtualNetworkPeering } from '../model';
import type { RawIndex } from './rawIndex';
import { rawProperties } from './rawIndex';

type Props = Record<string, unknown>;

/** One prefix → `xAddressPrefix`, several → `xAddressPrefixes`. */
function oneOrMany(props: Props, singular: string, values: readonly string[]): void {
  if (values.length === 1) props[singular] = values[0];
  else if (values.length > 1) props[`${singular}es`] = [...values];
}

/** Properties of a custom security rule. */
export function securityRuleProperties(rule: SecurityRule): Props {
  const p: Props = { priority: rule.priority, direction: rule.direction, access: rule.access, protocol: rule.protocol };
  if (rule.description) p.description = rule.description;
  p[rule.sourcePortRanges.length === 1 ? 'sourcePortRange' : 'sourcePortRanges'] = rule.sourcePortRanges.length === 1 ? rule.sourcePortRanges[0] : [...rule.sourcePortRanges];
  p[rule.destinationPortRanges.length === 1 ? 'destinationPortRange' : 'destinationPortRanges'] = rule.destinationPortRanges.length === 1 ? rule.destinationPortRanges[0] : [...rule.destinationPortRanges];
  if (rule.sourceAsgIds.length) p.sourceApplicationSecurityGroups = rule.sourceAsgIds.map((id) => ({ id }));
  else oneOrMany(p, 'sourceAddressPrefix', rule.sourceAddressPrefixes);
  if (rule.destinationAsgIds.length) p.destinationApplicationSecurityGroups = rule.destinationAsgIds.map((id) => ({ id }));
  else oneOrMany(p, 'destinationAddressPrefix', rule.destinationAddressPrefixes);
  return p;
}

/** Properties of a whole NSG: its custom rules (defaults are Azure's, never written). */
export function nsgProperties(nsg: NetworkSecurityGroup): Props {
  return { securityRules: nsg.securityRules.map((r) => ({ name: r.name, properties: securityRuleProperties(r) })) };
}

/**
 * Properties of a subnet. A subnet PUT replaces the subnet, so everything the model knows is
 * written; delegation names and anything else the raw object had come from the snapshot file.
 */
export function subnetProperties(subnet: Subnet, raw: RawIndex | undefined): Props {
  const before = rawProperties(raw, subnet.id) ?? {};
  const rawDelegations = Array.isArray(before.delegations) ? (before.delegations as { name?: unknown; properties?: { serviceName?: unknown } }[]) : [];
  const p: Props = {};
  if (subnet.addressPrefixes.length === 1) p.addressPrefix = subnet.addressPrefixes[0];
  else p.addressPrefixes = [...subnet.addressPrefixes];
  if (subnet.nsgId) p.networkSecurityGroup = { id: subnet.nsgId };
  if (subnet.routeTableId) p.routeTable = { id: subnet.routeTableId };
  if (subnet.natGatewayId) p.natGateway = { id: subnet.natGatewayId };
  if (subnet.serviceEndpoints.length) p.serviceEndpoints = subnet.serviceEndpoints.map((s) => ({ service: s.service, locations: [...s.locations] }));
  if (subnet.delegations.length) {
    p.delegations = subnet.delegations.map((serviceName, i) => {
      const old = rawDelegations.find((d) => d.properties?.serviceName === serviceName);
      return { name: typeof old?.name === 'string' ? old.name : `delegation${i}`, properties: { serviceName } };
    });
  }
  p.privateEndpointNetworkPolicies = subnet.privateEndpointNetworkPolicies;
  if (typeof before.privateLinkServiceNetworkPolicies === 'string') p.privateLinkServiceNetworkPolicies = before.privateLinkServiceNetworkPolicies;
  if (subnet.defaultOutboundAccess !== undefined) p.defaultOutboundAccess = subnet.defaultOutboundAccess;
  return p;
}

/** Properties of one side of a peering. */
export function peeringProperties(p: VirtualNetworkPeering): Props {
  return {
    remoteVirtualNetwork: { id: p.remoteVnetId },
    allowVirtualNetworkAccess: p.allowVirtualNetworkAccess,
    allowForwardedTraffic: p.allowForwardedTraffic,
    allowGatewayTransit: p.allowGatewayTransit,
    useRemoteGateways: p.useRemoteGateways,
  };
}

/** Properties of one route. */
export function routeProperties(r: Route): Props {
  return { addressPrefix: r.addressPrefix, nextHopType: r.nextHopType, ...(r.nextHopIpAddress ? { nextHopIpAddress: r.nextHopIpAddress } : {}) };
}

/** Properties of a route table with its routes inline. */
export function routeTableProperties(t: RouteTable): Props {
  return { disableBgpRoutePropagation: t.disableBgpRoutePropagation, routes: t.routes.map((r) => ({ name: r.name, properties: routeProperties(r) })) };
}

/** Static ip configuration member names (AML's `default` member is UNCONFIRMED beyond the API name). */
function memberName(groupId: string): string {
  return groupId === 'amlworkspace' ? 'default' : groupId;
}

/** Properties of a private endpoint (automatic approval: the deployer owns the target). */
export function privateEndpointProperties(pe: PrivateEndpoint): Props {
  const conn = pe.connections[0];
  const groupId = conn?.groupIds[0] ?? '';
  return {
    subnet: { id: pe.subnetId },
    privateLinkServiceConnections: pe.connections.map((c) => ({ name: c.name, properties: { privateLinkServiceId: c.targetId, groupIds: [...c.groupIds] } })),
    ipConfigurations: pe.privateIps.slice(0, 1).map((ip) => ({ name: 'ipconfig1', properties: { groupId, memberName: memberName(groupId), privateIPAddress: ip } })),
  };
}
