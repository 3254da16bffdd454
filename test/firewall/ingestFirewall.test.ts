import { describe, expect, it } from 'vitest';
import { normalizeFirewallResource } from '../../src/shared/ingest/firewall';
import type { IngestWarning } from '../../src/shared/model/snapshot';
import type { ArmResource } from '../../src/shared/model/snapshotFile';

const SUB = '/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg-hub/providers/Microsoft.Network';

function run(res: ArmResource): { out: ReturnType<typeof normalizeFirewallResource>; warnings: IngestWarning[] } {
  const warnings: IngestWarning[] = [];
  return { out: normalizeFirewallResource(res, { warn: (w) => warnings.push(w) }), warnings };
}

describe('normalizeFirewallResource', () => {
  it('ignores resource types it does not own', () => {
    expect(run({ id: `${SUB}/azureFirewalls/fw1`, type: 'Microsoft.Network/azureFirewalls' }).out).toBeUndefined();
    expect(run({ id: `${SUB}/virtualNetworks/v`, type: 'Microsoft.Network/virtualNetworks' }).out).toBeUndefined();
  });

  it('reads a firewall policy: base policy, groups, DNS proxy, SNAT, tier (firewall semantics §1.3)', () => {
    const { out, warnings } = run({
      id: `${SUB}/firewallPolicies/child`, name: 'child', type: 'Microsoft.Network/firewallPolicies', location: 'westeurope',
      properties: {
        basePolicy: { id: `${SUB}/firewallPolicies/base` },
        ruleCollectionGroups: [{ id: `${SUB}/firewallPolicies/child/ruleCollectionGroups/team` }],
        threatIntelMode: 'Deny',
        dnsSettings: { enableProxy: true, servers: [], requireProxyForNetworkRules: true },
        snat: { privateRanges: ['255.255.255.255/32'], autoLearnPrivateRanges: 'Disabled' },
        sku: { tier: 'Standard' },
        intrusionDetection: { mode: 'Alert' },
      },
    });
    expect(warnings).toEqual([]);
    expect(out?.kind).toBe('firewallPolicy');
    if (out?.kind !== 'firewallPolicy') return;
    expect(out.record).toMatchObject({
      name: 'child', location: 'westeurope', subscriptionId: '11111111-2222-3333-4444-555555555555', resourceGroup: 'rg-hub',
      basePolicyId: `${SUB}/firewallPolicies/base`,
      ruleCollectionGroupIds: [`${SUB}/firewallPolicies/child/ruleCollectionGroups/team`],
      threatIntelMode: 'Deny', dnsProxyEnabled: true, dnsSettingsDeclared: true, requireProxyForNetworkRules: true,
      snatPrivateRanges: ['255.255.255.255/32'], snatAutoLearn: false, skuTier: 'Standard', intrusionDetectionMode: 'Alert',
    });
    expect(out.record.inlineRuleCollectionGroups).toBeUndefined();
  });

  it('a policy without dnsSettings has proxy off and inherits (dnsSettingsDeclared false)', () => {
    const { out } = run({ id: `${SUB}/firewallPolicies/p`, type: 'Microsoft.Network/firewallPolicies', properties: {} });
    expect(out?.kind === 'firewallPolicy' && out.record).toMatchObject({ dnsProxyEnabled: false, dnsSettingsDeclared: false, ruleCollectionGroupIds: [] });
  });

  it('reads a rule collection group (AF16 shape), keeping the raw collections and deriving the policy id', () => {
    const collections = [{
      ruleCollectionType: 'FirewallPolicyFilterRuleCollection', name: 'Example-Filter-Rule-Collection', priority: 100,
      action: { type: 'Deny' },
      rules: [{ ruleType: 'NetworkRule', name: 'network-rule1', sourceAddresses: ['10.1.25.0/24'], destinationAddresses: ['*'], ipProtocols: ['TCP'], destinationPorts: ['*'] }],
    }];
    const { out, warnings } = run({
      id: `${SUB}/firewallPolicies/firewallPolicy/ruleCollectionGroups/ruleCollectionGroup1`, name: 'ruleCollectionGroup1',
      type: 'Microsoft.Network/firewallPolicies/ruleCollectionGroups', properties: { priority: 100, ruleCollections: collections },
    });
    expect(warnings).toEqual([]);
    expect(out?.kind === 'ruleCollectionGroup' && out.record).toMatchObject({
      name: 'ruleCollectionGroup1', priority: 100, policyId: `${SUB}/firewallPolicies/firewallPolicy`, ruleCollections: collections,
    });
  });

  it('reads PascalCase (PowerShell) keys and warns, naming the path, about a broken rule', () => {
    const { out, warnings } = run({
      id: `${SUB}/firewallPolicies/p/ruleCollectionGroups/g`, type: 'microsoft.network/firewallpolicies/rulecollectiongroups',
      Properties: { Priority: '300', RuleCollections: [{ RuleCollectionType: 'FirewallPolicyFilterRuleCollection', Name: 'c', Priority: 100, Action: { Type: 'Allow' }, Rules: [{ RuleType: 'NetworkRule' }] }] },
    } as unknown as ArmResource);
    expect(out?.kind === 'ruleCollectionGroup' && out.record.priority).toBe(300);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ code: 'InvalidRule', path: 'properties.ruleCollections[0].rules[0]', resourceId: `${SUB}/firewallPolicies/p/ruleCollectionGroups/g` });
  });

  it('a group without a priority is skipped with a warning', () => {
    const { out, warnings } = run({ id: `${SUB}/firewallPolicies/p/ruleCollectionGroups/g`, type: 'Microsoft.Network/firewallPolicies/ruleCollectionGroups', properties: {} });
    expect(out).toBeUndefined();
    expect(warnings[0]?.code).toBe('InvalidRuleCollectionGroup');
    expect(warnings[0]?.message).toMatch(/priority/);
  });

  it('keeps groups that come nested in a policy (template-style dumps)', () => {
    const { out } = run({
      id: `${SUB}/firewallPolicies/p`, type: 'Microsoft.Network/firewallPolicies',
      properties: { ruleCollectionGroups: [{ name: 'net', properties: { priority: 200, ruleCollections: [] } }] },
    });
    if (out?.kind !== 'firewallPolicy') throw new Error('expected a policy');
    expect(out.record.ruleCollectionGroupIds).toEqual([`${SUB}/firewallPolicies/p/ruleCollectionGroups/net`]);
    expect(out.record.inlineRuleCollectionGroups?.[0]).toMatchObject({ name: 'net', priority: 200, policyId: `${SUB}/firewallPolicies/p` });
  });

  it('reads IP groups (AF11 value formats)', () => {
    const { out } = run({ id: `${SUB}/ipGroups/ipg-compute`, name: 'ipg-compute', type: 'Microsoft.Network/ipGroups', properties: { ipAddresses: ['10.0.0.0', '10.1.0.0/32', '10.2.0.0-10.2.0.31'] } });
    expect(out?.kind === 'ipGroup' && out.record.ipAddresses).toEqual(['10.0.0.0', '10.1.0.0/32', '10.2.0.0-10.2.0.31']);
  });

  it('reads the effective admin rules pseudo-resource (NM6 item shape)', () => {
    const vnetId = '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet-c';
    const ruleId = '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Network/networkManagers/nm-corp/securityAdminConfigurations/sac/ruleCollections/rc/rules/deny-rdp';
    const { out, warnings } = run({
      id: `${vnetId}/effectiveSecurityAdminRules`, type: 'VNetLens.Harvest/effectiveSecurityAdminRules',
      properties: {
        vnetId,
        value: [
          {
            id: ruleId, configurationDescription: '', ruleCollectionDescription: '',
            ruleCollectionAppliesToGroups: [{ networkGroupId: '/subscriptions/s1/.../networkGroups/ng-all' }], ruleGroups: [], kind: 'Custom',
            properties: {
              protocol: 'Tcp', sources: [{ addressPrefix: '*', addressPrefixType: 'IPPrefix' }],
              destinations: [{ addressPrefix: 'Internet', addressPrefixType: 'ServiceTag' }],
              sourcePortRanges: ['0-65535'], destinationPortRanges: ['3389'], access: 'Deny', priority: 10, direction: 'Inbound', provisioningState: 'Succeeded',
            },
          },
          { id: `${ruleId}2`, kind: 'Custom', properties: { protocol: 'Gre', access: 'Deny', priority: 1, direction: 'Inbound' } },
        ],
        networkManagers: [{ id: '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Network/networkManagers/nm-corp', properties: { networkManagerScopes: { managementGroups: ['/providers/Microsoft.Management/managementGroups/corp'], subscriptions: [] } } }],
      },
    });
    if (out?.kind !== 'adminRules') throw new Error('expected admin rules');
    expect(out.record.vnetId).toBe(vnetId);
    expect(out.record.rules).toHaveLength(1);
    expect(out.record.rules[0]).toMatchObject({
      name: 'deny-rdp', priority: 10, access: 'Deny', direction: 'Inbound', protocol: 'Tcp', sources: ['*'], destinations: ['Internet'],
      destinationPortRanges: ['3389'], kind: 'Custom',
      networkManagerId: '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Network/networkManagers/nm-corp',
      configurationId: '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Network/networkManagers/nm-corp/securityAdminConfigurations/sac',
      ruleCollectionId: '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Network/networkManagers/nm-corp/securityAdminConfigurations/sac/ruleCollections/rc',
    });
    expect(out.record.networkManagers?.[0]?.managementGroups).toHaveLength(1);
    expect(warnings.map((w) => w.code)).toEqual(['InvalidAdminRule']);
    expect(warnings[0]?.path).toBe('properties.value[1].properties');
  });
});
