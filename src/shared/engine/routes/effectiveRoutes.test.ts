import { describe, expect, it } from 'vitest';
import { TagIndex } from '../../servicetags/tagIndex';
import { DEFAULT_ASSUMPTIONS } from '../assumptions';
import { SAMPLE_TAGS } from '../testing/sampleTags';
import {
  buildSnapshot, natGateway, peerPair, privateEndpoint, route, routeTable, subnet, vnet,
} from '../testing/snapshotBuilder';
import { effectiveRoutes, lookupRoute, type EffectiveRoute } from './effectiveRoutes';

const ctx = { tags: TagIndex.empty(), assumptions: DEFAULT_ASSUMPTIONS };
const dataCtx = { tags: TagIndex.from(SAMPLE_TAGS), assumptions: DEFAULT_ASSUMPTIONS };
const w = vnet('vnet-w', ['10.0.0.0/16']);
const sn = subnet(w, 'compute', '10.0.0.0/24');
const peSubnet = subnet(w, 'pe', '10.0.1.0/24');

function routesFor(parts: Parameters<typeof buildSnapshot>[0], s = sn, c = ctx) {
  return effectiveRoutes(buildSnapshot(parts), s.id, c);
}

function withUdrs(...routes: ReturnType<typeof route>[]) {
  const rt = routeTable('rt', routes);
  const s = subnet(w, 'compute', '10.0.0.0/24', { routeTableId: rt.id });
  return { rt, s };
}


describe('effectiveRoutes: system routes (§2.1)', () => {
  it('VNet range, 0.0.0.0/0 and the reserved ranges', () => {
    const r = routesFor({ vnets: [w], subnets: [sn] });
    expect(r.unknown).toBeUndefined();
    expect(r.routes.map((x) => `${x.addressPrefix} ${x.nextHopType}`)).toEqual([
      '10.0.0.0/16 VnetLocal', '0.0.0.0/0 Internet', '10.0.0.0/8 None', '172.16.0.0/12 None', '192.168.0.0/16 None', '100.64.0.0/10 None',
    ]);
  });

  it('a reserved range equal to or inside the VNet space loses its None route', () => {
    const big = vnet('vnet-big', ['10.0.0.0/8', '172.16.0.0/11']);
    const s = subnet(big, 'a', '10.0.0.0/24');
    const r = routesFor({ vnets: [big], subnets: [s] }, s);
    expect(r.routes.filter((x) => x.nextHopType === 'None').map((x) => x.addressPrefix)).toEqual(['192.168.0.0/16', '100.64.0.0/10']);
  });

  it('R1: 8.8.8.8 goes to the Internet by 0.0.0.0/0', () => {
    const d = lookupRoute(routesFor({ vnets: [w], subnets: [sn] }).routes, { kind: 'ip', ip: '8.8.8.8' }, ctx);
    expect(d).toMatchObject({ status: 'resolved', nextHopType: 'Internet' });
    expect(d.route?.addressPrefix).toBe('0.0.0.0/0');
  });

  it('R2: 10.5.0.4 outside the VNet hits 10.0.0.0/8 None (dropped)', () => {
    const d = lookupRoute(routesFor({ vnets: [w], subnets: [sn] }).routes, { kind: 'ip', ip: '10.5.0.4' }, ctx);
    expect(d.nextHopType).toBe('None');
    expect(d.route?.addressPrefix).toBe('10.0.0.0/8');
  });
});

