/**
 * Flow sets shared by alike subnets of one VNet (subnetClass): a cluster in the second subnet must get
 * exactly the verdict it gets when evaluated without the first, pointed at its own subnet, whatever
 * the NSG rules say about either subnet's addresses.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SecurityRule, Subnet } from '../model/resources';
import type { SnapshotParts } from './testing/snapshotBuilder';
import { TagIndex } from '../servicetags/tagIndex';
import { DEFAULT_ASSUMPTIONS } from './assumptions';
import { createOneShotContext } from './context';
import { evaluateEstate } from './evaluateEstate';
import { subnetClass } from './subnetClass';
import { amlEstate, snapshotOf } from './testing/amlEstate';
import { compute, natGateway, nsg, routeTable, rule, subnet } from './testing/snapshotBuilder';
import type { ComputeVerdict, FlowVerdict } from './verdict';

interface Setup {
  /** Rules of the NSG on both compute subnets. */
  readonly rules?: readonly SecurityRule[];
  readonly publicIp?: boolean;
  /** Overrides for both compute subnets (e.g. defaultOutboundAccess). */
  readonly computeSubnets?: Partial<Subnet>;
  /** Network policies and NSG rules of the private endpoints' subnet. */
  readonly pe?: { readonly policies: Subnet['privateEndpointNetworkPolicies']; readonly rules: readonly SecurityRule[] };
}

/** VNet-C with snet-compute (10.1.0.0/24, cluster1) and snet-compute2 (10.1.1.0/24, cluster2) behind one NSG. */
function estate(s: Setup, clusters: readonly ('cluster1' | 'cluster2')[]) {
  const e = amlEstate({ computes: () => [] });
  const guard = nsg('nsg-c', s.rules ?? []);
  const cs1: Subnet = { ...e.computeSubnet, nsgId: guard.id, ...s.computeSubnets };
  const cs2: Subnet = { ...subnet(e.vnetC, 'snet-compute2', '10.1.1.0/24'), nsgId: guard.id, ...s.computeSubnets };
  const peNsg = nsg('nsg-pe', s.pe?.rules ?? []);
  const pe: Subnet = s.pe ? { ...e.peSubnet, nsgId: peNsg.id, privateEndpointNetworkPolicies: s.pe.policies } : e.peSubnet;
  const computes = clusters.map((n) => compute(e.ws, n, { subnetId: (n === 'cluster1' ? cs1 : cs2).id, enableNodePublicIp: s.publicIp ?? false }));
  const verdict = evaluateEstate(snapshotOf(e.parts, { subnets: [pe, e.wsSubnet, cs1, cs2], nsgs: [guard, peNsg], computes }));
  return { verdict, cs1, cs2 };
}

function cluster(v: ReturnType<typeof estate>['verdict'], name: string): ComputeVerdict {
  const c = v.computes.find((x) => x.name === name);
  if (!c) throw new Error(`no ${name}`);
  return c;
}

/** Both clusters evaluated together, and each alone. */
function together(s: Setup) {
  const both = estate(s, ['cluster1', 'cluster2']);
  return {
    ...both,
    c1: cluster(both.verdict, 'cluster1'), c2: cluster(both.verdict, 'cluster2'),
    alone1: cluster(estate(s, ['cluster1']).verdict, 'cluster1'), alone2: cluster(estate(s, ['cluster2']).verdict, 'cluster2'),
  };
}

const ids = (flows: readonly FlowVerdict[]) => flows.flatMap((f) => [f.decidedBy.resourceId, ...f.trace.map((t) => t.resourceId)]);
const named = (flows: readonly FlowVerdict[]) => flows.flatMap((f) => [f.decidedBy.name, ...f.trace.map((t) => t.name)]);
const byRow = (c: ComputeVerdict, requirement: string, port: number) => c.flows.find((f) => f.requirement === requirement && f.port === port);

