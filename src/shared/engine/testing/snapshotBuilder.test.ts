import { describe, expect, it } from 'vitest';
import { idKey } from '../../model/armId';
import {
  TEST_SUBSCRIPTION, buildSnapshot, nic, nsg, peerPair, route, routeTable, rule, subnet, vnet,
} from './snapshotBuilder';

describe('snapshotBuilder', () => {
  it('completes back-references the way ingest does', () => {
    const a = vnet('vnet-a', ['10.0.0.0/16']);
    const b = vnet('vnet-b', ['10.1.0.0/16']);
    const g = nsg('nsg-a', [rule('r', { priority: 100, direction: 'Inbound', access: 'Allow' })]);
    const rt = routeTable('rt-a', [route('default', '0.0.0.0/0', 'VirtualAppliance', '10.0.100.4')]);
    const s = subnet(a, 'compute', '10.0.0.0/24', { nsgId: g.id, routeTableId: rt.id });
    const n = nic('nic-1', s, '10.0.0.4', { nsgId: g.id });
    const snap = buildSnapshot({ vnets: [a, b], subnets: [s], peerings: peerPair(a, b), nsgs: [g], routeTables: [rt], nics: [n] });
    expect(snap.vnets.get(idKey(a.id))?.subnetIds).toEqual([s.id]);
    expect(snap.vnets.get(idKey(b.id))?.peeringIds).toHaveLength(1);
    expect(snap.nsgs.get(idKey(g.id))).toMatchObject({ subnetIds: [s.id], nicIds: [n.id] });
    expect(snap.routeTables.get(idKey(rt.id))?.subnetIds).toEqual([s.id]);
    expect(snap.nsgs.get(idKey(g.id))?.securityRules[0]?.id).toBe(`${g.id}/securityRules/r`);
    expect(snap.nsgs.get(idKey(g.id))?.defaultSecurityRules).toHaveLength(6);
    expect(snap.routeTables.get(idKey(rt.id))?.routes[0]?.id).toBe(`${rt.id}/routes/default`);
  });

  it('uses the documented defaults', () => {
    const a = vnet('vnet-a', ['10.0.0.0/16']);
    expect(a).toMatchObject({ location: 'westeurope', subscriptionId: TEST_SUBSCRIPTION, resourceGroup: 'rg-net' });
    expect(a.id).toBe(`/subscriptions/${TEST_SUBSCRIPTION}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-a`);
    const other = vnet('vnet-x', ['10.9.0.0/16'], { subscriptionId: '00000000-0000-0000-0000-000000000002', location: 'northeurope' });
    expect(other.id).toContain('00000000-0000-0000-0000-000000000002');
    expect(other.location).toBe('northeurope');
  });
});
