/**
 * FW-12 (the AF1 processing-order example), FW-16 (classic rules of the AzureFirewallGet example)
 * and FW-17's SNAT outcomes.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_ASSUMPTIONS } from '../../src/shared/engine/assumptions';
import { evaluateFirewall, type FirewallFlow } from '../../src/shared/engine/firewall/evaluateFirewall';
import { orderPolicyCollections, type PolicyLevel } from '../../src/shared/engine/firewall/ordering';
import type { CollectionSpec, RuleIssue, RuleKind } from '../../src/shared/engine/firewall/ruleTypes';
import { ingest } from '../../src/shared/ingest';
import type { AzureFirewall } from '../../src/shared/model/resources';
import type { Snapshot } from '../../src/shared/model/snapshot';
import { TagIndex } from '../../src/shared/servicetags/tagIndex';
import { describeWithShared, readSharedJson } from '../support/sharedReference';
import { TAGS, childAndBase, estate, filter, firewall, group, netRule, appRule } from './fixtures';

const c = (name: string, kind: RuleKind, priority: number): CollectionSpec => ({ name, kind, priority, action: kind === 'Nat' ? 'Dnat' : 'Allow', rules: [] });

describe('FW-12 policy processing order (AF1 worked example)', () => {
  const parent: PolicyLevel = {
    policyId: 'p', policyName: 'parent',
    groups: [
      { id: 'BaseRCG1', name: 'BaseRCG1', priority: 200, collections: [c('DNATRC1', 'Nat', 600), c('DNATRC3', 'Nat', 610), c('NetworkRC1', 'Network', 800)] },
      { id: 'BaseRCG2', name: 'BaseRCG2', priority: 300, collections: [c('AppRC2', 'Application', 1200), c('NetworkRC2', 'Network', 1300)] },
    ],
  };
  const child: PolicyLevel = {
    policyId: 'c', policyName: 'child',
    groups: [
      { id: 'ChildRCG1', name: 'ChildRCG1', priority: 300, collections: [c('ChNetRC1', 'Network', 700), c('ChAppRC1', 'Application', 900)] },
      { id: 'ChildRCG2', name: 'ChildRCG2', priority: 650, collections: [c('ChNetRC2', 'Network', 1100), c('ChAppRC2', 'Application', 2000), c('ChDNATRC3', 'Nat', 3000)] },
    ],
  };
  it('with inheritParentNat = true it is exactly AF1\'s list', () => {
    const issues: RuleIssue[] = [];
    expect(orderPolicyCollections([parent, child], true, issues).map((x) => x.name)).toEqual(
      ['DNATRC1', 'DNATRC3', 'ChDNATRC3', 'NetworkRC1', 'NetworkRC2', 'ChNetRC1', 'ChNetRC2', 'AppRC2', 'ChAppRC1', 'ChAppRC2']);
    expect(issues).toEqual([]);
  });
  it('with the default (false) the parent DNAT collections drop out', () => {
    expect(orderPolicyCollections([parent, child], false, []).map((x) => x.name)).toEqual(
      ['ChDNATRC3', 'NetworkRC1', 'NetworkRC2', 'ChNetRC1', 'ChNetRC2', 'AppRC2', 'ChAppRC1', 'ChAppRC2']);
  });
  it('equal group priorities in one policy are reported as AmbiguousPriority', () => {
    const issues: RuleIssue[] = [];
    orderPolicyCollections([{ policyId: 'x', policyName: 'x', groups: [
      { id: 'a', name: 'a', priority: 100, collections: [] }, { id: 'b', name: 'b', priority: 100, collections: [] },
    ] }], false, issues);
    expect(issues.map((i) => i.code)).toEqual(['AmbiguousPriority']);
  });
});

const node = (ip: string): FirewallFlow['source'] => ({ kind: 'ip', ip });

function classicCases(fw: AzureFirewall, snap: Snapshot, tags: TagIndex): void {
  const run = (src: string, dest: FirewallFlow['destination'], port: number) =>
    evaluateFirewall(snap, fw, { protocol: 'Tcp', source: node(src), destination: dest, destinationPort: port }, { tags, assumptions: DEFAULT_ASSUMPTIONS });
  it('a) 10.1.4.20 → 203.0.113.9 TCP 443: Deny by netrulecoll/L4-traffic', () => {
    const d = run('10.1.4.20', { kind: 'ip', ip: '203.0.113.9' }, 443);
    expect(d.access).toBe('Deny');
    expect(d.ref).toBe(`firewall:${fw.name}/classic:network/rc:netrulecoll@112/rule:L4-traffic`);
    expect(d.decidedBy).toMatchObject({ layer: 'firewall', resourceId: fw.id, ruleCollection: 'netrulecoll', ruleCollectionPriority: 112, name: 'L4-traffic' });
    expect(d.mode).toBe('Classic');
  });
  it('b) 192.168.1.12 → TCP 8443: Deny, same rule (range end inclusive)', () => {
    expect(run('192.168.1.12', { kind: 'ip', ip: '203.0.113.9' }, 8443).ref).toBe(`firewall:${fw.name}/classic:network/rc:netrulecoll@112/rule:L4-traffic`);
  });
  it('c) 192.168.1.13 → TCP 443: no network or application match → DefaultDeny', () => {
    expect(run('192.168.1.13', { kind: 'ip', ip: '203.0.113.9' }, 443).ref).toBe(`firewall:${fw.name}/DefaultDeny`);
  });
  it('d) 10.0.0.7 → www.test.com TCP 443: Deny by apprulecoll/rule1', () => {
    const d = run('10.0.0.7', { kind: 'fqdn', fqdn: 'www.test.com' }, 443);
    expect(d.access).toBe('Deny');
    expect(d.ref).toBe(`firewall:${fw.name}/classic:application/rc:apprulecoll@110/rule:rule1`);
  });
}

/** The AzureFirewallGet.json rule collections (AF15), restated for the project's own tests. */
const CLASSIC = {
  applicationRuleCollections: [{ name: 'apprulecoll', properties: { action: { type: 'Deny' }, priority: 110, rules: [
    { name: 'rule1', protocols: [{ port: 443, protocolType: 'Https' }], sourceAddresses: ['216.58.216.164', '10.0.0.0/24'], targetFqdns: ['www.test.com'] }] } }],
  natRuleCollections: [{ name: 'natrulecoll', properties: { action: { type: 'Dnat' }, priority: 112, rules: [
    { name: 'DNAT-HTTPS-traffic', destinationAddresses: ['1.2.3.4'], destinationPorts: ['443'], protocols: ['TCP'], sourceAddresses: ['*'], translatedAddress: '1.2.3.5', translatedPort: '8443' }] } }],
  networkRuleCollections: [{ name: 'netrulecoll', properties: { action: { type: 'Deny' }, priority: 112, rules: [
    { name: 'L4-traffic', destinationAddresses: ['*'], destinationPorts: ['443-444', '8443'], protocols: ['TCP'], sourceAddresses: ['192.168.1.1-192.168.1.12', '10.1.4.12-10.1.4.255'] },
    { name: 'L4-traffic-with-FQDN', destinationFqdns: ['www.amazon.com'], destinationPorts: ['443-444', '8443'], protocols: ['TCP'], sourceAddresses: ['10.2.4.12-10.2.4.255'] }] } }],
};

