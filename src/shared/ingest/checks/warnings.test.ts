/** Every config-error warning code: raised on the bad input, silent on the good one, never fatal. */
import { describe, expect, it } from 'vitest';
import type { IngestWarning } from '../../model';
import { ingest } from '../index';

const P = '/subscriptions/aaaaaaaa-0000-0000-0000-000000000001/resourceGroups/rg/providers/Microsoft.Network';
const NSG = `${P}/networkSecurityGroups/nsg1`;

type Props = Record<string, unknown>;
const rule = (name: string, priority: number, extra: Props = {}) => ({
  name, properties: { priority, direction: 'Inbound', access: 'Allow', protocol: 'Tcp', sourceAddressPrefix: '*', destinationAddressPrefix: '*', sourcePortRange: '*', destinationPortRange: '443', ...extra },
});
const nsg = (...rules: object[]) => ({ id: NSG, name: 'nsg1', type: 'Microsoft.Network/networkSecurityGroups', location: 'westeurope', properties: { securityRules: rules } });
const codes = (input: unknown, fileName = 'w.json'): IngestWarning[] => [...ingest(input, { fileName }).warnings];
const only = (ws: IngestWarning[], code: string) => ws.filter((w) => w.code === code);

describe('config-error warnings', () => {
  it('duplicate-priority names both rules, only for the same direction', () => {
    const ws = codes([nsg(rule('a', 100), rule('b', 100), rule('c', 100, { direction: 'Outbound' }))]);
    expect(only(ws, 'duplicate-priority')).toEqual([{
      code: 'duplicate-priority', resourceId: `${NSG}/securityRules/b`, path: '$[0].properties.securityRules[1]',
      message: 'nsg1: rules a and b both have inbound priority 100; Azure does not allow two rules with the same priority and direction',
    }]);
  });

  it('invalid-priority outside 100–4096 for custom rules (default rules at 65000+ are fine)', () => {
    const ws = codes([nsg(rule('low', 99), rule('ok', 4096), rule('high', 5000))]);
    expect(only(ws, 'invalid-priority').map((w) => w.resourceId?.split('/').pop())).toEqual(['low', 'high']);
  });

  it('multiple-service-tags: two tags, or a tag and an ASG, on one side', () => {
    const ws = codes([nsg(
      rule('two-tags', 100, { sourceAddressPrefix: undefined, sourceAddressPrefixes: ['Storage', 'AzureMachineLearning'] }),
      rule('cidrs-are-fine', 110, { sourceAddressPrefix: undefined, sourceAddressPrefixes: ['10.0.0.0/8', '192.168.1.1', 'fd00::/8'] }),
      rule('one-tag', 120, { destinationAddressPrefix: 'Storage.westeurope' }),
      rule('two-asgs', 130, { destinationAddressPrefix: undefined, destinationApplicationSecurityGroups: [{ id: `${P}/applicationSecurityGroups/a` }, { id: `${P}/applicationSecurityGroups/b` }] }),
    )]);
    expect(only(ws, 'multiple-service-tags').map((w) => [w.resourceId?.split('/').pop(), w.message.includes('as source') ? 'source' : 'destination'])).toEqual([
      ['two-tags', 'source'], ['two-asgs', 'destination'],
    ]);
  });

  it('invalid-rule-name', () => {
    const ws = codes([nsg(rule('ok_name-1.x_', 100), rule('-starts-badly', 110), rule('ends.', 120), rule('a'.repeat(81), 130))]);
    expect(only(ws, 'invalid-rule-name').map((w) => w.resourceId?.split('/').pop()?.slice(0, 14))).toEqual(['-starts-badly', 'ends.', 'aaaaaaaaaaaaaa']);
  });

  it('too-many-service-tag-routes above 25 per route table', () => {
    const rt = (n: number) => ({ id: `${P}/routeTables/rt${n}`, type: 'Microsoft.Network/routeTables', properties: { routes: [
      ...Array.from({ length: n }, (_, i) => ({ name: `t${i}`, properties: { addressPrefix: `Storage.region${i}`, nextHopType: 'Internet' } })),
      { name: 'cidr', properties: { addressPrefix: '0.0.0.0/0', nextHopType: 'VirtualAppliance', nextHopIpAddress: '10.0.0.4' } },
    ] } });
    const ws = codes([rt(25), rt(26)]);
    expect(only(ws, 'too-many-service-tag-routes')).toEqual([expect.objectContaining({ resourceId: `${P}/routeTables/rt26`, path: '$[1]' })]);
  });

  it('registration-zone-conflict: a VNet with auto-registration in two zones', () => {
    const vnet = `${P}/virtualNetworks/v1`;
    const link = (zone: string, name: string, vnetId: string, reg: boolean) => ({
      id: `${P}/privateDnsZones/${zone}/virtualNetworkLinks/${name}`, type: 'Microsoft.Network/privateDnsZones/virtualNetworkLinks', location: 'global',
      properties: { virtualNetwork: { id: vnetId }, registrationEnabled: reg },
    });
    const zone = (z: string) => ({ id: `${P}/privateDnsZones/${z}`, type: 'Microsoft.Network/privateDnsZones', location: 'global' });
    const base = [{ id: vnet, type: 'Microsoft.Network/virtualNetworks' }, { id: `${P}/virtualNetworks/v2`, type: 'Microsoft.Network/virtualNetworks' }, zone('a.corp'), zone('b.corp')];
    expect(only(codes([...base, link('a.corp', 'l1', vnet, true), link('b.corp', 'l2', vnet, false)]), 'registration-zone-conflict')).toEqual([]);
    const ws = only(codes([...base, link('a.corp', 'l1', vnet, true), link('b.corp', 'l2', vnet.toUpperCase(), true), link('b.corp', 'l3', `${P}/virtualNetworks/v2`, true)]), 'registration-zone-conflict');
    expect(ws).toHaveLength(1);
    expect(ws[0]?.message).toContain('a.corp, b.corp');
  });

  it('gateway-transit-misconfig: remote side without allowGatewayTransit, or two peerings using remote gateways', () => {
    const v = (name: string, peerings: object[]) => ({ id: `${P}/virtualNetworks/${name}`, type: 'Microsoft.Network/virtualNetworks', properties: { virtualNetworkPeerings: peerings } });
    const peer = (name: string, remote: string, p: Props) => ({ name, properties: { remoteVirtualNetwork: { id: `${P}/virtualNetworks/${remote}` }, peeringState: 'Connected', ...p } });
    const good = [v('spoke', [peer('to-hub', 'hub', { useRemoteGateways: true })]), v('hub', [peer('to-spoke', 'spoke', { allowGatewayTransit: true })])];
    expect(only(codes(good), 'gateway-transit-misconfig')).toEqual([]);
    const noTransit = [v('spoke', [peer('to-hub', 'hub', { useRemoteGateways: true })]), v('hub', [peer('to-spoke', 'spoke', {})])];
    expect(only(codes(noTransit), 'gateway-transit-misconfig')).toEqual([expect.objectContaining({ resourceId: `${P}/virtualNetworks/spoke/virtualNetworkPeerings/to-hub` })]);
    const twice = [v('spoke', [peer('a', 'hub', { useRemoteGateways: true }), peer('b', 'hub2', { useRemoteGateways: true })]),
      v('hub', [peer('x', 'spoke', { allowGatewayTransit: true })]), v('hub2', [peer('y', 'spoke', { allowGatewayTransit: true })])];
    expect(only(codes(twice), 'gateway-transit-misconfig').map((w) => w.message)).toEqual([expect.stringContaining('useRemoteGateways on 2 peerings (a, b)')]);
  });

  it('dangling-reference, unless the snapshot records the scope as missing', () => {
    const subnet = { id: `${P}/virtualNetworks/v1/subnets/s1`, type: 'Microsoft.Network/virtualNetworks/subnets', properties: { addressPrefix: '10.0.0.0/24', networkSecurityGroup: { id: `${P}/networkSecurityGroups/gone` } } };
    expect(only(codes([subnet]), 'dangling-reference')).toEqual([{
      code: 'dangling-reference', resourceId: subnet.id, path: '$[0]',
      message: `${subnet.id}: networkSecurityGroup ${P}/networkSecurityGroups/gone is not in the snapshot`,
    }]);
    const file = (missing: object[]) => ({ format: 'vnetlens-snapshot', schemaVersion: 1, provenance: { source: 'harvest', subscriptions: [] }, resources: [subnet], missing });
    expect(only(codes(file([{ kind: 'resourceType', subscriptionId: 'aaaaaaaa-0000-0000-0000-000000000001', resourceType: 'microsoft.network/networksecuritygroups', reason: '403' }])), 'dangling-reference')).toEqual([]);
    expect(only(codes(file([{ kind: 'subscription', subscriptionId: 'AAAAAAAA-0000-0000-0000-000000000001', reason: '403' }])), 'dangling-reference')).toEqual([]);
    expect(only(codes(file([{ kind: 'resource', resourceId: `${P}/networkSecurityGroups/GONE`, reason: '404' }])), 'dangling-reference')).toEqual([]);
    expect(only(codes(file([{ kind: 'subscription', subscriptionId: 'bbbbbbbb-0000-0000-0000-000000000002', reason: '403' }])), 'dangling-reference')).toHaveLength(1);
  });

  it('dangling-reference for a separate child whose parent is absent (it would vanish otherwise)', () => {
    const orphan = { id: `${NSG}/securityRules/r1`, type: 'Microsoft.Network/networkSecurityGroups/securityRules', properties: rule('r1', 100).properties };
    expect(only(codes([orphan]), 'dangling-reference')).toEqual([expect.objectContaining({ resourceId: orphan.id, path: '$[0]' })]);
  });

  it('duplicate-resource: the same id twice, any casing; the first is kept', () => {
    const a = { id: `${P}/applicationSecurityGroups/asg1`, type: 'Microsoft.Network/applicationSecurityGroups', location: 'westeurope' };
    const b = { ...a, id: a.id.toUpperCase(), location: 'northeurope' };
    const s = ingest([a, b], { fileName: 'dup.json' });
    expect(s.warnings).toEqual([expect.objectContaining({ code: 'duplicate-resource', path: '$[1]', message: `${b.id} appears twice ($[0] and $[1]); using the first` })]);
    expect([...s.asgs.values()].map((x) => x.location)).toEqual(['westeurope']);
  });

  it('conflicting-reference: the subnet says one NSG, another NSG lists it', () => {
    const subnet = { id: `${P}/virtualNetworks/v1/subnets/s1`, type: 'Microsoft.Network/virtualNetworks/subnets', properties: { networkSecurityGroup: { id: NSG } } };
    const other = { id: `${P}/networkSecurityGroups/nsg2`, type: 'Microsoft.Network/networkSecurityGroups', properties: { subnets: [{ id: subnet.id }] } };
    const s = ingest([nsg(), other, subnet], { fileName: 'c.json' });
    expect(only([...s.warnings], 'conflicting-reference')).toHaveLength(1);
    expect([...s.nsgs.values()].map((n) => [n.name, n.subnetIds.length])).toEqual([['nsg1', 1], ['nsg2', 0]]);
  });
});
