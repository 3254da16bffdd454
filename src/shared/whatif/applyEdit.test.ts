import { describe, expect, it } from 'vitest';
import { idKey } from '../model';
import type { Snapshot } from '../model';
import { IDS, SUB, fixtureSnapshot } from '../../../test/whatif/fixtureSnapshot';
import { applyEdit, applyEdits } from './applyEdit';
import type { Edit } from './edits';

function ok(s: Snapshot, edit: Edit) {
  const r = applyEdit(s, edit);
  if (!('snapshot' in r)) throw new Error(`${r.error.field}: ${r.error.message}`);
  return r;
}
function err(s: Snapshot, edit: Edit) {
  const r = applyEdit(s, edit);
  if (!('error' in r)) throw new Error('expected an error');
  return r.error;
}
const place = (name: string, group = 'rg-net') => ({ subscriptionId: SUB, resourceGroup: group, name, location: 'westeurope' });

describe('structural sharing', () => {
  it('keeps untouched maps and records identical, and never mutates the input', () => {
    const s = fixtureSnapshot();
    const frozen = JSON.stringify([...s.nsgs.values()]);
    const r = ok(s, { kind: 'nsgRule.delete', nsgId: IDS.nsg, ruleName: 'deny-internet-out' });
    expect(r.snapshot).not.toBe(s);
    expect(r.snapshot.nsgs).not.toBe(s.nsgs);
    for (const key of ['vnets', 'subnets', 'routeTables', 'dnsZones', 'privateEndpoints', 'computes', 'workspaces'] as const) {
      expect(r.snapshot[key]).toBe(s[key]);
    }
    expect(JSON.stringify([...s.nsgs.values()])).toBe(frozen);
    // within a touched map, a record the edit did not change stays the same object
    const r2 = ok(s, { kind: 'routeTable.associateSubnet', subnetId: IDS.snetCompute, routeTableId: null });
    expect(r2.snapshot.subnets.get(idKey(IDS.snetPe))).toBe(s.subnets.get(idKey(IDS.snetPe)));
    expect(r2.snapshot.subnets.get(idKey(IDS.snetCompute))).not.toBe(s.subnets.get(idKey(IDS.snetCompute)));
    expect(r2.snapshot.nsgs).toBe(s.nsgs);
  });

  it('a failing edit list leaves nothing applied and says which edit failed', () => {
    const r = applyEdits(fixtureSnapshot(), [
      { kind: 'nsg.create', place: place('nsg-new') },
      { kind: 'nsg.create', place: place('nsg-new') },
    ]);
    expect('error' in r && r.index).toBe(1);
    expect('error' in r && r.error.message).toMatch(/already exists/);
  });
});

