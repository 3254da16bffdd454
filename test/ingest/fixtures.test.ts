/**
 * The fixture estate (test/fixtures/ingest) read nested and flat: both forms give the same
 * snapshot, and the normalized records carry what the ARM JSON says (including derived
 * back-references and synthesized default rules).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { idKey, type Snapshot } from '../../src/shared/model';
import { ingest } from '../../src/shared/ingest';

const fixture = (name: string): unknown[] =>
  JSON.parse(readFileSync(new URL(`../fixtures/ingest/${name}`, import.meta.url), 'utf8')) as unknown[];

const S1 = '/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-ml/providers';
const VNET = `${S1}/Microsoft.Network/virtualNetworks/vnet-ml`;
const SNET_COMPUTE = `${VNET}/subnets/snet-compute`;
const SNET_PE = `${VNET}/subnets/snet-pe`;
const NSG = `${S1}/Microsoft.Network/networkSecurityGroups/nsg-compute`;
const NSG_PE = `${S1}/Microsoft.Network/networkSecurityGroups/nsg-pe`;
const RT = `${S1}/Microsoft.Network/routeTables/rt-compute`;
const NAT = `${S1}/Microsoft.Network/natGateways/nat-ml`;
const NIC = `${S1}/Microsoft.Network/networkInterfaces/nic-vm1`;
const PE_NIC = `${S1}/Microsoft.Network/networkInterfaces/pe-ws.nic.0a1b2c`;
const PE_WS = `${S1}/Microsoft.Network/privateEndpoints/pe-ws`;
const WS = `${S1}/Microsoft.MachineLearningServices/workspaces/mlw-1`;

const get = <T>(m: ReadonlyMap<string, T>, id: string): T => {
  const v = m.get(idKey(id));
  if (v === undefined) throw new Error(`not in snapshot: ${id}`);
  return v;
};

/** The snapshot as plain JSON, for whole-snapshot comparisons. */
function plain(s: Snapshot): unknown {
  return JSON.parse(JSON.stringify(s, (_k, v: unknown) => (v instanceof Map ? Object.fromEntries(v) : v)));
}

