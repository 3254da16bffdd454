/**
 * A fixture estate for issue 6's harvest tests: a hub with an Azure Firewall whose policy inherits
 * from a base policy (each with rule collection groups of network and application rules, one rule
 * naming an IP group), a spoke whose compute subnet sends 0.0.0.0/0 to the firewall with an
 * AmlCompute in it, and Virtual Network Manager admin rules (a Deny and an AlwaysAllow) for the spoke.
 */
import { idKey } from '../../src/shared/model/armId';
import type { ArmResource } from '../../src/shared/model/snapshotFile';
import type { FakeEstate } from './estate';
import { armId, computeRules, defaultRules, guid, res, serviceTagsFor } from './generatorParts';

const SEED = 'vnetlens-fw-chain';
const LOC = 'westeurope';
/** The firewall's private IP: the spoke's default route points here. */
export const FIREWALL_IP = '10.40.0.4';

/** Ids a test asserts on. */
export interface FirewallChainIds {
  readonly subscriptionId: string;
  readonly firewallId: string;
  readonly basePolicyId: string;
  readonly childPolicyId: string;
  readonly baseGroupId: string;
  readonly childGroupId: string;
  readonly ipGroupId: string;
  readonly spokeVnetId: string;
  readonly computeId: string;
  readonly adminConfigurationId: string;
  readonly adminDenyRuleId: string;
  readonly adminAlwaysAllowRuleId: string;
}

