/** What ingest reads of network interfaces, ASGs, public IPs and NAT gateways. */
import { z } from 'zod';
import { optBool, optStr, ref, refs, resourceSchema } from './common';

/** `Microsoft.Network/networkInterfaces`. */
export const nicSchema = resourceSchema({
  ipConfigurations: z.array(z.object({
    id: optStr,
    name: optStr,
    properties: z.object({
      subnet: ref,
      privateIPAddress: optStr,
      publicIPAddress: ref,
      applicationSecurityGroups: refs,
    }).nullish(),
  })).nullish(),
  networkSecurityGroup: ref,
  enableIPForwarding: optBool,
  virtualMachine: ref,
  privateEndpoint: ref,
});

/** `Microsoft.Network/applicationSecurityGroups`. */
export const asgSchema = resourceSchema({});

/** `Microsoft.Network/publicIPAddresses`. */
export const publicIpSchema = resourceSchema({
  ipAddress: optStr,
  ipConfiguration: ref,
});

/** `Microsoft.Network/natGateways`. */
export const natGatewaySchema = resourceSchema({
  subnets: refs,
  publicIpAddresses: refs,
});

/** A NIC as read. */
export type NicIn = z.output<typeof nicSchema>;
