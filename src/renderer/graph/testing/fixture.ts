/**
 * A small hand-built estate for the graph tests (independent of ingest and the engine, so the
 * mapping is tested on its own): hub + spoke peered (one side Initiated), an unrelated VNet in
 * another region, a no-public-IP cluster with a blocked, an allowed and an unknown flow, a private
 * endpoint to the workspace, a DNS zone linked to the hub only (the failed check points at it).
 */
import type { EstateVerdict, FlowVerdict } from '../../../shared/engine/verdict';
import { idKey } from '../../../shared/model/armId';
import type { Snapshot } from '../../../shared/model/snapshot';

const SUB = '00000000-0000-0000-0000-000000000001';
const rg = `/subscriptions/${SUB}/resourceGroups/rg-net/providers`;
/** ARM ids of the fixture. */
export const ID = {
  hub: `${rg}/Microsoft.Network/virtualNetworks/hub-vnet`,
  spoke: `${rg}/Microsoft.Network/virtualNetworks/spoke-vnet`,
  other: `${rg}/Microsoft.Network/virtualNetworks/other-vnet`,
  computeSubnet: `${rg}/Microsoft.Network/virtualNetworks/spoke-vnet/subnets/compute`,
  peSubnet: `${rg}/Microsoft.Network/virtualNetworks/spoke-vnet/subnets/endpoints`,
  hubSubnet: `${rg}/Microsoft.Network/virtualNetworks/hub-vnet/subnets/AzureFirewallSubnet`,
  otherSubnet: `${rg}/Microsoft.Network/virtualNetworks/other-vnet/subnets/default`,
  nsg: `${rg}/Microsoft.Network/networkSecurityGroups/compute-nsg`,
  rt: `${rg}/Microsoft.Network/routeTables/compute-rt`,
  nat: `${rg}/Microsoft.Network/natGateways/nat1`,
  peering1: `${rg}/Microsoft.Network/virtualNetworks/hub-vnet/virtualNetworkPeerings/hub-to-spoke`,
  peering2: `${rg}/Microsoft.Network/virtualNetworks/spoke-vnet/virtualNetworkPeerings/spoke-to-hub`,
  pe: `${rg}/Microsoft.Network/privateEndpoints/ws-pe`,
  zone: `${rg}/Microsoft.Network/privateDnsZones/privatelink.api.azureml.ms`,
  workspace: `/subscriptions/${SUB}/resourceGroups/rg-ml/providers/Microsoft.MachineLearningServices/workspaces/ws1`,
  cluster: `/subscriptions/${SUB}/resourceGroups/rg-ml/providers/Microsoft.MachineLearningServices/workspaces/ws1/computes/cpu-cluster`,
  fw: `${rg}/Microsoft.Network/azureFirewalls/hub-fw`,
};
export { SUB };

const base = (id: string, name: string, type: string, location = 'westeurope') => ({ id, name, type, location, subscriptionId: SUB, resourceGroup: 'rg-net' });
const map = <T extends { id: string }>(...items: T[]) => new Map(items.map((i) => [idKey(i.id), i]));