describe('effectiveRoutes: UDRs (§2.3–2.5)', () => {
  it('R3: a UDR with the VNet prefix wins and the system route turns Invalid', () => {
    const { rt, s } = withUdrs(route('to-fw', '10.0.0.0/16', 'VirtualAppliance', '10.0.100.4'));
    const r = routesFor({ vnets: [w], subnets: [s], routeTables: [rt] }, s);
    expect(r.routes.find((x) => x.source === 'Default' && x.addressPrefix === '10.0.0.0/16')?.state).toBe('Invalid');
    const d = lookupRoute(r.routes, { kind: 'ip', ip: '10.0.2.5' }, ctx);
    expect(d).toMatchObject({ nextHopType: 'VirtualAppliance', nextHopIp: '10.0.100.4' });
    expect(d.route?.source).toBe('User');
  });

  it('R4: longest prefix match between two UDRs', () => {
    const { rt, s } = withUdrs(route('local', '10.0.0.0/24', 'VnetLocal'), route('fw', '10.0.0.0/16', 'VirtualAppliance', '10.0.100.4'));
    const r = routesFor({ vnets: [w], subnets: [s], routeTables: [rt] }, s).routes;
    expect(lookupRoute(r, { kind: 'ip', ip: '10.0.0.5' }, ctx).nextHopType).toBe('VnetLocal');
    expect(lookupRoute(r, { kind: 'ip', ip: '10.0.1.5' }, ctx).nextHopType).toBe('VirtualAppliance');
  });

  it('R5: VNet system route beats a more specific BGP route', () => {
    const routes: EffectiveRoute[] = [
      ...routesFor({ vnets: [w], subnets: [sn] }).routes,
      { source: 'VirtualNetworkGateway', addressPrefix: '10.0.5.0/24', nextHopType: 'VirtualNetworkGateway', state: 'Active' },
    ];
    const d = lookupRoute(routes, { kind: 'ip', ip: '10.0.5.4' }, ctx);
    expect(d.nextHopType).toBe('VnetLocal');
  });

  it('R6: with a Storage service endpoint, storage traffic avoids a 0.0.0.0/0 UDR', () => {
    const rt = routeTable('rt', [route('default', '0.0.0.0/0', 'VirtualAppliance', '10.0.100.4')]);
    const s = subnet(w, 'compute', '10.0.0.0/24', { routeTableId: rt.id, serviceEndpoints: [{ service: 'Microsoft.Storage', locations: ['westeurope'] }] });
    const r = routesFor({ vnets: [w], subnets: [s], routeTables: [rt] }, s);
    expect(r.routes.find((x) => x.nextHopType === 'VirtualNetworkServiceEndpoint')?.tag).toBe('Storage.westeurope');
    expect(lookupRoute(r.routes, { kind: 'tag', tag: 'Storage.WestEurope' }, ctx).nextHopType).toBe('VirtualNetworkServiceEndpoint');
    const withData = effectiveRoutes(buildSnapshot({ vnets: [w], subnets: [s], routeTables: [rt] }), s.id, dataCtx);
    expect(lookupRoute(withData.routes, { kind: 'ip', ip: '20.38.1.1' }, dataCtx).nextHopType).toBe('VirtualNetworkServiceEndpoint');
    expect(lookupRoute(withData.routes, { kind: 'ip', ip: '20.60.1.1' }, dataCtx).nextHopType).toBe('VirtualAppliance');
  });

  it('R7: without a service endpoint, storage goes to the appliance', () => {
    const { rt, s } = withUdrs(route('default', '0.0.0.0/0', 'VirtualAppliance', '10.0.100.4'));
    const r = routesFor({ vnets: [w], subnets: [s], routeTables: [rt] }, s).routes;
    expect(r.find((x) => x.source === 'Default' && x.addressPrefix === '0.0.0.0/0')?.state).toBe('Invalid');
    expect(lookupRoute(r, { kind: 'tag', tag: 'Storage.westeurope' }, ctx).nextHopType).toBe('VirtualAppliance');
  });

  it('R8: regional tag route beats the top-level tag route (with and without data)', () => {
    const { rt, s } = withUdrs(route('st', 'Storage', 'VirtualAppliance', '10.0.100.4'), route('st-we', 'Storage.WestEurope', 'Internet'));
    const parts = { vnets: [w], subnets: [s], routeTables: [rt] };
    expect(lookupRoute(routesFor(parts, s).routes, { kind: 'tag', tag: 'Storage.WestEurope' }, ctx).route?.tag).toBe('Storage.WestEurope');
    const d = lookupRoute(routesFor(parts, s, dataCtx).routes, { kind: 'ip', ip: '20.38.7.7' }, dataCtx);
    expect(d.route?.tag).toBe('Storage.WestEurope');
    expect(d.explanation).toMatch(/ranks above/);
  });

  it('R9: explicit prefix beats a tag route with the same prefix', () => {
    const tags = TagIndex.from({ cloud: 'AzureCloud', source: 't', tags: [{ name: 'AzureMachineLearning', region: '', systemService: '', addressPrefixes: ['20.1.2.0/24'] }] });
    const { rt, s } = withUdrs(route('explicit', '20.1.2.0/24', 'None'), route('aml', 'AzureMachineLearning', 'Internet'));
    const c = { tags, assumptions: DEFAULT_ASSUMPTIONS };
    const d = lookupRoute(routesFor({ vnets: [w], subnets: [s], routeTables: [rt] }, s, c).routes, { kind: 'ip', ip: '20.1.2.3' }, c);
    expect(d.nextHopType).toBe('None');
    expect(d.explanation).toMatch(/explicit prefix/);
  });

  it('R10: more than 25 service-tag routes is a config error', () => {
    const many = Array.from({ length: 26 }, (_, i) => route(`t${i}`, i % 2 ? 'Storage' : 'AzureMachineLearning', 'Internet'));
    const { rt, s } = withUdrs(...many);
    expect(routesFor({ vnets: [w], subnets: [s], routeTables: [rt] }, s).configErrors.join(' ')).toMatch(/26 service-tag routes/);
    const { rt: ok, s: s2 } = withUdrs(...many.slice(0, 25));
    expect(routesFor({ vnets: [w], subnets: [s2], routeTables: [ok] }, s2).configErrors).toEqual([]);
  });

  it('VirtualAppliance without an IP is a config error and the route is not used', () => {
    const { rt, s } = withUdrs(route('bad', '0.0.0.0/0', 'VirtualAppliance'));
    const r = routesFor({ vnets: [w], subnets: [s], routeTables: [rt] }, s);
    expect(r.configErrors[0]).toMatch(/without a next-hop IP/);
    expect(lookupRoute(r.routes, { kind: 'ip', ip: '8.8.8.8' }, ctx).nextHopType).toBe('Internet');
  });

  it('a referenced route table that is not in the snapshot makes the routes unknown', () => {
    const s = subnet(w, 'compute', '10.0.0.0/24', { routeTableId: '/subscriptions/x/resourceGroups/r/providers/Microsoft.Network/routeTables/gone' });
    expect(routesFor({ vnets: [w], subnets: [s] }, s).unknown).toMatch(/gone/);
  });

  it('R16: a NAT gateway does not change that 0.0.0.0/0 to an appliance wins', () => {
    const { rt, s } = withUdrs(route('default', '0.0.0.0/0', 'VirtualAppliance', '10.0.100.4'));
    const s2 = { ...s, natGatewayId: natGateway('nat').id };
    const r = routesFor({ vnets: [w], subnets: [s2], routeTables: [rt], natGateways: [natGateway('nat', [s2])] }, s2);
    expect(lookupRoute(r.routes, { kind: 'ip', ip: '8.8.8.8' }, ctx).nextHopType).toBe('VirtualAppliance');
  });
});