/** The estate and the ids of the parts that matter. */
export function firewallChainEstate(): { estate: FakeEstate; ids: FirewallChainIds } {
  const sub = guid(`${SEED}-sub`);
  const tenantId = guid(`${SEED}-tenant`);
  const net = (type: string, name: string) => armId(sub, 'rg-hub', `Microsoft.Network/${type}`, name);
  const spokeNet = (type: string, name: string) => armId(sub, 'rg-spoke', `Microsoft.Network/${type}`, name);
  const hubId = net('virtualNetworks', 'vnet-hub');
  const spokeId = spokeNet('virtualNetworks', 'vnet-spoke');
  const computeSubnetId = `${spokeId}/subnets/snet-compute`;
  const fwId = net('azureFirewalls', 'fw-hub');
  const basePolicyId = net('firewallPolicies', 'fwp-base');
  const childPolicyId = net('firewallPolicies', 'fwp-hub');
  const baseGroupId = `${basePolicyId}/ruleCollectionGroups/platform`;
  const childGroupId = `${childPolicyId}/ruleCollectionGroups/aml`;
  const ipGroupId = net('ipGroups', 'ipg-aml-spokes');
  const pipId = net('publicIPAddresses', 'pip-fw-hub');
  const nsgId = spokeNet('networkSecurityGroups', 'nsg-compute');
  const rtId = spokeNet('routeTables', 'rt-spoke');
  const wsId = armId(sub, 'rg-ml', 'Microsoft.MachineLearningServices/workspaces', 'mlw-fw');
  const computeId = `${wsId}/computes/cpu-cluster`;

  const resources: ArmResource[] = [
    vnet(hubId, '10.40.0.0/20', [subnet(`${hubId}/subnets/AzureFirewallSubnet`, '10.40.0.0/26', {})], spokeId, '10.40.16.0/20'),
    vnet(spokeId, '10.40.16.0/20', [subnet(computeSubnetId, '10.40.16.0/24', { networkSecurityGroup: { id: nsgId }, routeTable: { id: rtId } })], hubId, '10.40.0.0/20'),
    res(nsgId, 'Microsoft.Network/networkSecurityGroups', LOC, { resourceGuid: guid(nsgId), securityRules: computeRules(nsgId, 0), defaultSecurityRules: defaultRules(nsgId), subnets: [{ id: computeSubnetId }] }),
    res(rtId, 'Microsoft.Network/routeTables', LOC, {
      resourceGuid: guid(rtId), disableBgpRoutePropagation: true, subnets: [{ id: computeSubnetId }],
      routes: [{ name: 'to-firewall', id: `${rtId}/routes/to-firewall`, type: 'Microsoft.Network/routeTables/routes', properties: { provisioningState: 'Succeeded', addressPrefix: '0.0.0.0/0', nextHopType: 'VirtualAppliance', nextHopIpAddress: FIREWALL_IP } }],
    }),
    res(pipId, 'Microsoft.Network/publicIPAddresses', LOC, { publicIPAddressVersion: 'IPv4', publicIPAllocationMethod: 'Static', ipAddress: '52.240.0.10' }, { sku: { name: 'Standard', tier: 'Regional' } }),
    res(fwId, 'Microsoft.Network/azureFirewalls', LOC, {
      sku: { name: 'AZFW_VNet', tier: 'Standard' }, firewallPolicy: { id: childPolicyId }, threatIntelMode: 'Alert',
      ipConfigurations: [{ name: 'ipconfig', id: `${fwId}/azureFirewallIpConfigurations/ipconfig`, properties: { privateIPAddress: FIREWALL_IP, subnet: { id: `${hubId}/subnets/AzureFirewallSubnet` }, publicIPAddress: { id: pipId } } }],
    }),
    res(ipGroupId, 'Microsoft.Network/ipGroups', LOC, { ipAddresses: ['10.40.16.0/24'], firewalls: [], firewallPolicies: [{ id: basePolicyId }] }),
    res(basePolicyId, 'Microsoft.Network/firewallPolicies', LOC, { sku: { tier: 'Standard' }, threatIntelMode: 'Alert', dnsSettings: { enableProxy: true }, ruleCollectionGroups: [{ id: baseGroupId }], childPolicies: [{ id: childPolicyId }], firewalls: [] }),
    res(childPolicyId, 'Microsoft.Network/firewallPolicies', LOC, { sku: { tier: 'Standard' }, threatIntelMode: 'Alert', basePolicy: { id: basePolicyId }, ruleCollectionGroups: [{ id: childGroupId }], firewalls: [{ id: fwId }] }),
    group(baseGroupId, 100, [
      filter('platform-net', 100, 'Allow', [
        { ruleType: 'NetworkRule', name: 'aml-from-spokes', ipProtocols: ['TCP'], sourceIpGroups: [ipGroupId], destinationAddresses: ['AzureMachineLearning'], destinationPorts: ['443'] },
        { ruleType: 'NetworkRule', name: 'batch-from-spokes', ipProtocols: ['TCP'], sourceIpGroups: [ipGroupId], destinationAddresses: ['BatchNodeManagement'], destinationPorts: ['443'] },
      ]),
      filter('platform-app', 200, 'Allow', [
        { ruleType: 'ApplicationRule', name: 'entra-login', protocols: [{ protocolType: 'Https', port: 443 }], sourceAddresses: ['10.40.16.0/20'], targetFqdns: ['login.microsoftonline.com'] },
      ]),
    ]),
    group(childGroupId, 200, [
      filter('aml-net', 100, 'Allow', [
        { ruleType: 'NetworkRule', name: 'storage', ipProtocols: ['TCP'], sourceAddresses: ['10.40.16.0/24'], destinationAddresses: ['Storage'], destinationPorts: ['443'] },
      ]),
      filter('aml-app', 200, 'Allow', [
        { ruleType: 'ApplicationRule', name: 'aml-fqdns', protocols: [{ protocolType: 'Https', port: 443 }], sourceAddresses: ['10.40.16.0/24'], targetFqdns: ['*.azureml.ms', '*.azureml.net', '*.blob.core.windows.net'] },
      ]),
    ]),
    res(wsId, 'Microsoft.MachineLearningServices/workspaces', LOC, {
      friendlyName: 'mlw-fw', workspaceId: guid(wsId), discoveryUrl: `https://${LOC}.api.azureml.ms/discovery`, hbiWorkspace: false,
      storageAccount: armId(sub, 'rg-ml', 'Microsoft.Storage/storageAccounts', 'stmlfw'), keyVault: armId(sub, 'rg-ml', 'Microsoft.KeyVault/vaults', 'kv-ml-fw'),
      containerRegistry: armId(sub, 'rg-ml', 'Microsoft.ContainerRegistry/registries', 'acrmlfw'), applicationInsights: armId(sub, 'rg-ml', 'Microsoft.Insights/components', 'appi-ml-fw'),
      publicNetworkAccess: 'Enabled', v1LegacyMode: false, managedNetwork: { isolationMode: 'Disabled' }, privateEndpointConnections: [],
    }, { identity: { type: 'SystemAssigned', principalId: guid(wsId + 'p'), tenantId }, sku: { name: 'Basic', tier: 'Basic' }, kind: 'Default' }),
    {
      id: computeId, name: 'cpu-cluster', type: 'Microsoft.MachineLearningServices/workspaces/computes', location: LOC,
      properties: {
        computeType: 'AmlCompute', computeLocation: LOC, provisioningState: 'Succeeded', isAttachedCompute: false, disableLocalAuth: true,
        properties: { vmSize: 'STANDARD_DS3_V2', vmPriority: 'Dedicated', osType: 'Linux', scaleSettings: { maxNodeCount: 4, minNodeCount: 0 }, subnet: { id: computeSubnetId }, enableNodePublicIp: false, remoteLoginPortPublicAccess: 'Disabled', isolatedNetwork: false },
      },
    },
  ];

  const nm = `/subscriptions/${sub}/resourceGroups/rg-avnm/providers/Microsoft.Network/networkManagers/nm-org`;
  const adminConfigurationId = `${nm}/securityAdminConfigurations/cfg-baseline`;
  const rules = `${adminConfigurationId}/ruleCollections/rc-spokes/rules`;
  const adminRule = (name: string, priority: number, access: string, direction: string, protocol: string, from: string, to: string, ports: string[]) => ({
    id: `${rules}/${name}`,
    configurationDescription: 'org baseline',
    ruleCollectionDescription: 'aml spokes',
    ruleCollectionAppliesToGroups: [{ networkGroupId: `${nm}/networkGroups/aml-spokes` }],
    ruleGroups: [],
    kind: 'Custom',
    properties: {
      protocol, direction, access, priority, provisioningState: 'Succeeded',
      sources: [{ addressPrefix: from, addressPrefixType: from === '*' || from.includes('.') ? 'IPPrefix' : 'ServiceTag' }],
      destinations: [{ addressPrefix: to, addressPrefixType: to === '*' || to.includes('.') ? 'IPPrefix' : 'ServiceTag' }],
      sourcePortRanges: ['0-65535'], destinationPortRanges: ports,
    },
  });
  const adminRules = {
    [idKey(spokeId)]: [
      adminRule('deny-udp-5831', 100, 'Deny', 'Outbound', 'Udp', '*', '*', ['5831']),
      adminRule('always-allow-arm', 110, 'AlwaysAllow', 'Outbound', 'Tcp', '*', 'AzureResourceManager', ['443']),
    ],
    [idKey(hubId)]: [],
  };

  return {
    estate: { tenantId, subscriptions: [{ subscriptionId: sub, displayName: 'vnetlens-fw-chain', tenantId }], resources, adminRules, serviceTags: serviceTagsFor([LOC]) },
    ids: {
      subscriptionId: sub, firewallId: fwId, basePolicyId, childPolicyId, baseGroupId, childGroupId, ipGroupId, spokeVnetId: spokeId, computeId,
      adminConfigurationId, adminDenyRuleId: `${rules}/deny-udp-5831`, adminAlwaysAllowRuleId: `${rules}/always-allow-arm`,
    },
  };
}

