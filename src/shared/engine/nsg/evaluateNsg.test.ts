import { describe, expect, it } from 'vitest';
import type { NetworkSecurityGroup } from '../../model/resources';
import { TagIndex } from '../../servicetags/tagIndex';
import { DEFAULT_ASSUMPTIONS } from '../assumptions';
import { SAMPLE_TAGS } from '../testing/sampleTags';
import { asg, nsg, rule } from '../testing/snapshotBuilder';
import { amlAutoNsg, evaluateNsg, evaluateNsgChain, type NsgContext, type NsgFlow } from './evaluateNsg';

const VM = '10.1.0.4';
const SUBNET = { kind: 'cidrs', cidrs: ['10.1.0.0/24'] } as const;
const ctx: NsgContext = { tags: TagIndex.empty(), virtualNetworkPrefixes: ['10.1.0.0/16', '168.63.129.16/32'], asgIds: [], assumptions: DEFAULT_ASSUMPTIONS };
const dataCtx: NsgContext = { ...ctx, tags: TagIndex.from(SAMPLE_TAGS) };

const inbound = (port: number, source: NsgFlow['source'], destination: NsgFlow['destination'] = { kind: 'ip', ip: VM }): NsgFlow =>
  ({ direction: 'Inbound', protocol: 'Tcp', source, destination, destinationPort: port });
const outbound = (port: number, destination: NsgFlow['destination'], protocol: NsgFlow['protocol'] = 'Tcp'): NsgFlow =>
  ({ direction: 'Outbound', protocol, source: SUBNET, destination, destinationPort: port });
const storageWe = { kind: 'tag', tag: 'Storage.WestEurope' } as const;
const internetHost = { kind: 'ip', ip: '203.0.113.5' } as const;

const evalOne = (n: NetworkSecurityGroup, flow: NsgFlow, c: NsgContext = ctx) => evaluateNsg(n, 'subnet', 'subnet-id', flow, c);
const at = (n: NetworkSecurityGroup, appliedTo: 'subnet' | 'nic') => ({ nsgId: n.id, nsg: n, appliedTo, appliedToId: `${appliedTo}-id` });