describe('flow sets shared by alike subnets', () => {
  it('a cluster in an alike subnet gets the flows it has alone, pointed at its own subnet', () => {
    // Private subnets without a NAT gateway: the outbound step blocks and names the subnet (id and name).
    const t = together({ computeSubnets: { defaultOutboundAccess: false } });
    expect(t.c2.flows).toEqual(t.alone2.flows);
    expect(t.c1.flows).toEqual(t.alone1.flows);
    expect(ids(t.c2.flows)).toContain(t.cs2.id);
    expect(ids(t.c2.flows)).not.toContain(t.cs1.id);
    expect(named(t.c2.flows)).toContain('snet-compute2');
    expect(named(t.c2.flows)).not.toContain('snet-compute');
  });

  it('an outbound rule naming one subnet\'s prefix keeps the other subnet\'s flows its own', () => {
    const deny = rule('deny-c1-aml', { priority: 100, direction: 'Outbound', access: 'Deny', source: '10.1.0.0/24', destination: 'AzureMachineLearning' });
    const t = together({ rules: [deny] });
    expect(byRow(t.c1, 'O1', 443)?.status).toBe('blocked');
    expect(byRow(t.c1, 'O1', 443)?.decidedBy.name).toBe('deny-c1-aml');
    expect(byRow(t.c2, 'O1', 443)?.status).toBe('allowed');
    expect(t.c2.flows).toEqual(t.alone2.flows);
  });

  it('an inbound rule naming one subnet\'s prefix keeps the other subnet\'s flows its own', () => {
    const deny = rule('deny-aml-to-c1', { priority: 100, direction: 'Inbound', access: 'Deny', source: 'AzureMachineLearning', destination: '10.1.0.0/24', port: 44224 });
    const allow = rule('allow-aml', { priority: 200, direction: 'Inbound', access: 'Allow', source: 'AzureMachineLearning', destination: 'VirtualNetwork', port: 44224 });
    const t = together({ rules: [deny, allow], publicIp: true });
    expect(byRow(t.c1, 'I1', 44224)?.status).toBe('blocked');
    expect(byRow(t.c2, 'I1', 44224)?.status).toBe('allowed');
    expect(t.c2.flows).toEqual(t.alone2.flows);
  });

  it('a private endpoint subnet NSG that admits one compute subnet keeps the other\'s flows its own', () => {
    const pe = { policies: 'Enabled' as const, rules: [
      rule('allow-c2', { priority: 100, direction: 'Inbound', access: 'Allow', source: '10.1.1.0/24' }),
      rule('deny-rest', { priority: 200, direction: 'Inbound', access: 'Deny' }),
    ] };
    const t = together({ pe });
    expect(byRow(t.c1, 'O12', 443)?.status).toBe('blocked');
    expect(byRow(t.c2, 'O12', 443)?.status).toBe('allowed');
    expect(t.c1.flows).toEqual(t.alone1.flows);
    expect(t.c2.flows).toEqual(t.alone2.flows);
  });

  it('property: whatever the rules, each cluster gets the verdict it gets alone', () => {
    const addresses = ['*', 'VirtualNetwork', 'Internet', 'AzureMachineLearning', 'Storage.westeurope', '10.1.0.0/24', '10.1.1.0/24',
      '10.1.0.0/16', '10.1.1.128/25', '10.0.0.0/8', '10.0.1.0/24'];
    const ruleArb = fc.record({
      direction: fc.constantFrom('Inbound' as const, 'Outbound' as const),
      access: fc.constantFrom('Allow' as const, 'Deny' as const),
      protocol: fc.constantFrom('Tcp' as const, 'Udp' as const, '*' as const),
      source: fc.constantFrom(...addresses),
      destination: fc.constantFrom(...addresses),
      port: fc.constantFrom('*', '443', '44224', '5831', '445', '1000-50000'),
    });
    const rulesArb = (prefix: string) => fc.uniqueArray(fc.integer({ min: 100, max: 4000 }), { maxLength: 6 })
      .chain((prios) => fc.tuple(...prios.map((p) => ruleArb.map((r) => rule(`${prefix}${p}`, { priority: p, ...r })))));
    fc.assert(fc.property(
      rulesArb('c'), rulesArb('pe'), fc.boolean(), fc.constantFrom(undefined, false, true), fc.constantFrom('Disabled' as const, 'Enabled' as const),
      (rules, peRules, publicIp, defaultOutboundAccess, policies) => {
        const t = together({
          rules, publicIp, pe: { policies, rules: peRules },
          computeSubnets: defaultOutboundAccess === undefined ? {} : { defaultOutboundAccess },
        });
        expect(t.c1).toEqual(t.alone1);
        expect(t.c2).toEqual(t.alone2);
      }), { numRuns: 60 });
  });
});

describe('subnetClass', () => {
  const e = amlEstate();
  const guard = nsg('nsg-c');
  const base = { ...e.computeSubnet, nsgId: guard.id };
  const alike = { ...subnet(e.vnetC, 'snet-2', '10.1.1.0/24'), nsgId: guard.id };
  const classes = (subnets: readonly Subnet[], extra: Partial<SnapshotParts> = {}) => {
    const ctx = createOneShotContext(snapshotOf(e.parts, { subnets: [e.peSubnet, e.wsSubnet, ...subnets], nsgs: [guard], ...extra }), DEFAULT_ASSUMPTIONS, TagIndex.empty());
    return subnets.map((sub) => subnetClass(ctx, sub));
  };

  it('puts alike subnets of one VNet in one class', () => {
    const [a, b] = classes([base, alike]);
    expect(a).toBeDefined();
    expect(b).toBe(a);
  });

  it('tells apart subnets with another NSG, route table, NAT gateway, outbound access, service endpoints or VNet', () => {
    const rt = routeTable('rt-c', []);
    const nat = natGateway('nat-c');
    const variants: Subnet[] = [
      { ...alike, nsgId: undefined }, { ...alike, routeTableId: rt.id }, { ...alike, natGatewayId: nat.id },
      { ...alike, defaultOutboundAccess: false }, { ...alike, serviceEndpoints: [{ service: 'Microsoft.Storage', locations: ['westeurope'] }] },
      { ...subnet(e.vnetW, 'snet-3', '10.0.3.0/24'), nsgId: guard.id },
    ];
    const [a, ...others] = classes([base, ...variants], { routeTables: [rt], natGateways: [nat] });
    for (const c of others) {
      expect(c).toBeDefined();
      expect(c).not.toBe(a);
    }
  });

  it('gives no class where flows must be the subnet\'s own', () => {
    const outside = { ...alike, addressPrefixes: ['10.9.0.0/24'] };
    const ipv6 = { ...alike, addressPrefixes: ['10.1.1.0/24', 'fd00::/64'] };
    const missingRouteTable = { ...alike, routeTableId: routeTable('rt-gone', []).id };
    expect(classes([outside, ipv6, missingRouteTable])).toEqual([undefined, undefined, undefined]);
    expect(classes([base], { vnets: [e.vnetW] })).toEqual([undefined]);
    expect(classes([base], { adminRules: [{ vnetId: e.vnetC.id, rules: [] }] })).toEqual([undefined]);
  });
});
