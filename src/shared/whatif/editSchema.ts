/**
 * zod schema of the Edit union: edit lists come from project files (and the renderer over IPC), so
 * they are parsed at that edge. Semantic checks (priorities, names, existence) stay in applyEdit.
 */
import { z } from 'zod';
import type { Edit } from './edits';
import { firewallEditSchemas } from './firewallEditSchema';

const str = z.string().min(1);
const strs = z.array(z.string());
const place = z.object({ subscriptionId: str, resourceGroup: str, name: str, location: str });
const direction = z.enum(['Inbound', 'Outbound']);
const protocol = z.enum(['Tcp', 'Udp', 'Icmp', 'Esp', 'Ah', '*']);
const ruleFields = {
  priority: z.number().int(),
  direction,
  access: z.enum(['Allow', 'Deny']),
  protocol,
  sourceAddressPrefixes: strs,
  sourcePortRanges: strs,
  destinationAddressPrefixes: strs,
  destinationPortRanges: strs,
  sourceAsgIds: strs.optional(),
  destinationAsgIds: strs.optional(),
  description: z.string().optional(),
};
const rule = z.object({ name: str, ...ruleFields });
const routeSpec = z.object({
  name: str, addressPrefix: str, nextHopType: z.enum(['VnetLocal', 'Internet', 'VirtualAppliance', 'None']), nextHopIpAddress: z.string().optional(),
});

/** One edit, strictly typed by its `kind`. */
export const editSchema: z.ZodType<Edit> = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('nsgRule.add'), nsgId: str, rule }),
  z.object({ kind: z.literal('nsgRule.update'), nsgId: str, ruleName: str, changes: z.object(ruleFields).partial() }),
  z.object({ kind: z.literal('nsgRule.delete'), nsgId: str, ruleName: str }),
  z.object({ kind: z.literal('nsgRule.reprioritize'), nsgId: str, ruleName: str, priority: z.number().int() }),
  z.object({ kind: z.literal('nsg.create'), place }),
  z.object({ kind: z.literal('nsg.associateSubnet'), subnetId: str, nsgId: str.nullable() }),
  z.object({ kind: z.literal('peering.create'), vnetId: str, remoteVnetId: str, name: str.optional(), remoteName: str.optional(), allowForwardedTraffic: z.boolean().optional() }),
  z.object({ kind: z.literal('dnsZone.create'), subscriptionId: str, resourceGroup: str, zoneName: str }),
  z.object({ kind: z.literal('dnsZone.link'), zoneId: str, vnetId: str, linkName: str.optional(), registrationEnabled: z.boolean().optional() }),
  z.object({ kind: z.literal('dnsRecord.addA'), zoneId: str, recordName: str, ipv4Addresses: strs, ttl: z.number().int().optional() }),
  z.object({ kind: z.literal('privateEndpoint.add'), place, subnetId: str, targetId: str, groupId: str, privateIp: str.optional(), dnsZoneIds: strs.optional() }),
  z.object({ kind: z.literal('routeTable.create'), place, disableBgpRoutePropagation: z.boolean().optional() }),
  z.object({ kind: z.literal('route.add'), routeTableId: str, route: routeSpec }),
  z.object({ kind: z.literal('routeTable.associateSubnet'), subnetId: str, routeTableId: str.nullable() }),
  z.object({ kind: z.literal('natGateway.attach'), subnetId: str, natGatewayId: str.optional(), create: place.optional() }),
  z.object({ kind: z.literal('compute.setPublicIp'), computeId: str, enabled: z.boolean() }),
  ...firewallEditSchemas,
]);