describe('FW-16 classic rules (project fixture restating AF15)', () => {
  const fw = firewall({ classic: CLASSIC });
  classicCases(fw, estate({ firewall: fw }), TAGS);
  it('a DNAT rule decides traffic to the firewall public IP first', () => {
    const d = evaluateFirewall(estate({ firewall: fw }), fw, { protocol: 'Tcp', source: node('198.51.100.1'), destination: { kind: 'ip', ip: '1.2.3.4' }, destinationPort: 443 }, { tags: TAGS, assumptions: DEFAULT_ASSUMPTIONS });
    expect(d.access).toBe('Allow');
    expect(d.matched?.ruleType).toBe('Nat');
    expect(d.ref).toBe('firewall:fw1/classic:nat/rc:natrulecoll@112/rule:DNAT-HTTPS-traffic');
  });
});

describeWithShared('FW-16 classic rules (AzureFirewallGet.json through the ingest)', ['reference/arm-examples/Microsoft.Network/2026-01-01/AzureFirewallGet.json'], () => {
  const example = readSharedJson<{ responses: { '200': { body: unknown } } }>('reference/arm-examples/Microsoft.Network/2026-01-01/AzureFirewallGet.json');
  const snap = ingest([example.responses['200'].body], { fileName: 'AzureFirewallGet.json' });
  const fw = [...snap.firewalls.values()][0];
  if (!fw) throw new Error('the ingest kept no firewall');
  it('the ingest keeps the private IP the UDR points at and the classic collections', () => {
    expect(fw.privateIp).toBe('10.0.0.0');
    expect(fw.firewallPolicyId).toBeUndefined();
    expect(fw.classic.networkRuleCollections).toHaveLength(1);
  });
  classicCases(fw, snap, TagIndex.empty());
});