describe('evaluateNsg: worked cases §7.1', () => {
  it('N1: default rules deny inbound from the internet (DenyAllInBound 65500)', () => {
    const d = evalOne(nsg('subnet-nsg'), inbound(22, internetHost));
    expect(d.access).toBe('Deny');
    expect(d.rule).toMatchObject({ name: 'DenyAllInBound', priority: 65500, isDefault: true });
    expect(d.evaluated.map((e) => e.rule.name)).toEqual(['AllowVnetInBound', 'AllowAzureLoadBalancerInBound', 'DenyAllInBound']);
  });

  it('N2: subnet allows 22 but the NIC NSG (defaults) denies: both must allow', () => {
    const sub = nsg('subnet-nsg', [rule('ssh', { priority: 100, direction: 'Inbound', access: 'Allow', source: 'Internet', port: 22, protocol: 'Tcp' })]);
    const r = evaluateNsgChain([at(sub, 'subnet'), at(nsg('nic-nsg'), 'nic')], inbound(22, internetHost), ctx);
    expect(r.access).toBe('Deny');
    expect(r.deciding?.appliedTo).toBe('nic');
    expect(r.deciding?.rule?.name).toBe('DenyAllInBound');
  });

  it('N3: both allow → Allow, deciding = the NIC NSG rule (last evaluated)', () => {
    const allow = [rule('ssh', { priority: 100, direction: 'Inbound', access: 'Allow', source: 'Internet', port: 22 })];
    const r = evaluateNsgChain([at(nsg('subnet-nsg', allow), 'subnet'), at(nsg('nic-nsg', allow), 'nic')], inbound(22, internetHost), ctx);
    expect(r.access).toBe('Allow');
    expect(r.deciding?.nsgId).toMatch(/nic-nsg$/);
    expect(r.decisions).toHaveLength(2);
  });

  it('N4: NIC NSG denies 80 out; the subnet NSG is not evaluated', () => {
    const nic = nsg('nic-nsg', [rule('no-http', { priority: 100, direction: 'Outbound', access: 'Deny', port: 80 })]);
    const r = evaluateNsgChain([at(nic, 'nic'), at(nsg('subnet-nsg'), 'subnet')], outbound(80, internetHost), ctx);
    expect(r.access).toBe('Deny');
    expect(r.decisions).toHaveLength(1);
    expect(r.deciding?.rule?.name).toBe('no-http');
  });

  it('N5: Allow Storage.WestEurope @100 before Deny Internet @200', () => {
    const n = nsg('n', [
      rule('deny-internet', { priority: 200, direction: 'Outbound', access: 'Deny', destination: 'Internet' }),
      rule('allow-storage', { priority: 100, direction: 'Outbound', access: 'Allow', destination: 'Storage.WestEurope', port: 443, protocol: 'Tcp' }),
    ]);
    expect(evalOne(n, outbound(443, storageWe)).rule?.name).toBe('allow-storage');
    const withData = evalOne(n, outbound(443, { kind: 'ip', ip: '20.38.4.4' }), dataCtx);
    expect(withData.access).toBe('Allow');
    expect(withData.rule?.priority).toBe(100);
  });

  it('N6: Deny Internet @100 blocks storage (Storage ⊂ Internet)', () => {
    const n = nsg('n', [rule('deny-internet', { priority: 100, direction: 'Outbound', access: 'Deny', destination: 'Internet' })]);
    const d = evalOne(n, outbound(443, storageWe));
    expect(d.access).toBe('Deny');
    expect(d.rule?.priority).toBe(100);
  });

  it('N7: default NSG allows storage by AllowInternetOutBound 65001', () => {
    const d = evalOne(nsg('n'), outbound(443, storageWe));
    expect(d.access).toBe('Allow');
    expect(d.rule).toMatchObject({ name: 'AllowInternetOutBound', priority: 65001 });
  });

  it('N8: a regional allow does not cover another region', () => {
    const n = nsg('n', [
      rule('allow-we', { priority: 100, direction: 'Outbound', access: 'Allow', destination: 'Storage.WestEurope' }),
      rule('deny-internet', { priority: 200, direction: 'Outbound', access: 'Deny', destination: 'Internet' }),
    ]);
    expect(evalOne(n, outbound(443, { kind: 'tag', tag: 'Storage.NorthEurope' })).rule?.name).toBe('deny-internet');
    expect(evalOne(n, outbound(443, { kind: 'ip', ip: '20.60.1.1' }), dataCtx).rule?.name).toBe('deny-internet');
  });

  it('N9: intra-subnet traffic is filtered', () => {
    const n = nsg('n', [rule('deny-all-in', { priority: 100, direction: 'Inbound', access: 'Deny' })]);
    const d = evalOne(n, inbound(22, { kind: 'ip', ip: '10.1.0.5' }));
    expect(d.access).toBe('Deny');
    expect(d.rule?.name).toBe('deny-all-in');
  });

  it('N10: a peered VNet is inside VirtualNetwork (AllowVnetOutBound / AllowVnetInBound)', () => {
    const peered = { ...ctx, virtualNetworkPrefixes: ['10.1.0.0/16', '10.0.0.0/16', '168.63.129.16/32'] };
    expect(evalOne(nsg('n'), outbound(443, { kind: 'ip', ip: '10.0.1.4' }), peered).rule?.name).toBe('AllowVnetOutBound');
    expect(evalOne(nsg('n'), inbound(443, SUBNET, { kind: 'ip', ip: '10.0.1.4' }), peered).rule?.name).toBe('AllowVnetInBound');
    // Not peered: the other VNet is not VirtualNetwork, so default rules deny it inbound.
    expect(evalOne(nsg('n'), inbound(443, { kind: 'cidrs', cidrs: ['10.0.0.0/24'] })).access).toBe('Deny');
  });

  it('N11: 168.63.129.16 probes are allowed by the default rules', () => {
    const d = evalOne(nsg('n'), inbound(80, { kind: 'ip', ip: '168.63.129.16' }));
    expect(d.access).toBe('Allow');
    expect(['AllowVnetInBound', 'AllowAzureLoadBalancerInBound']).toContain(d.rule?.name);
    const probe = evalOne(nsg('n'), inbound(80, { kind: 'tag', tag: 'AzureLoadBalancer' }), { ...ctx, virtualNetworkPrefixes: ['10.1.0.0/16'] });
    expect(probe.rule?.name).toBe('AllowAzureLoadBalancerInBound');
  });

  it('N12: Deny all out does not touch the platform address 168.63.129.16', () => {
    const n = nsg('n', [rule('deny-all-out', { priority: 100, direction: 'Outbound', access: 'Deny' })]);
    const d = evalOne(n, outbound(53, { kind: 'ip', ip: '168.63.129.16' }, 'Udp'));
    expect(d.access).toBe('Allow');
    expect(d.platformExempt).toBe(true);
    expect(d.rule).toBeUndefined();
    expect(evalOne(n, outbound(80, { kind: 'ip', ip: '169.254.169.254' })).access).toBe('Allow');
  });

  it('N13: a rule naming AzurePlatformDNS does apply', () => {
    const n = nsg('n', [rule('deny-dns', { priority: 100, direction: 'Outbound', access: 'Deny', destination: 'AzurePlatformDNS' })]);
    const d = evalOne(n, outbound(53, { kind: 'ip', ip: '168.63.129.16' }, 'Udp'));
    expect(d.access).toBe('Deny');
    expect(d.rule?.name).toBe('deny-dns');
    // IMDS is a different address: the DNS rule does not reach it.
    expect(evalOne(n, outbound(80, { kind: 'ip', ip: '169.254.169.254' })).access).toBe('Allow');
  });

  it('N14: a rule whose destination is an ASG is ignored for NICs outside the ASG', () => {
    const web = asg('asg-web');
    const n = nsg('n', [rule('deny-web', { priority: 100, direction: 'Inbound', access: 'Deny', port: 80, destinationAddressPrefixes: [], destinationAsgIds: [web.id] })]);
    const flow = inbound(80, { kind: 'ip', ip: '10.1.0.9' });
    expect(evalOne(n, flow).rule?.name).toBe('AllowVnetInBound');
    expect(evalOne(n, flow, { ...ctx, asgIds: [web.id.toLowerCase()] }).rule?.name).toBe('deny-web');
  });
});

