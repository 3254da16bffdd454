/** One edit of every family, spread over three resource groups (rg-net, rg-dns, rg-ml) of the fixture estate. */
import type { Edit } from '../../src/shared/whatif/edits';
import { IDS, SUB } from '../whatif/fixtureSnapshot';

export const place = (name: string, group = 'rg-net') => ({ subscriptionId: SUB, resourceGroup: group, name, location: 'westeurope' });
export const zoneNb = `/subscriptions/${SUB}/resourceGroups/rg-dns/providers/Microsoft.Network/privateDnsZones/privatelink.notebooks.azure.net`;

export const ALL_EDITS: readonly Edit[] = [
  { kind: 'nsgRule.add', nsgId: IDS.nsg, rule: { name: 'allow-storage', priority: 150, direction: 'Outbound', access: 'Allow', protocol: 'Tcp', sourceAddressPrefixes: ['VirtualNetwork'], sourcePortRanges: ['*'], destinationAddressPrefixes: ['Storage.westeurope'], destinationPortRanges: ['443', '445'] } },
  { kind: 'nsgRule.update', nsgId: IDS.nsg, ruleName: 'allow-aml-out', changes: { destinationPortRanges: ['443', '8787', '18881'] } },
  { kind: 'nsg.create', place: place('nsg-pe') },
  { kind: 'nsg.associateSubnet', subnetId: IDS.snetPe, nsgId: `/subscriptions/${SUB}/resourceGroups/rg-net/providers/Microsoft.Network/networkSecurityGroups/nsg-pe` },
  { kind: 'peering.create', vnetId: IDS.vnetC, remoteVnetId: IDS.vnetW },
  { kind: 'dnsZone.create', subscriptionId: SUB, resourceGroup: 'rg-dns', zoneName: 'privatelink.notebooks.azure.net' },
  { kind: 'dnsZone.link', zoneId: zoneNb, vnetId: IDS.vnetC },
  { kind: 'dnsZone.link', zoneId: IDS.zoneApi, vnetId: IDS.vnetC },
  { kind: 'dnsRecord.addA', zoneId: zoneNb, recordName: 'ml-ws1-westeurope-1111.westeurope', ipv4Addresses: ['10.0.1.4'], ttl: 10 },
  { kind: 'privateEndpoint.add', place: place('pe-st-blob'), subnetId: IDS.snetPe, targetId: IDS.storage, groupId: 'blob' },
  { kind: 'route.add', routeTableId: IDS.routeTable, route: { name: 'aml-internet', addressPrefix: 'AzureMachineLearning', nextHopType: 'Internet' } },
  { kind: 'routeTable.create', place: place('rt-pe') },
  { kind: 'route.add', routeTableId: `/subscriptions/${SUB}/resourceGroups/rg-net/providers/Microsoft.Network/routeTables/rt-pe`, route: { name: 'to-fw', addressPrefix: '0.0.0.0/0', nextHopType: 'VirtualAppliance', nextHopIpAddress: '10.0.2.4' } },
  { kind: 'natGateway.attach', subnetId: IDS.snetCompute, create: place('nat-c') },
  { kind: 'compute.setPublicIp', computeId: IDS.compute, enabled: false },
];

