/** ARM ids and types of the resources edits create; the exports and the round trip rely on them. */
import type { NewResourcePlace } from './edits';

/** ARM resource types (canonical spelling) that edits create or change. */
export const ARM_TYPES = {
  nsg: 'Microsoft.Network/networkSecurityGroups',
  securityRule: 'Microsoft.Network/networkSecurityGroups/securityRules',
  vnet: 'Microsoft.Network/virtualNetworks',
  subnet: 'Microsoft.Network/virtualNetworks/subnets',
  peering: 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings',
  routeTable: 'Microsoft.Network/routeTables',
  route: 'Microsoft.Network/routeTables/routes',
  natGateway: 'Microsoft.Network/natGateways',
  publicIp: 'Microsoft.Network/publicIPAddresses',
  privateEndpoint: 'Microsoft.Network/privateEndpoints',
  zoneGroup: 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups',
  dnsZone: 'Microsoft.Network/privateDnsZones',
  dnsLink: 'Microsoft.Network/privateDnsZones/virtualNetworkLinks',
  dnsA: 'Microsoft.Network/privateDnsZones/A',
  compute: 'Microsoft.MachineLearningServices/workspaces/computes',
} as const;

/** Type of a resource kind, keyed as in ARM_TYPES. */
export type ArmTypeName = (typeof ARM_TYPES)[keyof typeof ARM_TYPES];

/** `/subscriptions/s/resourceGroups/rg/providers/<type>/<name>` for a top-level resource. */
export function newResourceId(place: Pick<NewResourcePlace, 'subscriptionId' | 'resourceGroup' | 'name'>, type: string): string {
  return `/subscriptions/${place.subscriptionId}/resourceGroups/${place.resourceGroup}/providers/${type}/${place.name}`;
}

/** `<parent>/<segment>/<name>` for a child resource. */
export function childId(parentId: string, segment: string, name: string): string {
  return `${parentId.replace(/\/+$/, '')}/${segment}/${name}`;
}