describe('fixture estate', () => {
  const nested = ingest(fixture('estate.nested.json'), { fileName: 'estate.nested.json' });
  const flat = ingest(fixture('estate.flat.json'), { fileName: 'estate.flat.json' });

  it('reads nested and flat children into the same snapshot', () => {
    const { provenance: p1, ...a } = plain(nested) as { provenance: unknown };
    const { provenance: p2, ...b } = plain(flat) as { provenance: unknown };
    expect(a).toEqual(b);
    expect(p1).toEqual({ source: 'file', subscriptions: ['11111111-1111-1111-1111-111111111111', '22222222-2222-2222-2222-222222222222'], inputFile: 'estate.nested.json' });
    expect(p2).toMatchObject({ inputFile: 'estate.flat.json' });
  });

  it('accepts nested and separate copies of the same children at once without duplicates', () => {
    const children = fixture('estate.flat.json').filter((r) => ((r as { type: string }).type.match(/\//g) ?? []).length > 1
      && !['Microsoft.MachineLearningServices/workspaces/computes', 'Microsoft.Network/privateDnsZones/virtualNetworkLinks', 'Microsoft.Network/privateDnsZones/A'].includes((r as { type: string }).type));
    expect(children.length).toBeGreaterThan(10);
    const both = ingest([...fixture('estate.nested.json'), ...children], { fileName: 'both.json' });
    expect(both.warnings).toEqual([]);
    const { provenance: _p1, ...a } = plain(both) as { provenance: unknown };
    const { provenance: _p2, ...b } = plain(nested) as { provenance: unknown };
    expect(a).toEqual(b);
  });

  it('lets the separate resource win over the nested copy of a child', () => {
    const changed = { type: 'Microsoft.Network/networkSecurityGroups/securityRules', id: `${NSG}/securityRules/AllowCorpSsh`, name: 'AllowCorpSsh',
      properties: { priority: 130, direction: 'Inbound', access: 'Deny', protocol: '*', sourceAddressPrefix: '*', destinationAddressPrefix: '*', sourcePortRange: '*', destinationPortRange: '22' } };
    const s = ingest([...fixture('estate.nested.json'), changed], { fileName: 'x.json' });
    const rules = get(s.nsgs, NSG).securityRules;
    expect(rules.map((r) => r.name)).toEqual(['AllowBatchNodeManagementInbound', 'AllowAzureMachineLearningInbound', 'AllowCorpSsh', 'AllowStorageOutbound', 'DenyInternetUdpOutbound']);
    expect(rules[2]).toMatchObject({ priority: 130, access: 'Deny', protocol: '*' });
  });

  it('has no warnings and counts the unmodelled types', () => {
    expect(nested.warnings).toEqual([]);
    expect(nested.unknownTypes).toEqual({ 'microsoft.storage/storageaccounts': 1, 'microsoft.keyvault/vaults': 1, 'microsoft.containerregistry/registries': 1 });
    expect([...nested.vnets.values()].map((v) => v.name)).toEqual(['vnet-ml', 'vnet-hub']);
    expect(get(nested.vnets, VNET).subnetIds).toEqual([SNET_COMPUTE, SNET_PE, `${VNET}/subnets/AzureFirewallSubnet`]);
  });

  it('normalizes NSG rules: merged prefixes, split port lists, casing, ASGs', () => {
    const nsg = get(nested.nsgs, NSG);
    const byName = new Map(nsg.securityRules.map((r) => [r.name, r]));
    expect(byName.get('AllowCorpSsh')).toMatchObject({
      protocol: 'Tcp', sourceAddressPrefixes: ['10.0.0.0/8', '192.168.0.0/16'], destinationAddressPrefixes: [],
      destinationAsgIds: [`${S1}/Microsoft.Network/applicationSecurityGroups/asg-web`], destinationPortRanges: ['22'], isDefault: false,
      description: 'SSH from corp ranges to web ASG',
    });
    expect(byName.get('AllowStorageOutbound')?.destinationPortRanges).toEqual(['443', '445']);
    expect(byName.get('DenyInternetUdpOutbound')).toMatchObject({ direction: 'Outbound', access: 'Deny', protocol: 'Udp', priority: 4000 });
  });

  it('synthesizes the six default rules when ARM omitted them, and keeps them when given', () => {
    const synthesized = get(nested.nsgs, NSG).defaultSecurityRules;
    expect(synthesized.map((r) => [r.name, r.direction, r.priority, r.access, r.sourceAddressPrefixes[0], r.destinationAddressPrefixes[0], r.isDefault])).toEqual([
      ['AllowVnetInBound', 'Inbound', 65000, 'Allow', 'VirtualNetwork', 'VirtualNetwork', true],
      ['AllowAzureLoadBalancerInBound', 'Inbound', 65001, 'Allow', 'AzureLoadBalancer', '*', true],
      ['DenyAllInBound', 'Inbound', 65500, 'Deny', '*', '*', true],
      ['AllowVnetOutBound', 'Outbound', 65000, 'Allow', 'VirtualNetwork', 'VirtualNetwork', true],
      ['AllowInternetOutBound', 'Outbound', 65001, 'Allow', '*', 'Internet', true],
      ['DenyAllOutBound', 'Outbound', 65500, 'Deny', '*', '*', true],
    ]);
    expect(synthesized[0]?.id).toBe(`${NSG}/defaultSecurityRules/AllowVnetInBound`);
    const given = get(nested.nsgs, NSG_PE);
    expect(given.securityRules).toEqual([]);
    expect(given.defaultSecurityRules.map((r) => r.isDefault)).toEqual([true, true, true, true, true, true]);
  });

  it('derives back-references in both directions', () => {
    // subnet → NSG stated on the subnet only; NSG lists nothing
    expect(get(nested.nsgs, NSG).subnetIds).toEqual([SNET_COMPUTE]);
    // NSG → subnet stated on the NSG only
    expect(get(nested.subnets, SNET_PE).nsgId).toBe(NSG_PE);
    // route table lists the subnet, subnet says nothing
    expect(get(nested.subnets, SNET_COMPUTE).routeTableId).toBe(RT);
    // subnet names the NAT gateway, NAT gateway lists nothing
    expect(get(nested.natGateways, NAT).subnetIds).toEqual([SNET_COMPUTE]);
    // NIC names its NSG; NSG lists no NICs
    expect(get(nested.nsgs, NSG).nicIds).toEqual([NIC]);
    // PE NIC ↔ PE
    expect(get(nested.privateEndpoints, PE_WS).nicIds).toEqual([PE_NIC]);
    expect(get(nested.nics, PE_NIC).privateEndpointId).toBe(PE_WS);
    // public IP learns its ip configuration from the NIC
    expect(get(nested.publicIps, `${S1}/Microsoft.Network/publicIPAddresses/pip-vm1`).ipConfigurationId).toBe(`${NIC}/ipConfigurations/ipconfig1`);
  });

  it('counts subnet addresses from ip configurations without double counting', () => {
    expect(get(nested.subnets, SNET_COMPUTE)).toMatchObject({ usedAddressCount: 1, ipConfigurationIds: [`${NIC}/ipConfigurations/ipconfig1`] });
    // listed on the subnet AND on the PE's NIC: one address
    expect(get(nested.subnets, SNET_PE).usedAddressCount).toBe(1);
    // the firewall's ip configuration takes an address in AzureFirewallSubnet
    expect(get(nested.subnets, `${VNET}/subnets/AzureFirewallSubnet`).usedAddressCount).toBe(1);
  });

  it('reads subnet, peering and route details', () => {
    expect(get(nested.subnets, SNET_COMPUTE)).toMatchObject({
      addressPrefixes: ['10.10.1.0/24'], defaultOutboundAccess: false, privateEndpointNetworkPolicies: 'Disabled',
      serviceEndpoints: [{ service: 'Microsoft.Storage', locations: ['westeurope', 'northeurope'] }],
    });
    expect(get(nested.subnets, SNET_PE).defaultOutboundAccess).toBeUndefined();
    expect(get(nested.subnets, `${VNET}/subnets/AzureFirewallSubnet`).privateEndpointNetworkPolicies).toBe('NetworkSecurityGroupEnabled');
    expect(get(nested.peerings, `${VNET}/virtualNetworkPeerings/to-hub`)).toMatchObject({
      vnetId: VNET, peeringState: 'Connected', useRemoteGateways: true, allowForwardedTraffic: true, remoteAddressPrefixes: ['10.0.0.0/16'],
    });
    expect(get(nested.routeTables, RT).routes.map((r) => [r.addressPrefix, r.nextHopType, r.nextHopIpAddress])).toEqual([
      ['0.0.0.0/0', 'VirtualAppliance', '10.10.0.4'], ['AzureMachineLearning', 'Internet', undefined], ['BatchNodeManagement.westeurope', 'Internet', undefined],
    ]);
  });

  it('reads private endpoints, zones, links and A records', () => {
    const pe = get(nested.privateEndpoints, PE_WS);
    expect(pe).toMatchObject({ subnetId: SNET_PE, privateIps: ['10.10.2.5'], connections: [{ targetId: WS, groupIds: ['amlworkspace'], status: 'Approved', manual: false }] });
    expect(pe.dnsZoneIds.map((z) => z.split('/').pop())).toEqual(['privatelink.api.azureml.ms', 'privatelink.notebooks.azure.net']);
    const blob = get(nested.privateEndpoints, `${S1}/Microsoft.Network/privateEndpoints/pe-blob`);
    expect(blob.connections).toEqual([{ name: 'pe-blob-conn', targetId: `${S1}/Microsoft.Storage/storageAccounts/stmlw1`, groupIds: ['blob'], status: 'Pending', manual: true }]);
    expect(blob.privateIps).toEqual(['10.10.2.6']);
    const zone = get(nested.dnsZones, `${S1}/Microsoft.Network/privateDnsZones/privatelink.api.azureml.ms`);
    expect(zone.zoneName).toBe('privatelink.api.azureml.ms');
    expect(zone.links).toEqual([expect.objectContaining({ vnetId: VNET, registrationEnabled: false, linkState: 'Completed' })]);
    expect(zone.aRecords).toEqual({
      '5f2a3c4d-0000-4000-8000-00000000abcd.workspace.westeurope': ['10.10.2.5'],
      '*.5f2a3c4d-0000-4000-8000-00000000abcd.inference.westeurope': ['10.10.2.7'],
    });
  });

  it('reads the workspace and every compute kind', () => {
    expect(get(nested.workspaces, WS)).toMatchObject({
      workspaceGuid: '5f2a3c4d-0000-4000-8000-00000000abcd', storageAccountId: `${S1}/Microsoft.Storage/storageAccounts/stmlw1`,
      publicNetworkAccess: 'Disabled', isolationMode: 'Disabled', serverless: { subnetId: SNET_COMPUTE, noPublicIp: true }, ipAllowlist: [],
    });
    const c = (name: string) => get(nested.computes, `${WS}/computes/${name}`);
    expect(c('cpu-cluster')).toMatchObject({ workspaceId: WS, computeType: 'AmlCompute', subnetId: SNET_COMPUTE, enableNodePublicIp: false, maxNodes: 4, computeLocation: 'westeurope' });
    expect(c('ci-alice')).toMatchObject({ computeType: 'ComputeInstance', enableNodePublicIp: true, maxNodes: 1 });
    expect(c('gpu-eastus').computeLocation).toBe('eastus');
    expect(c('attached-vm')).toMatchObject({ computeType: 'VirtualMachine', address: '10.10.1.4', targetResourceId: `${S1}/Microsoft.Compute/virtualMachines/vm1` });
    expect(c('dbx')).toMatchObject({ computeType: 'Databricks', targetResourceId: `${S1}/Microsoft.Databricks/workspaces/dbw-1` });
  });

  it('reads the Azure Firewall and hands the policy to the firewall normalizer', () => {
    expect(get(nested.firewalls, `${S1}/Microsoft.Network/azureFirewalls/afw-hub`)).toMatchObject({
      subnetId: `${VNET}/subnets/AzureFirewallSubnet`, privateIp: '10.10.0.4', skuTier: 'Standard',
      firewallPolicyId: `${S1}/Microsoft.Network/firewallPolicies/fwpol-hub`, additionalProperties: { 'Network.DNS.EnableProxy': 'true' },
    });
    expect(nested.firewallPolicies.has(idKey(`${S1}/Microsoft.Network/firewallPolicies/fwpol-hub`))).toBe(true);
  });
});