describe('evaluateNsg: rule matching', () => {
  const one = (spec: Parameters<typeof rule>[1]) => nsg('n', [rule('r', spec)]);

  it('ports: single, ranges, comma lists and lists', () => {
    for (const ports of [['443'], ['440-450'], ['80, 443'], ['80', '443-445']]) {
      const d = evalOne(one({ priority: 100, direction: 'Outbound', access: 'Deny', destinationPortRanges: ports }), outbound(443, internetHost));
      expect(d.rule?.name, ports.join('|')).toBe('r');
    }
    expect(evalOne(one({ priority: 100, direction: 'Outbound', access: 'Deny', destinationPortRanges: ['80,8080'] }), outbound(443, internetHost)).rule?.name)
      .toBe('AllowInternetOutBound');
  });

  it('protocol must match; * matches TCP, UDP and ICMP', () => {
    const udpOnly = one({ priority: 100, direction: 'Outbound', access: 'Deny', protocol: 'Udp' });
    expect(evalOne(udpOnly, outbound(443, internetHost)).access).toBe('Allow');
    expect(evalOne(udpOnly, outbound(443, internetHost, 'Udp')).access).toBe('Deny');
    expect(evalOne(one({ priority: 100, direction: 'Outbound', access: 'Deny' }), outbound(0, internetHost, 'Icmp')).access).toBe('Deny');
  });

  it('ICMP vs a port-restricted rule follows portRuleMatchesIcmp', () => {
    const n = one({ priority: 100, direction: 'Outbound', access: 'Deny', port: 443 });
    expect(evalOne(n, outbound(0, internetHost, 'Icmp')).access).toBe('Allow');
    const yes = { ...ctx, assumptions: { ...DEFAULT_ASSUMPTIONS, portRuleMatchesIcmp: true } };
    expect(evalOne(n, outbound(0, internetHost, 'Icmp'), yes).access).toBe('Deny');
  });

  it('address forms: *, 0.0.0.0/0, Any, an IP, a CIDR, an augmented list', () => {
    for (const dst of [['*'], ['0.0.0.0/0'], ['Any'], ['203.0.113.5'], ['203.0.113.0/24'], ['198.51.100.0/24', '203.0.113.5']]) {
      expect(evalOne(one({ priority: 100, direction: 'Outbound', access: 'Deny', destinationAddressPrefixes: dst }), outbound(443, internetHost)).access, dst.join('|'))
        .toBe('Deny');
    }
    expect(evalOne(one({ priority: 100, direction: 'Outbound', access: 'Deny', destination: '198.51.100.0/24' }), outbound(443, internetHost)).access).toBe('Allow');
  });

  it('a source-port rule only partly matches an ephemeral source port', () => {
    const n = one({ priority: 100, direction: 'Outbound', access: 'Deny', sourcePortRanges: ['1000-2000'] });
    expect(evalOne(n, outbound(443, internetHost)).access).toBe('Unknown');
    expect(evalOne(n, { ...outbound(443, internetHost), sourcePort: 1500 }).access).toBe('Deny');
    expect(evalOne(n, { ...outbound(443, internetHost), sourcePort: 40000 }).access).toBe('Allow');
  });
});

