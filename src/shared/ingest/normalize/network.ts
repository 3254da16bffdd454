/** Virtual networks, subnets and peerings: ARM shapes → model records (back-references come later). */
import type { PrivateEndpointNetworkPolicies, Subnet, VirtualNetwork, VirtualNetworkPeering } from '../../model';
import type { Item } from '../collector';
import type { PeeringIn, SubnetIn, VnetIn } from '../schemas/vnet';
import { refIds } from '../schemas/common';
import { base, canonicalOrAsIs, merged, type Draft } from './base';

const PE_POLICIES: Record<string, PrivateEndpointNetworkPolicies> = {
  disabled: 'Disabled',
  enabled: 'Enabled',
  networksecuritygroupenabled: 'NetworkSecurityGroupEnabled',
  routetableenabled: 'RouteTableEnabled',
};

/** A VNet; subnetIds and peeringIds are filled from the collected children. */
export function toVnet(item: Item<VnetIn>): Draft<VirtualNetwork> {
  const p = item.data.properties;
  return {
    ...base(item),
    addressPrefixes: merged(undefined, p?.addressSpace?.addressPrefixes),
    dnsServers: merged(undefined, p?.dhcpOptions?.dnsServers),
    subnetIds: [],
    peeringIds: [],
  };
}

/** A subnet; ipConfigurationIds and usedAddressCount are completed once NICs are known. */
export function toSubnet(item: Item<SubnetIn>): Draft<Subnet> {
  const p = item.data.properties;
  const ipConfigurationIds = refIds(p?.ipConfigurations);
  return {
    ...base(item),
    vnetId: item.parentId,
    addressPrefixes: merged(p?.addressPrefix, p?.addressPrefixes),
    ...(p?.networkSecurityGroup?.id ? { nsgId: p.networkSecurityGroup.id } : {}),
    ...(p?.routeTable?.id ? { routeTableId: p.routeTable.id } : {}),
    ...(p?.natGateway?.id ? { natGatewayId: p.natGateway.id } : {}),
    delegations: (p?.delegations ?? []).map((d) => d.properties?.serviceName ?? d.serviceName ?? '').filter((s) => s !== ''),
    // Azure's default for the property is Disabled (semantics §1.7).
    privateEndpointNetworkPolicies: p?.privateEndpointNetworkPolicies
      ? canonicalOrAsIs(p.privateEndpointNetworkPolicies, PE_POLICIES) as PrivateEndpointNetworkPolicies
      : 'Disabled',
    ...(typeof p?.defaultOutboundAccess === 'boolean' ? { defaultOutboundAccess: p.defaultOutboundAccess } : {}),
    serviceEndpoints: (p?.serviceEndpoints ?? []).flatMap((e) => (e.service ? [{ service: e.service, locations: e.locations ?? [] }] : [])),
    usedAddressCount: ipConfigurationIds.length,
    ipConfigurationIds,
  };
}

const PEERING_STATES: Record<string, string> = { initiated: 'Initiated', connected: 'Connected', disconnected: 'Disconnected' };

/** A peering; the owning VNet is its parent. */
export function toPeering(item: Item<PeeringIn>): VirtualNetworkPeering {
  const p = item.data.properties;
  return {
    ...base(item),
    vnetId: item.parentId,
    remoteVnetId: p?.remoteVirtualNetwork?.id ?? '',
    // '' = the input did not say; the engine treats anything but Connected as not connected.
    peeringState: p?.peeringState ? canonicalOrAsIs(p.peeringState, PEERING_STATES) : '',
    ...(p?.peeringSyncLevel ? { peeringSyncLevel: p.peeringSyncLevel } : {}),
    allowVirtualNetworkAccess: p?.allowVirtualNetworkAccess ?? true,
    allowForwardedTraffic: p?.allowForwardedTraffic ?? false,
    allowGatewayTransit: p?.allowGatewayTransit ?? false,
    useRemoteGateways: p?.useRemoteGateways ?? false,
    remoteAddressPrefixes: merged(undefined, p?.remoteVirtualNetworkAddressSpace?.addressPrefixes ?? p?.remoteAddressSpace?.addressPrefixes),
  };
}