/** The fixture snapshot. */
export function fixtureSnapshot(): Snapshot {
  const subnet = (id: string, name: string, vnetId: string, prefix: string, extra: object = {}) => ({
    ...base(id, name, 'Microsoft.Network/virtualNetworks/subnets', ''), vnetId, addressPrefixes: [prefix], delegations: [],
    privateEndpointNetworkPolicies: 'Disabled' as const, serviceEndpoints: [], usedAddressCount: 3, ipConfigurationIds: [], ...extra,
  });
  const vnet = (id: string, name: string, prefix: string, subnetIds: string[], peeringIds: string[], location = 'westeurope') => ({
    ...base(id, name, 'Microsoft.Network/virtualNetworks', location), addressPrefixes: [prefix], dnsServers: [], subnetIds, peeringIds,
  });
  const peering = (id: string, name: string, vnetId: string, remoteVnetId: string, peeringState: string) => ({
    ...base(id, name, 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings', ''), vnetId, remoteVnetId, peeringState,
    allowVirtualNetworkAccess: true, allowForwardedTraffic: true, allowGatewayTransit: false, useRemoteGateways: false, remoteAddressPrefixes: [],
  });
  return {
    provenance: { source: 'test', subscriptions: [SUB] },
    vnets: map(
      vnet(ID.hub, 'hub-vnet', '10.0.0.0/16', [ID.hubSubnet], [ID.peering1]),
      vnet(ID.spoke, 'spoke-vnet', '10.1.0.0/16', [ID.computeSubnet, ID.peSubnet], [ID.peering2]),
      vnet(ID.other, 'other-vnet', '10.9.0.0/16', [ID.otherSubnet], [], 'northeurope'),
    ),
    subnets: map(
      subnet(ID.computeSubnet, 'compute', ID.spoke, '10.1.0.0/24', { nsgId: ID.nsg, routeTableId: ID.rt, natGatewayId: ID.nat }),
      subnet(ID.peSubnet, 'endpoints', ID.spoke, '10.1.1.0/27'),
      subnet(ID.hubSubnet, 'AzureFirewallSubnet', ID.hub, '10.0.0.0/26'),
      subnet(ID.otherSubnet, 'default', ID.other, '10.9.0.0/24'),
    ),
    peerings: map(peering(ID.peering1, 'hub-to-spoke', ID.hub, ID.spoke, 'Connected'), peering(ID.peering2, 'spoke-to-hub', ID.spoke, ID.hub, 'Initiated')),
    nsgs: map({ ...base(ID.nsg, 'compute-nsg', 'Microsoft.Network/networkSecurityGroups'), securityRules: [], defaultSecurityRules: [], subnetIds: [ID.computeSubnet], nicIds: [] }),
    asgs: new Map(),
    nics: new Map(),
    routeTables: map({ ...base(ID.rt, 'compute-rt', 'Microsoft.Network/routeTables'), routes: [], disableBgpRoutePropagation: false, subnetIds: [ID.computeSubnet] }),
    natGateways: map({ ...base(ID.nat, 'nat1', 'Microsoft.Network/natGateways'), subnetIds: [ID.computeSubnet], publicIpIds: [] }),
    publicIps: new Map(),
    firewalls: map({ ...base(ID.fw, 'hub-fw', 'Microsoft.Network/azureFirewalls'), subnetId: ID.hubSubnet, privateIp: '10.0.0.4', classic: { applicationRuleCollections: [], networkRuleCollections: [], natRuleCollections: [] }, additionalProperties: {} }),
    firewallPolicies: new Map(),
    ruleCollectionGroups: new Map(),
    ipGroups: new Map(),
    adminRules: new Map(),
    privateEndpoints: map({ ...base(ID.pe, 'ws-pe', 'Microsoft.Network/privateEndpoints'), subnetId: ID.peSubnet, privateIps: ['10.1.1.4'], connections: [{ name: 'c', targetId: ID.workspace, groupIds: ['amlworkspace'], status: 'Approved', manual: false }], dnsZoneIds: [ID.zone], customDnsConfigs: [], nicIds: [] }),
    dnsZones: map({ ...base(ID.zone, 'privatelink.api.azureml.ms', 'Microsoft.Network/privateDnsZones', 'global'), zoneName: 'privatelink.api.azureml.ms', links: [{ id: `${ID.zone}/virtualNetworkLinks/hub`, name: 'hub', zoneId: ID.zone, vnetId: ID.hub, registrationEnabled: false, linkState: 'Completed' }], aRecords: {} }),
    workspaces: map({ ...base(ID.workspace, 'ws1', 'Microsoft.MachineLearningServices/workspaces'), publicNetworkAccess: 'Disabled', isolationMode: 'Disabled', hbiWorkspace: false, ipAllowlist: [] }),
    computes: map({ ...base(ID.cluster, 'cpu-cluster', 'Microsoft.MachineLearningServices/workspaces/computes'), workspaceId: ID.workspace, computeType: 'AmlCompute', subnetId: ID.computeSubnet, enableNodePublicIp: false, maxNodes: 4, computeLocation: 'westeurope' }),
    unknownTypes: {},
    missing: [],
    warnings: [],
  };
}

const flow = (over: Partial<FlowVerdict> & Pick<FlowVerdict, 'requirement' | 'peer' | 'status' | 'port'>): FlowVerdict => ({
  direction: 'Outbound', protocol: 'Tcp', required: true, decidedBy: { layer: 'nsg' }, explanation: '', trace: [], ...over,
});

/** The fixture's verdict: one blocked (NSG rule), one allowed, one unknown (to the workspace PE), one inbound. */
export function fixtureVerdict(): EstateVerdict {
  return {
    schemaVersion: 1,
    computes: [{
      id: ID.cluster, name: 'cpu-cluster', kind: 'ComputeCluster', publicIp: false, subnetId: ID.computeSubnet, workspaceId: ID.workspace, region: 'westeurope',
      flows: [
        flow({ requirement: 'O1', peer: 'AzureMachineLearning', port: 443, status: 'blocked', decidedBy: { layer: 'nsg', resourceId: `${ID.nsg}/securityRules/deny-internet`, name: 'deny-internet', priority: 100 },
          trace: [{ layer: 'nsg', outcome: 'block', resourceId: `${ID.nsg}/securityRules/deny-internet`, name: 'deny-internet', priority: 100, detail: 'denies all outbound' }] }),
        flow({ requirement: 'O3', peer: 'Storage.westeurope', port: 443, status: 'allowed' }),
        flow({ requirement: 'P1', peer: ID.workspace, peerResourceId: ID.workspace, port: 443, status: 'unknown', decidedBy: { layer: 'dns' } }),
        flow({ requirement: 'I1', peer: 'BatchNodeManagement', port: 29876, status: 'allowed', direction: 'Inbound' }),
      ],
      checks: [
        { id: 'dns-zone-linked:privatelink.api.azureml.ms', status: 'fail', message: 'zone not linked to spoke-vnet', resourceId: ID.zone },
        { id: 'subnet-capacity', status: 'pass', message: 'ok' },
      ],
    }],
    assumptions: [],
    summary: { allowed: 2, blocked: 1, unknown: 1, failedChecks: 1 },
  };
}
