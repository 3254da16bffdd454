/**
 * A small hand-built estate for what-if unit tests (no ingest needed): a workspace VNet with a
 * workspace private endpoint, a compute VNet (not peered) whose subnet has an NSG denying Internet
 * outbound and a 0.0.0.0/0 route to an appliance, and one compute cluster with a public IP.
 */
import { idKey } from '../../src/shared/model';
import type {
  Compute, NetworkSecurityGroup, PrivateDnsZone, PrivateEndpoint, RouteTable, SecurityRule, Snapshot, Subnet,
  VirtualNetwork, Workspace,
} from '../../src/shared/model';
import { defaultSecurityRules } from '../../src/shared/model/defaultSecurityRules';

export const SUB = '00000000-0000-0000-0000-0000000000aa';
const rg = (name: string): string => `/subscriptions/${SUB}/resourceGroups/${name}`;
const net = (type: string, name: string, group = 'rg-net'): string => `${rg(group)}/providers/Microsoft.Network/${type}/${name}`;

export const IDS = {
  vnetW: net('virtualNetworks', 'vnet-w'),
  vnetC: net('virtualNetworks', 'vnet-c'),
  snetPe: `${net('virtualNetworks', 'vnet-w')}/subnets/snet-pe`,
  snetCompute: `${net('virtualNetworks', 'vnet-c')}/subnets/snet-compute`,
  nsg: net('networkSecurityGroups', 'nsg-compute'),
  routeTable: net('routeTables', 'rt-compute'),
  zoneApi: net('privateDnsZones', 'privatelink.api.azureml.ms'),
  peWs: net('privateEndpoints', 'pe-ws'),
  workspace: `${rg('rg-ml')}/providers/Microsoft.MachineLearningServices/workspaces/ws1`,
  storage: `${rg('rg-ml')}/providers/Microsoft.Storage/storageAccounts/stws1`,
  compute: `${rg('rg-ml')}/providers/Microsoft.MachineLearningServices/workspaces/ws1/computes/cpu`,
} as const;

const base = (id: string, name: string, type: string, location = 'westeurope', group = 'rg-net') =>
  ({ id, name, type, location, subscriptionId: SUB, resourceGroup: group });

function byId<T extends { id: string }>(...items: T[]): ReadonlyMap<string, T> {
  return new Map(items.map((i) => [idKey(i.id), i]));
}

/** A custom rule record with sensible defaults. */
export function ruleRecord(nsgId: string, r: Partial<SecurityRule> & Pick<SecurityRule, 'name' | 'priority' | 'direction' | 'access'>): SecurityRule {
  return {
    id: `${nsgId}/securityRules/${r.name}`, protocol: '*', sourceAddressPrefixes: ['*'], destinationAddressPrefixes: ['*'],
    sourcePortRanges: ['*'], destinationPortRanges: ['*'], sourceAsgIds: [], destinationAsgIds: [], isDefault: false, ...r,
  };
}