describe('effectiveRoutes: peering and private endpoints', () => {
  const c = vnet('vnet-c', ['10.1.0.0/16']);
  const cs = subnet(c, 'compute', '10.1.0.0/24');
  const pe = privateEndpoint('pe-blob', peSubnet, '10.0.1.5');

  it('peered VNet ranges get VNetPeering routes only when both sides are Connected', () => {
    const alone = routesFor({ vnets: [w, c], subnets: [cs, peSubnet] }, cs);
    expect(lookupRoute(alone.routes, { kind: 'ip', ip: '10.0.9.9' }, ctx).nextHopType).toBe('None');
    const r = routesFor({ vnets: [w, c], subnets: [cs, peSubnet], peerings: peerPair(c, w) }, cs);
    expect(lookupRoute(r.routes, { kind: 'ip', ip: '10.0.9.9' }, ctx).nextHopType).toBe('VNetPeering');
    const withPe = routesFor({ vnets: [w, c], subnets: [cs, peSubnet], peerings: peerPair(c, w), privateEndpoints: [pe] }, cs);
    expect(lookupRoute(withPe.routes, { kind: 'ip', ip: '10.0.9.9' }, ctx).nextHopType).toBe('VNetPeering');
    expect(lookupRoute(withPe.routes, { kind: 'ip', ip: '10.0.1.5' }, ctx).nextHopType).toBe('InterfaceEndpoint');
    const half = routesFor({ vnets: [w, c], subnets: [cs], peerings: [peerPair(c, w)[0], { ...peerPair(c, w)[1], peeringState: 'Disconnected' }] }, cs);
    expect(half.routes.some((x) => x.nextHopType === 'VNetPeering')).toBe(false);
  });

  it('PE routes in peered VNets follow the privateEndpointRouteInPeeredVnets assumption', () => {
    const off = { tags: TagIndex.empty(), assumptions: { ...DEFAULT_ASSUMPTIONS, privateEndpointRouteInPeeredVnets: false } };
    const r = routesFor({ vnets: [w, c], subnets: [cs, peSubnet], peerings: peerPair(c, w), privateEndpoints: [pe] }, cs, off);
    expect(r.routes.some((x) => x.nextHopType === 'InterfaceEndpoint')).toBe(false);
  });

  it('R11: a 0.0.0.0/0 UDR never overrides the PE /32 route', () => {
    const { rt, s } = withUdrs(route('default', '0.0.0.0/0', 'VirtualAppliance', '10.0.100.4'));
    const r = routesFor({ vnets: [w], subnets: [s, peSubnet], routeTables: [rt], privateEndpoints: [pe] }, s);
    expect(lookupRoute(r.routes, { kind: 'ip', ip: '10.0.1.5' }, ctx).nextHopType).toBe('InterfaceEndpoint');
  });

  it('R12: with RouteTableEnabled on the PE subnet, a UDR as long as the VNet prefix takes over', () => {
    const policed = { ...peSubnet, privateEndpointNetworkPolicies: 'RouteTableEnabled' as const };
    const { rt, s } = withUdrs(route('vnet', '10.0.0.0/16', 'VirtualAppliance', '10.0.100.4'));
    const r = routesFor({ vnets: [w], subnets: [s, policed], routeTables: [rt], privateEndpoints: [pe] }, s);
    expect(r.routes.find((x) => x.nextHopType === 'InterfaceEndpoint')?.state).toBe('Invalid');
    expect(lookupRoute(r.routes, { kind: 'ip', ip: '10.0.1.5' }, ctx).nextHopType).toBe('VirtualAppliance');
    // Same UDR with policies Disabled: the PE route stays.
    const r2 = routesFor({ vnets: [w], subnets: [s, peSubnet], routeTables: [rt], privateEndpoints: [pe] }, s);
    expect(lookupRoute(r2.routes, { kind: 'ip', ip: '10.0.1.5' }, ctx).nextHopType).toBe('InterfaceEndpoint');
  });

  it('R13: a UDR shorter than the VNet prefix does not take over the PE route', () => {
    const policed = { ...peSubnet, privateEndpointNetworkPolicies: 'Enabled' as const };
    const { rt, s } = withUdrs(route('wide', '10.0.0.0/8', 'VirtualAppliance', '10.0.100.4'));
    const r = routesFor({ vnets: [w], subnets: [s, policed], routeTables: [rt], privateEndpoints: [pe] }, s);
    expect(lookupRoute(r.routes, { kind: 'ip', ip: '10.0.1.5' }, ctx).nextHopType).toBe('InterfaceEndpoint');
  });
});
