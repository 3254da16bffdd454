/** Azure ids and types compare case-insensitively; APIs really do return different casings. */
import { describe, expect, it } from 'vitest';
import { idKey } from '../model';
import { ingest } from './index';

const P = '/subscriptions/AAAAAAAA-0000-0000-0000-000000000001/resourceGroups/RG/providers/Microsoft.Network';

describe('case-insensitive ids and types', () => {
  it('links resources whose references use other casings, and keeps the original spelling', () => {
    const nsgId = `${P}/networkSecurityGroups/NSG-A`;
    const subnetId = `${P}/virtualNetworks/VNet1/subnets/Default`;
    const s = ingest([
      // Resource Graph writes types in lower case; ARM writes `resourcegroups` sometimes
      { id: nsgId.replace('resourceGroups', 'resourcegroups'), type: 'microsoft.network/networksecuritygroups', properties: {} },
      { id: `${P}/virtualNetworks/VNet1`, type: 'MICROSOFT.NETWORK/VIRTUALNETWORKS', properties: { subnets: [
        { id: subnetId, name: 'Default', properties: { addressPrefix: '10.0.0.0/24', networkSecurityGroup: { id: nsgId.toLowerCase() } } },
      ] } },
      { id: `${subnetId.toLowerCase()}/`, type: 'Microsoft.Network/virtualNetworks/subnets', properties: { addressPrefix: '10.0.0.0/24', networkSecurityGroup: { id: nsgId.toLowerCase() } } },
    ], { fileName: 'case.json' });
    expect(s.subnets.size).toBe(1);
    expect(s.warnings).toEqual([]);
    const nsg = s.nsgs.get(idKey(nsgId));
    expect(nsg?.id).toBe(nsgId.replace('resourceGroups', 'resourcegroups'));
    expect(nsg?.subnetIds.map(idKey)).toEqual([idKey(subnetId)]);
    expect(s.vnets.get(idKey(`${P}/virtualNetworks/vnet1`))?.subnetIds.map(idKey)).toEqual([idKey(subnetId)]);
    expect(nsg?.subscriptionId).toBe('aaaaaaaa-0000-0000-0000-000000000001');
  });

  it('normalizes the casing of ARM enum values', () => {
    const s = ingest([{ id: `${P}/routeTables/rt`, type: 'Microsoft.Network/routeTables', properties: { routes: [
      { name: 'a', properties: { addressPrefix: '0.0.0.0/0', nextHopType: 'virtualappliance', nextHopIpAddress: '10.0.0.4' } },
      { name: 'b', properties: { addressPrefix: '10.1.0.0/16', nextHopType: 'VNETLOCAL' } },
    ] } }, { id: '/subscriptions/x/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/w', type: 'Microsoft.MachineLearningServices/workspaces', properties: { managedNetwork: { isolationMode: 'allowonlyapprovedoutbound' } } }], { fileName: 'enum.json' });
    expect([...s.routeTables.values()][0]?.routes.map((r) => r.nextHopType)).toEqual(['VirtualAppliance', 'VnetLocal']);
    expect([...s.workspaces.values()][0]?.isolationMode).toBe('AllowOnlyApprovedOutbound');
  });
});
