/**
 * The firewall doc's §5 setting in records: hub VNet 10.100.0.0/16 with AzureFirewallSubnet
 * 10.100.0.0/26 and firewall fw1 (10.100.0.4); compute VNet-C 10.1.0.0/16, node 10.1.0.5. Policies
 * and rule collection groups are written as ARM would send them, so the parser is exercised too.
 */
import { armId, buildSnapshot, subnet, vnet, type SnapshotParts } from '../../src/shared/engine/testing/snapshotBuilder';
import { SAMPLE_TAGS } from '../../src/shared/engine/testing/sampleTags';
import type { FirewallPolicy, FirewallRuleCollectionGroup, IpGroup } from '../../src/shared/model/firewall';
import type { AzureFirewall } from '../../src/shared/model/resources';
import type { Snapshot } from '../../src/shared/model/snapshot';
import type { ServiceTagData } from '../../src/shared/model/serviceTags';
import { TagIndex } from '../../src/shared/servicetags/tagIndex';

export const HUB = vnet('vnet-hub', ['10.100.0.0/16']);
export const FW_SUBNET = subnet(HUB, 'AzureFirewallSubnet', '10.100.0.0/26');
export const VNET_C = vnet('vnet-c', ['10.1.0.0/16'], { dnsServers: ['10.100.0.4'] });
export const COMPUTE_SUBNET = subnet(VNET_C, 'snet-compute', '10.1.0.0/24');
export const NODE = '10.1.0.5';

/** Service tags of the tests: the builder's sample plus the AML rows' other tags (TEST-NET-3 style prefixes). */
export const TAGS_DATA: ServiceTagData = {
  ...SAMPLE_TAGS,
  tags: [
    ...SAMPLE_TAGS.tags,
    { name: 'BatchNodeManagement.WestEurope', region: 'westeurope', systemService: 'BatchNodeManagement', addressPrefixes: ['52.10.0.0/24'] },
    { name: 'AzureActiveDirectory', region: '', systemService: 'AzureAD', addressPrefixes: ['52.20.0.0/24'] },
    { name: 'AzureResourceManager', region: '', systemService: 'AzureResourceManager', addressPrefixes: ['52.30.0.0/24'] },
    { name: 'AzureFrontDoor.Frontend', region: '', systemService: 'AzureFrontDoor', addressPrefixes: ['52.40.0.0/24'] },
    { name: 'MicrosoftContainerRegistry', region: '', systemService: 'MicrosoftContainerRegistry', addressPrefixes: ['52.50.0.0/24'] },
  ],
};
export const TAGS = TagIndex.from(TAGS_DATA);

export function policyId(name: string): string {
  return armId('Microsoft.Network/firewallPolicies', name);
}

/** A policy record (as the ingest would produce it). */
export function policy(name: string, opts: Partial<FirewallPolicy> = {}): FirewallPolicy {
  const id = policyId(name);
  return {
    id, name, type: 'Microsoft.Network/firewallPolicies', location: 'westeurope', subscriptionId: '00000000-0000-0000-0000-000000000001',
    resourceGroup: 'rg-net', ruleCollectionGroupIds: [], dnsProxyEnabled: false, ...opts,
  };
}

/** A rule collection group of `policyName` holding ARM-shaped collections. */
export function group(policyName: string, name: string, priority: number, ruleCollections: readonly unknown[]): FirewallRuleCollectionGroup {
  const pid = policyId(policyName);
  return {
    id: `${pid}/ruleCollectionGroups/${name}`, name, type: 'Microsoft.Network/firewallPolicies/ruleCollectionGroups', location: '',
    subscriptionId: '00000000-0000-0000-0000-000000000001', resourceGroup: 'rg-net', policyId: pid, priority, ruleCollections,
  };
}

/** A filter collection (ARM shape). */
export function filter(name: string, priority: number, action: 'Allow' | 'Deny', rules: readonly Record<string, unknown>[]): Record<string, unknown> {
  return { ruleCollectionType: 'FirewallPolicyFilterRuleCollection', name, priority, action: { type: action }, rules };
}

/** A DNAT collection (ARM shape). */
export function dnat(name: string, priority: number, rules: readonly Record<string, unknown>[] = []): Record<string, unknown> {
  return { ruleCollectionType: 'FirewallPolicyNatRuleCollection', name, priority, action: { type: 'DNAT' }, rules };
}

/** A policy network rule; defaults: from anywhere, TCP. */
export function netRule(name: string, r: Record<string, unknown>): Record<string, unknown> {
  return { ruleType: 'NetworkRule', name, sourceAddresses: ['*'], ipProtocols: ['TCP'], ...r };
}

/** A policy application rule; defaults: from anywhere. */
export function appRule(name: string, r: Record<string, unknown>): Record<string, unknown> {
  return { ruleType: 'ApplicationRule', name, sourceAddresses: ['*'], ...r };
}

/** Firewall fw1 (10.100.0.4) with a policy, or classic collections. */
export function firewall(opts: Partial<AzureFirewall> = {}): AzureFirewall {
  return {
    id: armId('Microsoft.Network/azureFirewalls', 'fw1'), name: 'fw1', type: 'Microsoft.Network/azureFirewalls', location: 'westeurope',
    subscriptionId: '00000000-0000-0000-0000-000000000001', resourceGroup: 'rg-net', subnetId: FW_SUBNET.id, privateIp: '10.100.0.4',
    skuTier: 'Standard', classic: { applicationRuleCollections: [], networkRuleCollections: [], natRuleCollections: [] }, additionalProperties: {},
    ...opts,
  };
}

/** A snapshot with the hub, VNet-C and the given firewall records. */
export function estate(parts: { firewall: AzureFirewall; policies?: FirewallPolicy[]; groups?: FirewallRuleCollectionGroup[]; ipGroups?: IpGroup[] } & SnapshotParts): Snapshot {
  const { firewall: fw, policies, groups, ...rest } = parts;
  return buildSnapshot({
    vnets: [HUB, VNET_C], subnets: [FW_SUBNET, COMPUTE_SUBNET], serviceTags: TAGS_DATA,
    ...rest, firewalls: [fw], firewallPolicies: policies ?? [], ruleCollectionGroups: groups ?? [], ipGroups: parts.ipGroups ?? [],
  });
}

/** The §5 policy setting: policy `child` (on fw1) with base `base`, each with the given groups. */
export function childAndBase(childGroups: FirewallRuleCollectionGroup[], baseGroups: FirewallRuleCollectionGroup[] = [], childOpts: Partial<FirewallPolicy> = {}): Snapshot {
  const base = policy('base', { ruleCollectionGroupIds: baseGroups.map((g) => g.id) });
  const child = policy('child', { basePolicyId: base.id, ruleCollectionGroupIds: childGroups.map((g) => g.id), ...childOpts });
  return estate({ firewall: firewall({ firewallPolicyId: child.id }), policies: [base, child], groups: [...baseGroups, ...childGroups] });
}
