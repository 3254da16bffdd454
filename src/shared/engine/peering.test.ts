import { describe, expect, it } from 'vitest';
import { DEFAULT_ASSUMPTIONS } from './assumptions';
import {
  connectedPeers, forwardedTrafficAllowed, peeringBetween, peeringConfigIssues,
} from './peering';
import { buildSnapshot, peerPair, peering, subnet, vnet } from './testing/snapshotBuilder';

const A = DEFAULT_ASSUMPTIONS;
const w = vnet('vnet-w', ['10.0.0.0/16']);
const c = vnet('vnet-c', ['10.1.0.0/16']);
const h = vnet('vnet-h', ['10.2.0.0/16']);

describe('peeringBetween', () => {
  it('P2: both sides Connected → connected', () => {
    const s = buildSnapshot({ vnets: [w, c], peerings: peerPair(c, w) });
    const r = peeringBetween(s, c.id, w.id, A);
    expect(r.status).toBe('connected');
    expect(r.peeringIds).toHaveLength(2);
  });

  it('P1: only one side created (Initiated) → notConnected', () => {
    const s = buildSnapshot({ vnets: [w, c], peerings: [peering(c, w, { peeringState: 'Initiated' })] });
    const r = peeringBetween(s, c.id, w.id, A);
    expect(r.status).toBe('notConnected');
    expect(r.explanation).toMatch(/Initiated/);
  });

  it('P3: the other side deleted (Disconnected) → notConnected', () => {
    const s = buildSnapshot({ vnets: [w, c], peerings: [peering(c, w, { peeringState: 'Disconnected' })] });
    expect(peeringBetween(s, c.id, w.id, A).status).toBe('notConnected');
    expect(peeringBetween(s, w.id, c.id, A).status).toBe('notConnected');
  });

  it('P4: peering is not transitive', () => {
    const s = buildSnapshot({ vnets: [w, c, h], peerings: [...peerPair(c, h), ...peerPair(h, w)] });
    expect(peeringBetween(s, c.id, w.id, A).status).toBe('notConnected');
    expect(connectedPeers(s, h.id, A)).toEqual([c.id, w.id]);
    expect(connectedPeers(s, c.id, A)).toEqual([h.id]);
  });

  it('P6: allowVirtualNetworkAccess false on either side → notConnected (bothSides)', () => {
    const s1 = buildSnapshot({ vnets: [w, c], peerings: peerPair(c, w, { allowVirtualNetworkAccess: false }) });
    const s2 = buildSnapshot({ vnets: [w, c], peerings: peerPair(c, w, {}, { allowVirtualNetworkAccess: false }) });
    expect(peeringBetween(s1, c.id, w.id, A).status).toBe('notConnected');
    expect(peeringBetween(s2, c.id, w.id, A).status).toBe('notConnected');
  });

  it('receivingSide assumption: only the destination side must allow access', () => {
    const recv = { ...A, peeringAccess: 'receivingSide' as const };
    const s = buildSnapshot({ vnets: [w, c], peerings: peerPair(c, w, { allowVirtualNetworkAccess: false }) });
    expect(peeringBetween(s, c.id, w.id, recv).status).toBe('connected');
    expect(peeringBetween(s, w.id, c.id, recv).status).toBe('notConnected');
  });

  it('unknown when the remote VNet cannot be read', () => {
    const local = peering(c, w);
    const absent = buildSnapshot({ vnets: [c], peerings: [local] });
    expect(peeringBetween(absent, c.id, w.id, A).status).toBe('unknown');
    const forbidden = buildSnapshot({
      vnets: [w, c], peerings: [local],
      missing: [{ kind: 'resource', resourceId: w.id, reason: '403 AuthorizationFailed' }],
    });
    expect(peeringBetween(forbidden, c.id, w.id, A).status).toBe('unknown');
  });

  it('a readable VNet without a peering back means not established', () => {
    const s = buildSnapshot({ vnets: [w, c], peerings: [peering(c, w)] });
    expect(peeringBetween(s, c.id, w.id, A).status).toBe('notConnected');
  });
});

describe('forwardedTrafficAllowed (P5)', () => {
  it("follows the spoke's peering to the hub", () => {
    const s = buildSnapshot({ vnets: [h, w], peerings: peerPair(h, w, {}, { allowForwardedTraffic: false }) });
    expect(forwardedTrafficAllowed(s, h.id, w.id)).toBe(false);
    const ok = buildSnapshot({ vnets: [h, w], peerings: peerPair(h, w, {}, { allowForwardedTraffic: true }) });
    expect(forwardedTrafficAllowed(ok, h.id, w.id)).toBe(true);
    expect(forwardedTrafficAllowed(buildSnapshot({ vnets: [h] }), h.id, w.id)).toBe('unknown');
  });
});

describe('peeringConfigIssues', () => {
  it('P7: useRemoteGateways without remote allowGatewayTransit', () => {
    const s = buildSnapshot({ vnets: [h, c], peerings: peerPair(c, h, { useRemoteGateways: true }, { allowGatewayTransit: false }) });
    expect(peeringConfigIssues(s).map((i) => i.code)).toContain('peering-remote-gateway-transit');
  });

  it('P7: useRemoteGateways while the local VNet has its own gateway', () => {
    const gw = subnet(c, 'GatewaySubnet', '10.1.255.0/27', {
      ipConfigurationIds: ['/subscriptions/x/resourceGroups/r/providers/Microsoft.Network/virtualNetworkGateways/gw/ipConfigurations/default'],
    });
    const s = buildSnapshot({ vnets: [h, c], subnets: [gw], peerings: peerPair(c, h, { useRemoteGateways: true }, { allowGatewayTransit: true }) });
    const codes = peeringConfigIssues(s).map((i) => i.code);
    expect(codes).toContain('peering-local-gateway');
    expect(codes).not.toContain('peering-remote-gateway-transit');
  });

  it('warns on sync level and reports overlapping spaces', () => {
    const twin = vnet('vnet-twin', ['10.0.128.0/17']);
    const s = buildSnapshot({ vnets: [w, twin], peerings: peerPair(w, twin, { peeringSyncLevel: 'RemoteNotInSync' }) });
    const issues = peeringConfigIssues(s);
    expect(issues.find((i) => i.code === 'peering-not-in-sync')?.severity).toBe('warning');
    expect(issues.filter((i) => i.code === 'peering-address-overlap')).toHaveLength(2);
  });

  it('a clean pair has no issues', () => {
    expect(peeringConfigIssues(buildSnapshot({ vnets: [w, c], peerings: peerPair(c, w) }))).toEqual([]);
  });
});
