/** What ingest reads of virtual networks, subnets and peerings (nested or as separate resources). */
import { z } from 'zod';
import { childSchema, optBool, optStr, optStrs, ref, refs, resourceSchema } from './common';

/** `properties` of a subnet. */
export const subnetProps = {
  addressPrefix: optStr,
  addressPrefixes: optStrs,
  networkSecurityGroup: ref,
  routeTable: ref,
  natGateway: ref,
  delegations: z.array(z.object({ name: optStr, serviceName: optStr, properties: z.object({ serviceName: optStr }).nullish() })).nullish(),
  privateEndpointNetworkPolicies: optStr,
  defaultOutboundAccess: optBool,
  serviceEndpoints: z.array(z.object({ service: optStr, locations: optStrs })).nullish(),
  ipConfigurations: refs,
};

const addressSpace = z.object({ addressPrefixes: optStrs }).nullish();

/** `properties` of a peering. */
export const peeringProps = {
  remoteVirtualNetwork: ref,
  peeringState: optStr,
  peeringSyncLevel: optStr,
  allowVirtualNetworkAccess: optBool,
  allowForwardedTraffic: optBool,
  allowGatewayTransit: optBool,
  useRemoteGateways: optBool,
  remoteAddressSpace: addressSpace,
  remoteVirtualNetworkAddressSpace: addressSpace,
};

/** A subnet nested in a VNet. */
export const nestedSubnet = childSchema(subnetProps);
/** A peering nested in a VNet. */
export const nestedPeering = childSchema(peeringProps);

/** `Microsoft.Network/virtualNetworks`. */
export const vnetSchema = resourceSchema({
  addressSpace,
  dhcpOptions: z.object({ dnsServers: optStrs }).nullish(),
  subnets: z.array(nestedSubnet).nullish(),
  virtualNetworkPeerings: z.array(nestedPeering).nullish(),
});
/** `Microsoft.Network/virtualNetworks/subnets`. */
export const subnetSchema = resourceSchema(subnetProps);
/** `Microsoft.Network/virtualNetworks/virtualNetworkPeerings`. */
export const peeringSchema = resourceSchema(peeringProps);

/** A subnet as read (nested or separate). */
export type SubnetIn = z.output<typeof nestedSubnet>;
/** A peering as read (nested or separate). */
export type PeeringIn = z.output<typeof nestedPeering>;
/** A VNet as read. */
export type VnetIn = z.output<typeof vnetSchema>;
