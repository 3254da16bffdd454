/**
 * Firewall semantics §5.2 worked cases AV-01…AV-10 at the admin-rule evaluator: what the security
 * admin rules of a VNet decide before the NSGs (the NSG and firewall outcomes of these cases are the
 * orchestration's; the parts the admin layer owns are asserted here).
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_ASSUMPTIONS } from '../../src/shared/engine/assumptions';
import { adminRuleRef, evaluateAdminRules } from '../../src/shared/engine/adminRules/evaluateAdminRules';
import { buildSnapshot, privateEndpoint, subnet } from '../../src/shared/engine/testing/snapshotBuilder';
import type { AdminRule, VnetAdminRules } from '../../src/shared/model/firewall';
import type { Snapshot } from '../../src/shared/model/snapshot';
import type { AddressSet } from '../../src/shared/net/addressSet';
import { COMPUTE_SUBNET, FW_SUBNET, HUB, NODE, TAGS, TAGS_DATA, VNET_C } from './fixtures';

const NM = '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-avnm/providers/Microsoft.Network/networkManagers';

function adminRule(name: string, r: Partial<AdminRule> & Pick<AdminRule, 'priority' | 'access' | 'direction'>, at = { nm: 'nm-corp', cfg: 'sac', rc: 'rc' }): AdminRule {
  const rcId = `${NM}/${at.nm}/securityAdminConfigurations/${at.cfg}/ruleCollections/${at.rc}`;
  return {
    id: `${rcId}/rules/${name}`, name, protocol: 'Tcp', sources: ['*'], destinations: ['*'], sourcePortRanges: ['0-65535'], destinationPortRanges: ['*'],
    configurationId: `${NM}/${at.nm}/securityAdminConfigurations/${at.cfg}`, ruleCollectionId: rcId, networkManagerId: `${NM}/${at.nm}`, kind: 'Custom',
    ...r,
  };
}

function snap(records: VnetAdminRules[], extra: Parameters<typeof buildSnapshot>[0] = {}): Snapshot {
  return buildSnapshot({ vnets: [HUB, VNET_C], subnets: [FW_SUBNET, COMPUTE_SUBNET, ...(extra.subnets ?? [])], serviceTags: TAGS_DATA, ...extra, adminRules: records });
}

const hubVm: AddressSet = { kind: 'ip', ip: '10.100.3.4' };
const node: AddressSet = { kind: 'ip', ip: NODE };
const inbound = (port: number, protocol: 'Tcp' | 'Udp' = 'Tcp') => ({ direction: 'Inbound' as const, protocol, source: hubVm, destination: node, destinationPort: port });
const ctx = { tags: TAGS, assumptions: DEFAULT_ASSUMPTIONS };

describe('§5.2 security admin rules', () => {
  it('AV-01 AlwaysAllow inbound TCP 22 from the hub decides Allow (NSGs skipped)', () => {
    const r = adminRule('ssh-always', { priority: 10, access: 'AlwaysAllow', direction: 'Inbound', sources: ['10.100.0.0/16'], destinationPortRanges: ['22'] });
    const d = evaluateAdminRules(snap([{ vnetId: VNET_C.id, rules: [r] }]), VNET_C.id, inbound(22), ctx);
    expect(d.access).toBe('AlwaysAllow');
    expect(d.rule?.name).toBe('ssh-always');
    expect(d.explanation).toMatch(/NSGs are not evaluated/);
  });

  it('AV-02 Deny inbound 3389 decides Deny with the adminRule reference', () => {
    const r = adminRule('deny-rdp', { priority: 10, access: 'Deny', direction: 'Inbound', destinationPortRanges: ['3389'] });
    const d = evaluateAdminRules(snap([{ vnetId: VNET_C.id, rules: [r] }]), VNET_C.id, inbound(3389), ctx);
    expect(d.access).toBe('Deny');
    expect(d.ref).toBe('adminRule:nm-corp/sac/rc/deny-rdp@10');
    expect(adminRuleRef(r)).toBe('adminRule:nm-corp/sac/rc/deny-rdp@10');
    expect(d.trace.at(-1)?.outcome).toBe('block');
  });

  it('AV-03 the Allow @5 of another collection is matched first and hands over to the NSGs', () => {
    const allow = adminRule('ssh-app', { priority: 5, access: 'Allow', direction: 'Inbound', destinationPortRanges: ['22'] }, { nm: 'nm-corp', cfg: 'sac', rc: 'rc2' });
    const deny = adminRule('ssh-deny', { priority: 20, access: 'Deny', direction: 'Inbound', destinationPortRanges: ['22'] });
    const d = evaluateAdminRules(snap([{ vnetId: VNET_C.id, rules: [deny, allow] }]), VNET_C.id, inbound(22), ctx);
    expect(d.access).toBe('Allow');
    expect(d.rule?.name).toBe('ssh-app');
    expect(d.explanation).toMatch(/hands over to the NSGs/);
  });

  it('AV-04 outbound Deny UDP 5831 to AzureMachineLearning at the source VNet', () => {
    const r = adminRule('no-tundra', { priority: 100, access: 'Deny', direction: 'Outbound', protocol: 'Udp', destinations: ['AzureMachineLearning'], destinationPortRanges: ['5831'] });
    const s = snap([{ vnetId: VNET_C.id, rules: [r] }]);
    const out = { direction: 'Outbound' as const, protocol: 'Udp' as const, source: node, destination: { kind: 'tag', tag: 'AzureMachineLearning' } as AddressSet, destinationPort: 5831 };
    expect(evaluateAdminRules(s, VNET_C.id, out, ctx).access).toBe('Deny');
    // Inbound rules do not see outbound flows, TCP does not match a UDP rule.
    expect(evaluateAdminRules(s, VNET_C.id, { ...out, protocol: 'Tcp' }, ctx).access).toBe('None');
  });

  it('AV-05 AlwaysAllow outbound TCP 443 to Internet covers a public address (the firewall still decides later)', () => {
    const r = adminRule('web-always', { priority: 10, access: 'AlwaysAllow', direction: 'Outbound', destinations: ['Internet'], destinationPortRanges: ['443'] });
    const d = evaluateAdminRules(snap([{ vnetId: VNET_C.id, rules: [r] }]), VNET_C.id,
      { direction: 'Outbound', protocol: 'Tcp', source: node, destination: { kind: 'ip', ip: '198.51.100.7' }, destinationPort: 443 }, ctx);
    expect(d.access).toBe('AlwaysAllow');
    // A private destination is not Internet.
    expect(evaluateAdminRules(snap([{ vnetId: VNET_C.id, rules: [r] }]), VNET_C.id,
      { direction: 'Outbound', protocol: 'Tcp', source: node, destination: { kind: 'ip', ip: '10.2.0.4' }, destinationPort: 443 }, ctx).access).toBe('None');
  });

  it('AV-06 a configuration not deployed to the region is absent from the effective rules: None', () => {
    const d = evaluateAdminRules(snap([{ vnetId: VNET_C.id, rules: [] }]), VNET_C.id, inbound(3389), ctx);
    expect(d.access).toBe('None');
    expect(evaluateAdminRules(snap([]), VNET_C.id, inbound(3389), ctx).access).toBe('None');
  });

  it('unreadable effective rules (recorded in snapshot.missing) make the answer Unknown', () => {
    const s = snap([], { missing: [{ kind: 'resourceType', subscriptionId: '00000000-0000-0000-0000-000000000001', resourceType: 'VNetLens.Harvest/effectiveSecurityAdminRules', reason: '403' }] });
    expect(evaluateAdminRules(s, VNET_C.id, inbound(22), ctx).access).toBe('Unknown');
  });

  it('AV-07 two managers: the management-group manager wins under both conflict modes', () => {
    const corpDeny = adminRule('ssh-deny', { priority: 50, access: 'Deny', direction: 'Inbound', destinationPortRanges: ['22'] });
    const subAllow = adminRule('ssh-always', { priority: 1, access: 'AlwaysAllow', direction: 'Inbound', destinationPortRanges: ['22'] }, { nm: 'nm-sub', cfg: 'cfg', rc: 'rc' });
    const record: VnetAdminRules = {
      vnetId: VNET_C.id, rules: [subAllow, corpDeny],
      networkManagers: [
        { id: `${NM}/nm-corp`, managementGroups: ['/providers/Microsoft.Management/managementGroups/corp'], subscriptions: [] },
        { id: `${NM}/nm-sub`, managementGroups: [], subscriptions: ['/subscriptions/00000000-0000-0000-0000-000000000001'] },
      ],
    };
    const s = snap([record]);
    const d = evaluateAdminRules(s, VNET_C.id, inbound(22), ctx);
    expect(d.access).toBe('Deny');
    expect(d.ref).toBe('adminRule:nm-corp/sac/rc/ssh-deny@50');
    expect(evaluateAdminRules(s, VNET_C.id, inbound(22), { tags: TAGS, assumptions: { ...DEFAULT_ASSUMPTIONS, adminConflict: 'mergeHigherScopeFirst' } as typeof DEFAULT_ASSUMPTIONS }).access).toBe('Deny');
    // Without the managers' scopes the rules merge by priority, and the answer says so.
    const merged = evaluateAdminRules(snap([{ vnetId: VNET_C.id, rules: [subAllow, corpDeny] }]), VNET_C.id, inbound(22), ctx);
    expect(merged.access).toBe('AlwaysAllow');
    expect(merged.trace.some((t) => t.detail.includes('AdminManagerScopeUnknown'))).toBe(true);
  });

  it('AV-08 private endpoints get no admin rules', () => {
    const peSubnet = subnet(HUB, 'snet-pe', '10.100.1.0/24');
    const pe = privateEndpoint('pe-storage', peSubnet, '10.100.1.5');
    const deny = adminRule('deny-443', { priority: 10, access: 'Deny', direction: 'Inbound', destinationPortRanges: ['443'] });
    const s = snap([{ vnetId: HUB.id, rules: [deny] }], { subnets: [peSubnet], privateEndpoints: [pe] });
    const toPe = { direction: 'Inbound' as const, protocol: 'Tcp' as const, source: node, destination: { kind: 'ip', ip: '10.100.1.5' } as AddressSet, destinationPort: 443 };
    const d = evaluateAdminRules(s, HUB.id, toPe, ctx);
    expect(d.access).toBe('None');
    expect(d.explanation).toMatch(/private endpoint/);
    expect(evaluateAdminRules(s, HUB.id, { ...toPe, destination: { kind: 'ip', ip: '10.100.1.9' } }, ctx).access).toBe('Deny');
  });

  describe('AV-09 network-intent-policy services (Databricks)', () => {
    const deny22 = adminRule('deny-22', { priority: 10, access: 'Deny', direction: 'Inbound', destinationPortRanges: ['22'] });
    const allow8080 = adminRule('allow-8080', { priority: 20, access: 'Allow', direction: 'Inbound', destinationPortRanges: ['8080'] });
    const dbx = subnet(VNET_C, 'snet-dbx-private', '10.1.8.0/24', { delegations: ['Microsoft.Databricks/workspaces'] });
    it('a) no Databricks: 22 denied @10, 8080 handed to the NSGs by the Allow @20', () => {
      const s = snap([{ vnetId: VNET_C.id, rules: [deny22, allow8080] }]);
      expect(evaluateAdminRules(s, VNET_C.id, inbound(22), ctx).ref).toBe('adminRule:nm-corp/sac/rc/deny-22@10');
      expect(evaluateAdminRules(s, VNET_C.id, inbound(8080), ctx)).toMatchObject({ access: 'Allow', ref: 'adminRule:nm-corp/sac/rc/allow-8080@20' });
    });
    it('b) Databricks with [None]: admin rules skipped', () => {
      const rules = [deny22, allow8080].map((r) => ({ ...r, applyOnNetworkIntentPolicyBasedServices: ['None'] }));
      const s = snap([{ vnetId: VNET_C.id, rules }], { subnets: [dbx] });
      expect(evaluateAdminRules(s, VNET_C.id, inbound(22), ctx).access).toBe('None');
      expect(evaluateAdminRules(s, VNET_C.id, inbound(8080), ctx).access).toBe('None');
    });
    it('c) Databricks with [AllowRulesOnly]: the Deny is not applied, the Allow is', () => {
      const rules = [deny22, allow8080].map((r) => ({ ...r, applyOnNetworkIntentPolicyBasedServices: ['AllowRulesOnly'] }));
      const s = snap([{ vnetId: VNET_C.id, rules }], { subnets: [dbx] });
      expect(evaluateAdminRules(s, VNET_C.id, inbound(22), ctx).access).toBe('None');
      expect(evaluateAdminRules(s, VNET_C.id, inbound(8080), ctx)).toMatchObject({ access: 'Allow', ref: 'adminRule:nm-corp/sac/rc/allow-8080@20' });
    });
  });

  it('AV-10 the firewall subnet is exempt; an ordinary hub subnet is not', () => {
    const r = adminRule('no-internet', { priority: 10, access: 'Deny', direction: 'Outbound', protocol: 'Any', destinations: ['Internet'] });
    const s = snap([{ vnetId: HUB.id, rules: [r] }]);
    const out = (src: string) => ({ direction: 'Outbound' as const, protocol: 'Tcp' as const, source: { kind: 'ip', ip: src } as AddressSet, destination: { kind: 'ip', ip: '198.51.100.7' } as AddressSet, destinationPort: 443 });
    expect(evaluateAdminRules(s, HUB.id, out('10.100.0.4'), ctx).access).toBe('None');
    expect(evaluateAdminRules(s, HUB.id, out('10.100.3.4'), ctx)).toMatchObject({ access: 'Deny', ref: 'adminRule:nm-corp/sac/rc/no-internet@10' });
    // VNet-C is not in ng-hub: nothing applies there.
    expect(evaluateAdminRules(s, VNET_C.id, out(NODE), ctx).access).toBe('None');
  });

  it('an uncertain earlier Deny makes the answer Unknown (partial tag overlap)', () => {
    const r = adminRule('deny-storage-we', { priority: 10, access: 'Deny', direction: 'Outbound', destinations: ['Storage.WestEurope'], destinationPortRanges: ['443'] });
    const d = evaluateAdminRules(snap([{ vnetId: VNET_C.id, rules: [r] }]), VNET_C.id,
      { direction: 'Outbound', protocol: 'Tcp', source: node, destination: { kind: 'tag', tag: 'Storage' }, destinationPort: 443 }, ctx);
    expect(d.access).toBe('Unknown');
    expect(d.explanation).toMatch(/PartialTagOverlap/);
  });
});