describe('FW-17 SNAT of allowed east-west flows', () => {
  const spoke2 = { kind: 'ip', ip: '10.2.0.4' } as const;
  const netAllow = group('child', 'net', 200, [filter('spoke2', 100, 'Allow', [netRule('to-spoke2', { destinationAddresses: ['10.2.0.0/16'], destinationPorts: ['443'] })])]);
  const evalFirst = (snap: Snapshot, f: FirewallFlow) => {
    const fw = [...snap.firewalls.values()][0];
    if (!fw) throw new Error('no firewall');
    return evaluateFirewall(snap, fw, f, { tags: TAGS, assumptions: DEFAULT_ASSUMPTIONS });
  };
  it('a) network rule to RFC 1918: no SNAT, the destination sees the node', () => {
    const d = evalFirst(childAndBase([netAllow]), { protocol: 'Tcp', source: node('10.1.0.5'), destination: spoke2, destinationPort: 443 });
    expect(d.access).toBe('Allow');
    expect(d.snat).toMatchObject({ applied: false, reason: 'None', postFirewallSourceKind: 'original', postFirewallSource: { kind: 'ip', ip: '10.1.0.5' } });
  });
  it('b) application rule: always SNAT, source inside AzureFirewallSubnet', () => {
    const app = group('child', 'app', 300, [filter('internal', 100, 'Allow', [appRule('app', { protocols: [{ protocolType: 'Https', port: 443 }], targetFqdns: ['app.contoso.internal'] })])]);
    const d = evalFirst(childAndBase([app]), { protocol: 'Tcp', source: node('10.1.0.5'), destination: { kind: 'fqdn', fqdn: 'app.contoso.internal', resolved: spoke2 }, destinationPort: 443 });
    expect(d.access).toBe('Allow');
    expect(d.snat).toMatchObject({ applied: true, reason: 'ApplicationRule', postFirewallSourceKind: 'AzureFirewallSubnet', postFirewallSource: { kind: 'cidrs', cidrs: ['10.100.0.0/26'] } });
  });
  it('c) snat.privateRanges 255.255.255.255/32: network rules always SNAT', () => {
    const d = evalFirst(childAndBase([netAllow], [], { snatPrivateRanges: ['255.255.255.255/32'] }), { protocol: 'Tcp', source: node('10.1.0.5'), destination: spoke2, destinationPort: 443 });
    expect(d.snat).toMatchObject({ applied: true, reason: 'NotInPrivateRanges', postFirewallSourceKind: 'AzureFirewallSubnet' });
  });
});
