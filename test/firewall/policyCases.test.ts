/**
 * Firewall semantics §5.1 worked cases FW-01…FW-15 and FW-20, at the firewall evaluator: each
 * asserts the access and the deciding policy / group / collection / rule.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_ASSUMPTIONS } from '../../src/shared/engine/assumptions';
import { evaluateFirewall, type FirewallFlow } from '../../src/shared/engine/firewall/evaluateFirewall';
import type { Snapshot } from '../../src/shared/model/snapshot';
import type { AddressSet } from '../../src/shared/net/addressSet';
import {
  NODE, TAGS, appRule, childAndBase, estate, filter, firewall, group, netRule, policy, policyId,
} from './fixtures';

const node: AddressSet = { kind: 'ip', ip: NODE };
const tag = (t: string): AddressSet => ({ kind: 'tag', tag: t });
const ip = (a: string): AddressSet => ({ kind: 'ip', ip: a });

function flow(destination: FirewallFlow['destination'], protocol: FirewallFlow['protocol'], port: number, extra: Partial<FirewallFlow> = {}): FirewallFlow {
  return { protocol, source: node, destination, destinationPort: port, ...extra };
}

function evalAt(snap: Snapshot, f: FirewallFlow, assumptions: object = DEFAULT_ASSUMPTIONS) {
  const fw = [...snap.firewalls.values()][0];
  if (!fw) throw new Error('no firewall');
  return evaluateFirewall(snap, fw, f, { tags: TAGS, assumptions: assumptions as typeof DEFAULT_ASSUMPTIONS });
}

const amlTcp = group('child', 'net', 200, [filter('aml', 100, 'Allow', [
  netRule('aml-tcp', { destinationAddresses: ['AzureMachineLearning'], destinationPorts: ['443', '8787', '18881'] }),
])]);

describe('FW-01 network rule on AzureMachineLearning TCP only', () => {
  const snap = childAndBase([amlTcp]);
  it('a) UDP 5831 falls to the default deny', () => {
    const d = evalAt(snap, flow(tag('AzureMachineLearning'), 'Udp', 5831));
    expect(d.access).toBe('Deny');
    expect(d.ref).toBe('firewall:fw1/DefaultDeny');
    expect(d.decidedBy).toMatchObject({ layer: 'firewall', name: 'DefaultDeny' });
  });
  it('b) TCP 443 is allowed by net/aml/aml-tcp in policy child', () => {
    const d = evalAt(snap, flow(tag('AzureMachineLearning'), 'Tcp', 443));
    expect(d.access).toBe('Allow');
    expect(d.ref).toBe('firewall:fw1/policy:child/rcg:net@200/rc:aml@100/rule:aml-tcp');
    expect(d.decidedBy).toMatchObject({
      layer: 'firewall', resourceId: policyId('child'), policyId: policyId('child'), name: 'aml-tcp',
      ruleCollectionGroup: 'net', ruleCollectionGroupPriority: 200, ruleCollection: 'aml', ruleCollectionPriority: 100,
    });
    expect(d.policyChain).toEqual([policyId('base'), policyId('child')]);
    expect(d.snat).toMatchObject({ applied: true, reason: 'PublicDestination', postFirewallSourceKind: 'FirewallPublicIP' });
  });
});

describe('FW-02 / FW-03 / FW-04 FQDNs in network rules', () => {
  const fqdnGroup = group('child', 'fqdn', 300, [filter('tundra', 100, 'Allow', [
    netRule('tundra-udp', { ipProtocols: ['UDP'], destinationFqdns: ['westeurope.tundra.azureml.ms'], destinationPorts: ['5831'] }),
  ])]);
  const tundra = flow({ kind: 'fqdn', fqdn: 'westeurope.tundra.azureml.ms' }, 'Udp', 5831);

  it('FW-02 with DNS proxy on: allowed by the FQDN network rule', () => {
    const d = evalAt(childAndBase([amlTcp, fqdnGroup], [], { dnsProxyEnabled: true, dnsSettingsDeclared: true }), tundra);
    expect(d.access).toBe('Allow');
    expect(d.ref).toBe('firewall:fw1/policy:child/rcg:fqdn@300/rc:tundra@100/rule:tundra-udp');
    expect(d.caveats).not.toContain('ClientNotUsingDnsProxy');
  });

  it('FW-02: a client VNet not using the firewall for DNS gets caveat ClientNotUsingDnsProxy', () => {
    const base = childAndBase([amlTcp, fqdnGroup], [], { dnsProxyEnabled: true, dnsSettingsDeclared: true });
    const vnetC = [...base.vnets.values()].find((v) => v.name === 'vnet-c');
    if (!vnetC) throw new Error('vnet-c');
    const snap: Snapshot = { ...base, vnets: new Map([...base.vnets].map(([k, v]) => [k, v === vnetC ? { ...v, dnsServers: [] } : v])) };
    expect(evalAt(snap, tundra).caveats).toContain('ClientNotUsingDnsProxy');
  });

  it('DNS proxy is inherited from the base policy when the child does not set it', () => {
    const base = policy('base', { dnsProxyEnabled: true, dnsSettingsDeclared: true });
    const child = policy('child', { basePolicyId: base.id, ruleCollectionGroupIds: [fqdnGroup.id] });
    const snap = estate({ firewall: firewall({ firewallPolicyId: child.id }), policies: [base, child], groups: [fqdnGroup] });
    expect(evalAt(snap, tundra).access).toBe('Allow');
  });

  it('FW-03 with DNS proxy off: Unknown, reason FqdnNetworkRuleWithoutDnsProxy', () => {
    const snap = childAndBase([amlTcp, fqdnGroup]);
    const d = evalAt(snap, tundra);
    expect(d.access).toBe('Unknown');
    expect(d.caveats).toContain('FqdnNetworkRuleWithoutDnsProxy');
    expect(d.ref).toBe('firewall:fw1/policy:child/rcg:fqdn@300/rc:tundra@100/rule:tundra-udp');
    // The setting decides instead of the default.
    expect(evalAt(snap, tundra, { ...DEFAULT_ASSUMPTIONS, fqdnNetworkRuleWithoutDnsProxy: 'treatAsMatch' }).access).toBe('Allow');
    expect(evalAt(snap, tundra, { ...DEFAULT_ASSUMPTIONS, fqdnNetworkRuleWithoutDnsProxy: 'treatAsNoMatch' }).access).toBe('Deny');
  });

  it('FW-04 a wildcard network-rule FQDN is a config error and never matches', () => {
    const wild = group('child', 'wild', 300, [filter('tundra', 100, 'Allow', [
      netRule('tundra-wild', { ipProtocols: ['UDP'], destinationFqdns: ['*.tundra.westeurope.api.azureml.ms'], destinationPorts: ['5831'] }),
    ])]);
    const d = evalAt(childAndBase([wild], [], { dnsProxyEnabled: true, dnsSettingsDeclared: true }), flow({ kind: 'fqdn', fqdn: 'a.tundra.westeurope.api.azureml.ms' }, 'Udp', 5831));
    expect(d.access).toBe('Deny');
    expect(d.ref).toBe('firewall:fw1/DefaultDeny');
    expect(d.trace.some((s) => s.detail.includes('WildcardInNetworkRuleFqdn'))).toBe(true);
  });
});

describe('FW-05 / FW-06 / FW-07 application rules', () => {
  const blob = group('child', 'app', 300, [filter('storage', 100, 'Allow', [
    appRule('blob', { protocols: [{ protocolType: 'Https', port: 443 }], targetFqdns: ['*.blob.core.windows.net'] }),
  ])]);
  const snap = childAndBase([blob]);
  it('FW-05 a) one label: allowed, always SNATed', () => {
    const d = evalAt(snap, flow({ kind: 'fqdn', fqdn: 'x.blob.core.windows.net' }, 'Tcp', 443));
    expect(d.access).toBe('Allow');
    expect(d.ref).toBe('firewall:fw1/policy:child/rcg:app@300/rc:storage@100/rule:blob');
    expect(d.snat).toMatchObject({ applied: true, reason: 'ApplicationRule' });
  });
  it('FW-05 b) several labels: allowed', () => {
    expect(evalAt(snap, flow({ kind: 'fqdn', fqdn: 'a.b.blob.core.windows.net' }, 'Tcp', 443)).access).toBe('Allow');
  });
  it('FW-05 c) the apex is not covered: default deny', () => {
    const d = evalAt(snap, flow({ kind: 'fqdn', fqdn: 'blob.core.windows.net' }, 'Tcp', 443));
    expect(d.access).toBe('Deny');
    expect(d.ref).toBe('firewall:fw1/DefaultDeny');
  });
  it('FW-06 application rules never evaluate UDP', () => {
    const tundraApp = group('child', 'app', 300, [filter('tundra', 100, 'Allow', [
      appRule('tundra', { protocols: [{ protocolType: 'Https', port: 443 }], targetFqdns: ['westeurope.tundra.azureml.ms'] }),
    ])]);
    const d = evalAt(childAndBase([tundraApp]), flow({ kind: 'fqdn', fqdn: 'westeurope.tundra.azureml.ms' }, 'Udp', 5831));
    expect(d.access).toBe('Deny');
    expect(d.ref).toBe('firewall:fw1/DefaultDeny');
    expect(d.explanation).toMatch(/application rules never see non-TCP/);
  });
  it('FW-07 *.instances.azureml.ms: 443 allowed, 8787 denied until a network rule allows it', () => {
    const inst = group('child', 'app', 300, [filter('aml-app', 100, 'Allow', [
      appRule('instances', { protocols: [{ protocolType: 'Https', port: 443 }], targetFqdns: ['*.instances.azureml.ms'] }),
    ])]);
    const ci = (port: number) => flow({ kind: 'fqdn', fqdn: 'ci1.westeurope.instances.azureml.ms', resolved: tag('AzureMachineLearning') }, 'Tcp', port);
    expect(evalAt(childAndBase([inst]), ci(443)).ref).toBe('firewall:fw1/policy:child/rcg:app@300/rc:aml-app@100/rule:instances');
    expect(evalAt(childAndBase([inst]), ci(8787)).access).toBe('Deny');
    const net = group('child', 'net', 200, [filter('aml', 100, 'Allow', [netRule('aml-8787', { destinationAddresses: ['AzureMachineLearning'], destinationPorts: ['8787'] })])]);
    const d = evalAt(childAndBase([inst, net]), ci(8787));
    expect(d.access).toBe('Allow');
    expect(d.ref).toBe('firewall:fw1/policy:child/rcg:net@200/rc:aml@100/rule:aml-8787');
  });
  it('a wildcard requirement FQDN is tested with a representative name', () => {
    const inst = group('child', 'app', 300, [filter('aml-app', 100, 'Allow', [
      appRule('instances', { protocols: [{ protocolType: 'Https', port: 443 }], targetFqdns: ['*.instances.azureml.ms'] }),
    ])]);
    expect(evalAt(childAndBase([inst]), flow({ kind: 'fqdn', fqdn: '*.instances.azureml.ms' }, 'Tcp', 443)).access).toBe('Allow');
  });
});

describe('FW-08 / FW-09 first match and type order (AF1 examples)', () => {
  it('FW-08 a network Allow wins over an application Deny for google.com', () => {
    const g = group('child', 'mixed', 100, [
      filter('net-web', 100, 'Allow', [netRule('web', { destinationAddresses: ['*'], destinationPorts: ['80', '443'] })]),
      filter('app-deny', 50, 'Deny', [appRule('google', { protocols: [{ protocolType: 'Http', port: 80 }, { protocolType: 'Https', port: 443 }], targetFqdns: ['google.com'] })]),
    ]);
    const d = evalAt(childAndBase([g]), flow({ kind: 'fqdn', fqdn: 'google.com' }, 'Tcp', 443));
    expect(d.access).toBe('Allow');
    expect(d.ref).toBe('firewall:fw1/policy:child/rcg:mixed@100/rc:net-web@100/rule:web');
  });
  it('FW-09 Deny-collection@100 before Allow-collection@200', () => {
    const g = group('child', 'net', 200, [
      filter('Allow-collection', 200, 'Allow', [netRule('ssh-allow', { destinationAddresses: ['*'], destinationPorts: ['22'] })]),
      filter('Deny-collection', 100, 'Deny', [netRule('ssh-deny', { destinationAddresses: ['*'], destinationPorts: ['22'] })]),
    ]);
    const d = evalAt(childAndBase([g]), flow(ip('10.2.0.4'), 'Tcp', 22));
    expect(d.access).toBe('Deny');
    expect(d.decidedBy).toMatchObject({ ruleCollection: 'Deny-collection', name: 'ssh-deny' });
  });
});

describe('FW-10 / FW-11 inheritance', () => {
  it('FW-10 the parent group decides first whatever the child priority', () => {
    const corp = group('base', 'corp', 500, [filter('deny-aml', 100, 'Deny', [netRule('deny-aml', { ipProtocols: ['Any'], destinationAddresses: ['AzureMachineLearning'], destinationPorts: ['*'] })])]);
    const team = group('child', 'team', 100, [filter('allow-aml', 100, 'Allow', [netRule('allow-aml', { destinationAddresses: ['AzureMachineLearning'], destinationPorts: ['443'] })])]);
    const d = evalAt(childAndBase([team], [corp]), flow(tag('AzureMachineLearning'), 'Tcp', 443));
    expect(d.access).toBe('Deny');
    expect(d.ref).toBe('firewall:fw1/policy:base/rcg:corp@500/rc:deny-aml@100/rule:deny-aml');
    expect(d.matched?.inherited).toBe(true);
  });
  it('FW-11 a child network Allow beats a parent application Deny; SNAT to the public IP', () => {
    const parentApp = group('base', 'corp', 100, [filter('no-blob', 100, 'Deny', [appRule('no-blob', { protocols: [{ protocolType: 'Https', port: 443 }], targetFqdns: ['*.blob.core.windows.net'] })])]);
    const childNet = group('child', 'team', 500, [filter('storage', 100, 'Allow', [netRule('storage-we', { destinationAddresses: ['Storage.WestEurope'], destinationPorts: ['443'] })])]);
    const d = evalAt(childAndBase([childNet], [parentApp]), flow({ kind: 'fqdn', fqdn: 'sa1.blob.core.windows.net', resolved: tag('Storage.WestEurope') }, 'Tcp', 443));
    expect(d.access).toBe('Allow');
    expect(d.ref).toBe('firewall:fw1/policy:child/rcg:team@500/rc:storage@100/rule:storage-we');
    expect(d.snat).toMatchObject({ applied: true, reason: 'PublicDestination', postFirewallSourceKind: 'FirewallPublicIP' });
  });
});

describe('FW-13 / FW-14 / FW-15 matching details', () => {
  it('FW-13 a) Storage covers Storage.WestEurope; b) Storage.WestEurope does not cover Storage.NorthEurope', () => {
    const a = group('child', 'net', 200, [filter('st', 100, 'Allow', [netRule('storage', { destinationAddresses: ['Storage'], destinationPorts: ['443'] })])]);
    expect(evalAt(childAndBase([a]), flow(tag('Storage.WestEurope'), 'Tcp', 443)).ref).toBe('firewall:fw1/policy:child/rcg:net@200/rc:st@100/rule:storage');
    const b = group('child', 'net', 200, [filter('st', 100, 'Allow', [netRule('storage-we', { destinationAddresses: ['Storage.WestEurope'], destinationPorts: ['443'] })])]);
    const d = evalAt(childAndBase([b]), flow(tag('Storage.NorthEurope'), 'Tcp', 443));
    expect(d.access).toBe('Deny');
    expect(d.ref).toBe('firewall:fw1/DefaultDeny');
  });
  it('a rule covering only part of a tag makes the flow Unknown (PartialTagOverlap)', () => {
    const g = group('child', 'net', 200, [filter('st', 100, 'Allow', [netRule('storage-we', { destinationAddresses: ['Storage.WestEurope'], destinationPorts: ['443'] })])]);
    const d = evalAt(childAndBase([g]), flow(tag('Storage'), 'Tcp', 443));
    expect(d.access).toBe('Unknown');
    expect(d.caveats).toContain('PartialTagOverlap');
  });
  it('FW-14 Any + port 443 means TCP and UDP: ICMP does not match, UDP does', () => {
    const g = group('child', 'net', 200, [filter('spoke', 100, 'Allow', [netRule('any-443', { ipProtocols: ['Any'], destinationAddresses: ['10.2.0.0/16'], destinationPorts: ['443'] })])]);
    const snap = childAndBase([g]);
    expect(evalAt(snap, flow(ip('10.2.0.4'), 'Icmp', 0)).ref).toBe('firewall:fw1/DefaultDeny');
    const udp = evalAt(snap, flow(ip('10.2.0.4'), 'Udp', 443));
    expect(udp.access).toBe('Allow');
    expect(udp.decidedBy.name).toBe('any-443');
    expect(udp.snat).toMatchObject({ applied: false, postFirewallSourceKind: 'original' });
  });
  it('FW-15 a rule whose only source IP group is empty is skipped', () => {
    const ipgId = '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-net/providers/Microsoft.Network/ipGroups/ipg-compute';
    const g = group('child', 'net', 200, [filter('aml', 100, 'Allow', [netRule('from-ipg', { sourceAddresses: [], sourceIpGroups: [ipgId], destinationAddresses: ['AzureMachineLearning'], destinationPorts: ['443'] })])]);
    const child = policy('child', { ruleCollectionGroupIds: [g.id] });
    const ipg = { id: ipgId, name: 'ipg-compute', type: 'Microsoft.Network/ipGroups', location: 'westeurope', subscriptionId: '00000000-0000-0000-0000-000000000001', resourceGroup: 'rg-net', ipAddresses: [] };
    const snap = estate({ firewall: firewall({ firewallPolicyId: child.id }), policies: [child], groups: [g], ipGroups: [ipg] });
    expect(evalAt(snap, flow(tag('AzureMachineLearning'), 'Tcp', 443)).ref).toBe('firewall:fw1/DefaultDeny');
    const filled = estate({ firewall: firewall({ firewallPolicyId: child.id }), policies: [child], groups: [g], ipGroups: [{ ...ipg, ipAddresses: ['10.1.0.0-10.1.0.255'] }] });
    expect(evalAt(filled, flow(tag('AzureMachineLearning'), 'Tcp', 443)).decidedBy.name).toBe('from-ipg');
  });
});

describe('FW-20 the AML service-tag rows through one policy', () => {
  const aml = group('child', 'aml', 200, [filter('aml-out', 100, 'Allow', [
    netRule('aml-tcp', { destinationAddresses: ['AzureMachineLearning'], destinationPorts: ['443', '8787', '18881'] }),
    netRule('aml-udp', { ipProtocols: ['UDP'], destinationAddresses: ['AzureMachineLearning'], destinationPorts: ['5831'] }),
    netRule('batch', { destinationAddresses: ['BatchNodeManagement.WestEurope'], destinationPorts: ['443'] }),
    netRule('storage', { destinationAddresses: ['Storage.WestEurope'], destinationPorts: ['443'] }),
    netRule('aad', { destinationAddresses: ['AzureActiveDirectory'], destinationPorts: ['80', '443'] }),
    netRule('arm', { destinationAddresses: ['AzureResourceManager'], destinationPorts: ['443'] }),
    netRule('afd', { destinationAddresses: ['AzureFrontDoor.FrontEnd'], destinationPorts: ['443'] }),
    netRule('mcr', { destinationAddresses: ['MicrosoftContainerRegistry'], destinationPorts: ['443'] }),
  ])]);
  const leftover = { name: 'old', properties: { priority: 100, action: { type: 'Allow' }, rules: [{ name: 'x', protocols: ['TCP'], sourceAddresses: ['*'], destinationAddresses: ['*'], destinationPorts: ['*'] }] } };
  const child = policy('child', { ruleCollectionGroupIds: [aml.id] });
  const snap = estate({ firewall: firewall({ firewallPolicyId: child.id, classic: { networkRuleCollections: [leftover], applicationRuleCollections: [], natRuleCollections: [] } }), policies: [child], groups: [aml] });
  const rows: [string, string, FirewallFlow['protocol'], number, string][] = [
    ['O1', 'AzureMachineLearning', 'Tcp', 443, 'aml-tcp'], ['O1', 'AzureMachineLearning', 'Tcp', 18881, 'aml-tcp'],
    ['O1', 'AzureMachineLearning', 'Udp', 5831, 'aml-udp'], ['O2', 'BatchNodeManagement.WestEurope', 'Any', 443, 'batch'],
    ['O3', 'Storage.WestEurope', 'Tcp', 443, 'storage'], ['O4', 'AzureActiveDirectory', 'Tcp', 80, 'aad'],
    ['O5', 'AzureResourceManager', 'Tcp', 443, 'arm'], ['O6', 'AzureFrontDoor.FrontEnd', 'Tcp', 443, 'afd'],
    ['O7', 'MicrosoftContainerRegistry', 'Tcp', 443, 'mcr'],
  ];
  for (const [row, t, proto, port, ruleName] of rows) {
    it(`${row} ${t} ${proto} ${port} → ${ruleName}`, () => {
      const d = evalAt(snap, flow(tag(t), proto, port));
      expect(d.access).toBe('Allow');
      expect(d.ref).toBe(`firewall:fw1/policy:child/rcg:aml@200/rc:aml-out@100/rule:${ruleName}`);
      expect(d.trace.some((s) => s.detail.includes('ClassicRulesIgnoredPolicyAttached'))).toBe(true);
    });
  }
  it('O2 (protocol ANY) is evaluated for TCP and says so', () => {
    expect(evalAt(snap, flow(tag('BatchNodeManagement.WestEurope'), 'Any', 443)).trace.some((s) => /evaluated for TCP/.test(s.detail))).toBe(true);
  });
});

describe('unreadable policies make the decision Unknown', () => {
  it('the attached policy is not in the snapshot', () => {
    const snap = estate({ firewall: firewall({ firewallPolicyId: policyId('gone') }) });
    const d = evalAt(snap, flow(tag('AzureMachineLearning'), 'Tcp', 443));
    expect(d.access).toBe('Unknown');
    expect(d.decidedBy).toMatchObject({ layer: 'firewall', name: 'PolicyUnreadable', resourceId: policyId('gone') });
  });
  it('the base policy is in snapshot.missing (403 during harvest)', () => {
    const child = policy('child', { basePolicyId: policyId('base'), ruleCollectionGroupIds: [amlTcp.id] });
    const snap = estate({ firewall: firewall({ firewallPolicyId: child.id }), policies: [child], groups: [amlTcp], missing: [{ kind: 'resource', resourceId: policyId('base'), reason: '403 AuthorizationFailed' }] });
    const d = evalAt(snap, flow(tag('AzureMachineLearning'), 'Tcp', 443));
    expect(d.access).toBe('Unknown');
    expect(d.explanation).toMatch(/could not be read/);
  });
  it('a listed rule collection group is missing', () => {
    const child = policy('child', { ruleCollectionGroupIds: [amlTcp.id, `${policyId('child')}/ruleCollectionGroups/hidden`] });
    const snap = estate({ firewall: firewall({ firewallPolicyId: child.id }), policies: [child], groups: [amlTcp] });
    expect(evalAt(snap, flow(tag('AzureMachineLearning'), 'Tcp', 443)).decidedBy.name).toBe('RuleCollectionGroupUnreadable');
  });
});