describe('edit families', () => {
  it('nsg.create + nsg.associateSubnet keep back-references right', () => {
    const s = fixtureSnapshot();
    const created = ok(s, { kind: 'nsg.create', place: place('nsg-pe') });
    const newId = `/subscriptions/${SUB}/resourceGroups/rg-net/providers/Microsoft.Network/networkSecurityGroups/nsg-pe`;
    expect(created.snapshot.nsgs.get(idKey(newId))?.defaultSecurityRules).toHaveLength(6);
    const moved = ok(created.snapshot, { kind: 'nsg.associateSubnet', subnetId: IDS.snetCompute, nsgId: newId });
    expect(moved.snapshot.subnets.get(idKey(IDS.snetCompute))?.nsgId).toBe(newId);
    expect(moved.snapshot.nsgs.get(idKey(IDS.nsg))?.subnetIds).toEqual([]);
    expect(moved.snapshot.nsgs.get(idKey(newId))?.subnetIds).toEqual([IDS.snetCompute]);
    expect(moved.changes).toEqual([{ action: 'update', resourceId: IDS.snetCompute, type: 'Microsoft.Network/virtualNetworks/subnets' }]);
    const off = ok(moved.snapshot, { kind: 'nsg.associateSubnet', subnetId: IDS.snetCompute, nsgId: null });
    expect(off.snapshot.subnets.get(idKey(IDS.snetCompute))?.nsgId).toBeUndefined();
    expect(err(s, { kind: 'nsg.associateSubnet', subnetId: IDS.snetCompute, nsgId: IDS.nsg }).message).toMatch(/already has/);
    expect(err(s, { kind: 'nsg.create', place: { ...place('x'), subscriptionId: 'nope' } }).field).toBe('place.subscriptionId');
  });

  it('peering.create makes both sides Connected; refuses overlaps and self-peering', () => {
    const s = fixtureSnapshot();
    const r = ok(s, { kind: 'peering.create', vnetId: IDS.vnetC, remoteVnetId: IDS.vnetW });
    const peerings = [...r.snapshot.peerings.values()];
    expect(peerings.map((p) => [p.name, p.peeringState])).toEqual([['vnet-c-to-vnet-w', 'Connected'], ['vnet-w-to-vnet-c', 'Connected']]);
    expect(r.snapshot.vnets.get(idKey(IDS.vnetC))?.peeringIds).toHaveLength(1);
    expect(r.changes.map((c) => c.action)).toEqual(['create', 'create']);
    expect(err(r.snapshot, { kind: 'peering.create', vnetId: IDS.vnetW, remoteVnetId: IDS.vnetC }).message).toMatch(/already peered/);
    expect(err(s, { kind: 'peering.create', vnetId: IDS.vnetC, remoteVnetId: IDS.vnetC }).message).toMatch(/itself/);
    const overlapping = { ...s, vnets: new Map([...s.vnets].map(([k, v]) => [k, k === idKey(IDS.vnetW) ? { ...v, addressPrefixes: ['10.1.128.0/17'] } : v])) };
    expect(err(overlapping, { kind: 'peering.create', vnetId: IDS.vnetC, remoteVnetId: IDS.vnetW }).message).toMatch(/overlap/);
  });

  it('peering.create completes an Initiated side by creating only the missing one', () => {
    const s = fixtureSnapshot();
    const half = ok(s, { kind: 'peering.create', vnetId: IDS.vnetC, remoteVnetId: IDS.vnetW }).snapshot;
    const [a] = [...half.peerings.values()];
    const initiated = { ...half, peerings: new Map([[idKey(a!.id), { ...a!, peeringState: 'Initiated' }]]) };
    const r = ok(initiated, { kind: 'peering.create', vnetId: IDS.vnetC, remoteVnetId: IDS.vnetW });
    expect(r.changes).toEqual([expect.objectContaining({ action: 'create', resourceId: expect.stringContaining('vnet-w/virtualNetworkPeerings/vnet-w-to-vnet-c') })]);
    expect([...r.snapshot.peerings.values()].every((p) => p.peeringState === 'Connected')).toBe(true);
  });

  it('dns zone create, link, A record; one registration zone per VNet', () => {
    const s = fixtureSnapshot();
    const z = ok(s, { kind: 'dnsZone.create', subscriptionId: SUB, resourceGroup: 'rg-net', zoneName: 'privatelink.notebooks.azure.net' });
    const zoneId = z.changes[0]!.resourceId;
    expect(z.snapshot.dnsZones.get(idKey(zoneId))?.location).toBe('global');
    const l = ok(z.snapshot, { kind: 'dnsZone.link', zoneId, vnetId: IDS.vnetC, registrationEnabled: true });
    expect(l.snapshot.dnsZones.get(idKey(zoneId))?.links[0]).toMatchObject({ vnetId: IDS.vnetC, name: 'vnet-c-link', linkState: 'Completed' });
    expect(err(l.snapshot, { kind: 'dnsZone.link', zoneId, vnetId: IDS.vnetC }).message).toMatch(/already linked/);
    expect(err(l.snapshot, { kind: 'dnsZone.link', zoneId: IDS.zoneApi, vnetId: IDS.vnetC, registrationEnabled: true }).field).toBe('registrationEnabled');
    const a = ok(l.snapshot, { kind: 'dnsRecord.addA', zoneId, recordName: 'ML-WS1', ipv4Addresses: ['10.0.1.5'], ttl: 10 });
    expect(a.snapshot.dnsZones.get(idKey(zoneId))?.aRecords['ml-ws1']).toEqual(['10.0.1.5']);
    expect(a.changes[0]).toMatchObject({ action: 'create', hints: { ttl: 10 } });
    expect(err(a.snapshot, { kind: 'dnsRecord.addA', zoneId, recordName: 'ml-ws1', ipv4Addresses: ['10.0.1.5'] }).message).toMatch(/already holds/);
    expect(err(s, { kind: 'dnsRecord.addA', zoneId: IDS.zoneApi, recordName: 'x', ipv4Addresses: ['10.0.1.500'] }).field).toBe('ipv4Addresses');
    expect(err(s, { kind: 'dnsZone.create', subscriptionId: SUB, resourceGroup: 'rg-net', zoneName: 'privatelink.api.azureml.ms' }).message).toMatch(/already exists/);
  });

  it('privateEndpoint.add picks a free IP, approves the connection and writes zone-group records', () => {
    const s = fixtureSnapshot();
    const r = ok(s, { kind: 'privateEndpoint.add', place: place('pe-ws-c'), subnetId: IDS.snetCompute, targetId: IDS.workspace, groupId: 'amlworkspace' });
    const pe = [...r.snapshot.privateEndpoints.values()].find((p) => p.name === 'pe-ws-c')!;
    expect(pe.privateIps).toEqual(['10.1.0.4']);
    expect(pe.connections[0]).toMatchObject({ targetId: IDS.workspace, status: 'Approved', groupIds: ['amlworkspace'] });
    expect(pe.dnsZoneIds).toEqual([IDS.zoneApi]);
    expect(r.snapshot.dnsZones.get(idKey(IDS.zoneApi))?.aRecords['1111.workspace.westeurope']).toEqual(['10.1.0.4']);
    expect(r.changes.map((c) => c.type)).toEqual(['Microsoft.Network/privateEndpoints', 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups']);
    // a second endpoint in the same subnet gets the next address
    const r2 = ok(r.snapshot, { kind: 'privateEndpoint.add', place: place('pe-st'), subnetId: IDS.snetCompute, targetId: IDS.storage, groupId: 'blob' });
    expect([...r2.snapshot.privateEndpoints.values()].find((p) => p.name === 'pe-st')?.privateIps).toEqual(['10.1.0.5']);
    expect(err(s, { kind: 'privateEndpoint.add', place: place('p'), subnetId: IDS.snetCompute, targetId: IDS.storage, groupId: 'vault' }).field).toBe('groupId');
    expect(err(s, { kind: 'privateEndpoint.add', place: place('p'), subnetId: IDS.snetCompute, targetId: IDS.storage, groupId: 'blob', privateIp: '10.1.0.3' }).message).toMatch(/reserves/);
    expect(err(s, { kind: 'privateEndpoint.add', place: { ...place('p'), location: 'northeurope' }, subnetId: IDS.snetCompute, targetId: IDS.storage, groupId: 'blob' }).field).toBe('place.location');
    expect(err(s, { kind: 'privateEndpoint.add', place: place('p'), subnetId: IDS.snetCompute, targetId: '/subscriptions/x/resourceGroups/y/providers/Microsoft.Web/sites/z', groupId: 'sites' }).field).toBe('targetId');
  });

  it('route table create, route add (tag prefix, appliance IP), associate', () => {
    const s = fixtureSnapshot();
    const r = ok(s, { kind: 'route.add', routeTableId: IDS.routeTable, route: { name: 'aml-internet', addressPrefix: 'AzureMachineLearning', nextHopType: 'Internet' } });
    expect(r.snapshot.routeTables.get(idKey(IDS.routeTable))?.routes.map((x) => x.addressPrefix)).toEqual(['0.0.0.0/0', 'AzureMachineLearning']);
    expect(err(s, { kind: 'route.add', routeTableId: IDS.routeTable, route: { name: 'x', addressPrefix: '0.0.0.0/0', nextHopType: 'Internet' } }).message).toMatch(/already has a route for/);
    expect(err(s, { kind: 'route.add', routeTableId: IDS.routeTable, route: { name: 'x', addressPrefix: '10.9.0.0/16', nextHopType: 'VirtualAppliance' } }).field).toBe('route.nextHopIpAddress');
    expect(err(s, { kind: 'route.add', routeTableId: IDS.routeTable, route: { name: 'x', addressPrefix: '10.9.0.0/16', nextHopType: 'Internet', nextHopIpAddress: '10.0.0.4' } }).field).toBe('route.nextHopIpAddress');
    expect(err(s, { kind: 'route.add', routeTableId: IDS.routeTable, route: { name: 'x', addressPrefix: '10.9.0.1', nextHopType: 'None' } }).message).toMatch(/prefix length/);
    let many = s;
    for (let i = 0; i < 25; i++) many = ok(many, { kind: 'route.add', routeTableId: IDS.routeTable, route: { name: `t${i}`, addressPrefix: `Tag${i}`, nextHopType: 'Internet' } }).snapshot;
    expect(err(many, { kind: 'route.add', routeTableId: IDS.routeTable, route: { name: 't25', addressPrefix: 'Tag25', nextHopType: 'Internet' } }).message).toMatch(/25 service-tag routes/);
    const created = ok(s, { kind: 'routeTable.create', place: place('rt-pe') });
    const rtId = created.changes[0]!.resourceId;
    const assoc = ok(created.snapshot, { kind: 'routeTable.associateSubnet', subnetId: IDS.snetPe, routeTableId: rtId });
    expect(assoc.snapshot.subnets.get(idKey(IDS.snetPe))?.routeTableId).toBe(rtId);
    expect(assoc.snapshot.routeTables.get(idKey(rtId))?.subnetIds).toEqual([IDS.snetPe]);
  });

  it('natGateway.attach creates a gateway with a public IP, or reuses one', () => {
    const s = fixtureSnapshot();
    const r = ok(s, { kind: 'natGateway.attach', subnetId: IDS.snetCompute, create: place('nat-c') });
    const nat = [...r.snapshot.natGateways.values()][0]!;
    expect(nat.subnetIds).toEqual([IDS.snetCompute]);
    expect(nat.publicIpIds).toHaveLength(1);
    expect(r.snapshot.subnets.get(idKey(IDS.snetCompute))?.natGatewayId).toBe(nat.id);
    expect(r.changes.map((c) => c.type)).toEqual(['Microsoft.Network/publicIPAddresses', 'Microsoft.Network/natGateways', 'Microsoft.Network/virtualNetworks/subnets']);
    const again = ok(r.snapshot, { kind: 'natGateway.attach', subnetId: IDS.snetPe, natGatewayId: nat.id });
    expect(again.snapshot.natGateways.get(idKey(nat.id))?.subnetIds).toEqual([IDS.snetCompute, IDS.snetPe]);
    expect(err(s, { kind: 'natGateway.attach', subnetId: IDS.snetCompute }).field).toBe('natGatewayId');
    expect(err(s, { kind: 'natGateway.attach', subnetId: IDS.snetCompute, create: { ...place('nat-x'), location: 'eastus' } }).message).toMatch(/eastus/);
  });

  it('compute.setPublicIp toggles the flag', () => {
    const s = fixtureSnapshot();
    const r = ok(s, { kind: 'compute.setPublicIp', computeId: IDS.compute, enabled: false });
    expect(r.snapshot.computes.get(idKey(IDS.compute))?.enableNodePublicIp).toBe(false);
    expect(err(s, { kind: 'compute.setPublicIp', computeId: IDS.compute, enabled: true }).message).toMatch(/already/);
  });

  it('rejects an unknown edit kind from untrusted input without throwing', () => {
    expect(err(fixtureSnapshot(), { kind: 'vnet.delete' } as unknown as Edit)).toEqual({ field: 'kind', message: 'Unknown edit kind "vnet.delete".' });
  });
});