function subnet(id: string, prefix: string, extra: Record<string, unknown>): Record<string, unknown> {
  return {
    name: id.split('/').pop(), id, etag: `W/"${guid(id)}"`, type: 'Microsoft.Network/virtualNetworks/subnets',
    properties: { provisioningState: 'Succeeded', addressPrefix: prefix, delegations: [], privateEndpointNetworkPolicies: 'Disabled', privateLinkServiceNetworkPolicies: 'Enabled', ...extra },
  };
}

function vnet(id: string, space: string, subnets: Record<string, unknown>[], remoteId: string, remoteSpace: string): ArmResource {
  const name = `peer-to-${remoteId.split('/').pop() ?? ''}`;
  return res(id, 'Microsoft.Network/virtualNetworks', LOC, {
    resourceGuid: guid(id), addressSpace: { addressPrefixes: [space] }, dhcpOptions: { dnsServers: [] }, subnets, enableDdosProtection: false,
    virtualNetworkPeerings: [{
      name, id: `${id}/virtualNetworkPeerings/${name}`, etag: `W/"${guid(id + name)}"`, type: 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings',
      properties: {
        provisioningState: 'Succeeded', peeringState: 'Connected', peeringSyncLevel: 'FullyInSync', remoteVirtualNetwork: { id: remoteId },
        remoteAddressSpace: { addressPrefixes: [remoteSpace] }, allowVirtualNetworkAccess: true, allowForwardedTraffic: true, allowGatewayTransit: false, useRemoteGateways: false,
      },
    }],
  });
}

function group(id: string, priority: number, ruleCollections: unknown[]): ArmResource {
  return { id, name: id.split('/').pop() ?? '', type: 'Microsoft.Network/firewallPolicies/ruleCollectionGroups', etag: guid(id), properties: { provisioningState: 'Succeeded', priority, ruleCollections } };
}

function filter(name: string, priority: number, action: 'Allow' | 'Deny', rules: unknown[]): unknown {
  return { ruleCollectionType: 'FirewallPolicyFilterRuleCollection', name, priority, action: { type: action }, rules };
}