describe('evaluateNsg: partial matches', () => {
  it('a CIDR deny vs a tag without data is Unknown; with data it is exact', () => {
    const n = nsg('n', [rule('deny-range', { priority: 100, direction: 'Outbound', access: 'Deny', destination: '20.38.0.0/16' })]);
    const d = evalOne(n, outbound(443, storageWe));
    expect(d.access).toBe('Unknown');
    expect(d.rule?.name).toBe('deny-range');
    expect(d.fallbackRule?.name).toBe('AllowInternetOutBound');
    expect(evalOne(n, outbound(443, storageWe), dataCtx).access).toBe('Deny');
    expect(evalOne(n, outbound(443, { kind: 'tag', tag: 'Storage.NorthEurope' }), dataCtx).access).toBe('Allow');
  });

  it('a partial rule with the same access as the decision cannot change it', () => {
    const n = nsg('n', [rule('allow-some', { priority: 100, direction: 'Outbound', access: 'Allow', destination: '20.0.0.0/8' })]);
    const d = evalOne(n, outbound(443, storageWe));
    expect(d.access).toBe('Allow');
    expect(d.rule?.name).toBe('AllowInternetOutBound');
    expect(d.evaluated[0]?.match).toBe('unknown');
  });

  it('a rule covering half of the source subnet makes a different-access decision Unknown', () => {
    const n = nsg('n', [rule('deny-half', { priority: 100, direction: 'Outbound', access: 'Deny', source: '10.1.0.0/25' })]);
    expect(evalOne(n, outbound(443, internetHost)).access).toBe('Unknown');
    expect(evalOne(n, { ...outbound(443, internetHost), source: { kind: 'ip', ip: '10.1.0.4' } }).access).toBe('Deny');
    expect(evalOne(n, { ...outbound(443, internetHost), source: { kind: 'ip', ip: '10.1.0.200' } }).access).toBe('Allow');
  });

  it('a private CIDR rule never touches a public service tag', () => {
    const n = nsg('n', [rule('deny-private', { priority: 100, direction: 'Outbound', access: 'Deny', destination: '10.0.0.0/8' })]);
    expect(evalOne(n, outbound(443, storageWe)).rule?.name).toBe('AllowInternetOutBound');
  });

  it('VirtualNetwork follows ctx.virtualNetworkPrefixes, including a tag under cidrAndTags', () => {
    const n = nsg('n', [rule('allow-vnet', { priority: 100, direction: 'Outbound', access: 'Allow', destination: 'VirtualNetwork' }),
      rule('deny-all', { priority: 200, direction: 'Outbound', access: 'Deny' })]);
    expect(evalOne(n, outbound(443, { kind: 'tag', tag: 'AzureMachineLearning' })).rule?.name).toBe('deny-all');
    const withTag = { ...ctx, virtualNetworkPrefixes: [...ctx.virtualNetworkPrefixes, 'AzureMachineLearning'] };
    expect(evalOne(n, outbound(443, { kind: 'tag', tag: 'AzureMachineLearning' }), withTag).rule?.name).toBe('allow-vnet');
  });
});