/** The fixture estate. */
export function fixtureSnapshot(): Snapshot {
  const vnetW: VirtualNetwork = { ...base(IDS.vnetW, 'vnet-w', 'Microsoft.Network/virtualNetworks'), addressPrefixes: ['10.0.0.0/16'], dnsServers: [], subnetIds: [IDS.snetPe], peeringIds: [] };
  const vnetC: VirtualNetwork = { ...base(IDS.vnetC, 'vnet-c', 'Microsoft.Network/virtualNetworks'), addressPrefixes: ['10.1.0.0/16'], dnsServers: [], subnetIds: [IDS.snetCompute], peeringIds: [] };
  const subnet = (id: string, name: string, vnetId: string, prefix: string, extra: Partial<Subnet> = {}): Subnet => ({
    ...base(id, name, 'Microsoft.Network/virtualNetworks/subnets', ''), vnetId, addressPrefixes: [prefix], delegations: [],
    privateEndpointNetworkPolicies: 'Disabled', serviceEndpoints: [], usedAddressCount: 0, ipConfigurationIds: [], ...extra,
  });
  const snetPe = subnet(IDS.snetPe, 'snet-pe', IDS.vnetW, '10.0.1.0/24', { usedAddressCount: 1 });
  const snetCompute = subnet(IDS.snetCompute, 'snet-compute', IDS.vnetC, '10.1.0.0/24', { nsgId: IDS.nsg, routeTableId: IDS.routeTable });
  const nsg: NetworkSecurityGroup = {
    ...base(IDS.nsg, 'nsg-compute', 'Microsoft.Network/networkSecurityGroups'),
    securityRules: [
      ruleRecord(IDS.nsg, { name: 'deny-internet-out', priority: 200, direction: 'Outbound', access: 'Deny', destinationAddressPrefixes: ['Internet'] }),
      ruleRecord(IDS.nsg, { name: 'allow-aml-out', priority: 4000, direction: 'Outbound', access: 'Allow', protocol: 'Tcp', destinationAddressPrefixes: ['AzureMachineLearning'], destinationPortRanges: ['443'] }),
      ruleRecord(IDS.nsg, { name: 'allow-ssh-in', priority: 199, direction: 'Inbound', access: 'Allow', protocol: 'Tcp', destinationPortRanges: ['22'] }),
    ],
    defaultSecurityRules: defaultSecurityRules(IDS.nsg), subnetIds: [IDS.snetCompute], nicIds: [],
  };
  const rt: RouteTable = {
    ...base(IDS.routeTable, 'rt-compute', 'Microsoft.Network/routeTables'),
    routes: [{ id: `${IDS.routeTable}/routes/default`, name: 'default', addressPrefix: '0.0.0.0/0', nextHopType: 'VirtualAppliance', nextHopIpAddress: '10.0.2.4' }],
    disableBgpRoutePropagation: false, subnetIds: [IDS.snetCompute],
  };
  const zone: PrivateDnsZone = {
    ...base(IDS.zoneApi, 'privatelink.api.azureml.ms', 'Microsoft.Network/privateDnsZones', 'global'), zoneName: 'privatelink.api.azureml.ms',
    links: [{ id: `${IDS.zoneApi}/virtualNetworkLinks/vnet-w-link`, name: 'vnet-w-link', zoneId: IDS.zoneApi, vnetId: IDS.vnetW, registrationEnabled: false, linkState: 'Completed' }],
    aRecords: { '1111.workspace.westeurope': ['10.0.1.4'] },
  };
  const pe: PrivateEndpoint = {
    ...base(IDS.peWs, 'pe-ws', 'Microsoft.Network/privateEndpoints'), subnetId: IDS.snetPe, privateIps: ['10.0.1.4'],
    connections: [{ name: 'pe-ws', targetId: IDS.workspace, groupIds: ['amlworkspace'], status: 'Approved', manual: false }],
    dnsZoneIds: [IDS.zoneApi], customDnsConfigs: [], nicIds: [],
  };
  const ws: Workspace = {
    ...base(IDS.workspace, 'ws1', 'Microsoft.MachineLearningServices/workspaces', 'westeurope', 'rg-ml'), workspaceGuid: '1111',
    storageAccountId: IDS.storage, publicNetworkAccess: 'Disabled', isolationMode: 'Disabled', hbiWorkspace: false, ipAllowlist: [],
  };
  const compute: Compute = {
    ...base(IDS.compute, 'cpu', 'Microsoft.MachineLearningServices/workspaces/computes', 'westeurope', 'rg-ml'), workspaceId: IDS.workspace,
    computeType: 'AmlCompute', subnetId: IDS.snetCompute, enableNodePublicIp: true, maxNodes: 4, computeLocation: 'westeurope',
  };
  const empty = new Map();
  return {
    provenance: { source: 'file', subscriptions: [SUB] },
    vnets: byId(vnetW, vnetC), subnets: byId(snetPe, snetCompute), peerings: empty, nsgs: byId(nsg), asgs: empty, nics: empty,
    routeTables: byId(rt), natGateways: empty, publicIps: empty, firewalls: empty, firewallPolicies: empty,
    ruleCollectionGroups: empty, ipGroups: empty, adminRules: empty, privateEndpoints: byId(pe), dnsZones: byId(zone),
    workspaces: byId(ws), computes: byId(compute), unknownTypes: {}, missing: [], warnings: [],
  };
}