describe('evaluateNsg: exact splits with prefix data', () => {
  const storage = { kind: 'tag', tag: 'Storage' } as const;

  it('regional allows that together cover the tag decide before Deny Internet', () => {
    const n = nsg('n', [
      rule('allow-we', { priority: 100, direction: 'Outbound', access: 'Allow', destination: 'Storage.WestEurope' }),
      rule('allow-ne', { priority: 110, direction: 'Outbound', access: 'Allow', destination: 'Storage.NorthEurope' }),
      rule('deny-internet', { priority: 200, direction: 'Outbound', access: 'Deny', destination: 'Internet' }),
    ]);
    const d = evalOne(n, outbound(443, storage), dataCtx);
    expect(d.access).toBe('Allow');
    expect(d.rule?.name).toBe('allow-ne');
    // The second rule is checked against what the first left over (Storage.NorthEurope's prefixes).
    expect(d.evaluated.map((e) => e.match)).toEqual(['unknown', 'yes']);
    // Without data the same NSG cannot tell: part may fall through to the deny.
    expect(evalOne(n, outbound(443, storage)).access).toBe('Unknown');
  });

  it('part allowed and the rest denied is Unknown, naming both rules', () => {
    const n = nsg('n', [
      rule('allow-we', { priority: 100, direction: 'Outbound', access: 'Allow', destination: 'Storage.WestEurope' }),
      rule('deny-internet', { priority: 200, direction: 'Outbound', access: 'Deny', destination: 'Internet' }),
    ]);
    const d = evalOne(n, outbound(443, storage), dataCtx);
    expect(d.access).toBe('Unknown');
    expect(d.rule?.name).toBe('allow-we');
    expect(d.fallbackRule?.name).toBe('deny-internet');
    expect(d.explanation).toMatch(/allows part of this flow and .*deny-internet.* denies the rest/);
    expect(d.evaluated.map((e) => e.match)).toEqual(['unknown', 'yes']);
  });

  it('inbound: the remote side is the source', () => {
    const n = nsg('n', [
      rule('low', { priority: 100, direction: 'Inbound', access: 'Allow', source: '40.74.0.0/25', port: 44224 }),
      rule('high', { priority: 110, direction: 'Inbound', access: 'Allow', source: '40.74.0.128/25', port: 44224 }),
    ]);
    const d = evalOne(n, inbound(44224, { kind: 'tag', tag: 'AzureMachineLearning' }, SUBNET), dataCtx);
    expect(d.access).toBe('Allow');
    expect(d.rule?.name).toBe('high');
  });
});

describe('evaluateNsgChain', () => {
  it('no attachments = Allow with no deciding NSG', () => {
    const r = evaluateNsgChain([], outbound(443, internetHost), ctx);
    expect(r).toEqual({ access: 'Allow', decisions: [] });
  });

  it('an unreadable NSG is Unknown, but a later Deny still decides', () => {
    const missing = { nsgId: '/subscriptions/x/resourceGroups/r/providers/Microsoft.Network/networkSecurityGroups/gone', nsg: undefined, appliedTo: 'nic' as const, appliedToId: 'nic' };
    const u = evaluateNsgChain([missing, at(nsg('n'), 'subnet')], outbound(443, internetHost), ctx);
    expect(u.access).toBe('Unknown');
    expect(u.deciding?.explanation).toMatch(/gone/);
    const deny = nsg('d', [rule('deny', { priority: 100, direction: 'Outbound', access: 'Deny' })]);
    expect(evaluateNsgChain([missing, at(deny, 'subnet')], outbound(443, internetHost), ctx).access).toBe('Deny');
  });
});

describe('amlAutoNsg (§5.3)', () => {
  const computeId = '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws/computes/cpu';
  const auto = amlAutoNsg(computeId, DEFAULT_ASSUMPTIONS);
  const fromAml = inbound(44224, { kind: 'tag', tag: 'AzureMachineLearning' }, SUBNET);

  it('M1: allows TCP 44224 from AzureMachineLearning at the assumed priority', () => {
    const d = evaluateNsg(auto, 'nic', computeId, fromAml, ctx);
    expect(d.access).toBe('Allow');
    expect(d.rule?.priority).toBe(DEFAULT_ASSUMPTIONS.autoNsgRulePriority);
    expect(auto.id).toBe(`${computeId}/providers/VNetLens/autoNsg`);
    expect(auto.defaultSecurityRules).toHaveLength(6);
    expect(evaluateNsg(auto, 'nic', computeId, { ...fromAml, destinationPort: 22 }, ctx).access).toBe('Deny');
  });

  it('M2: a subnet NSG denying Internet inbound blocks it first', () => {
    const sub = nsg('subnet-nsg', [rule('deny-internet-in', { priority: 100, direction: 'Inbound', access: 'Deny', source: 'Internet' })]);
    const r = evaluateNsgChain([at(sub, 'subnet'), { nsgId: auto.id, nsg: auto, appliedTo: 'nic', appliedToId: computeId }], fromAml, ctx);
    expect(r.access).toBe('Deny');
    expect(r.deciding?.rule?.name).toBe('deny-internet-in');
  });
});
