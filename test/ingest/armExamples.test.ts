/**
 * Conformance over EVERY Microsoft example payload in ../shared/reference/arm-examples: each
 * `responses["200"].body` either ingests (and the fields it shows come out normalized), or — for the
 * bodies that are not ARM resources (POST results, the subscription list) — fails with a clean
 * IngestError naming the file and the path, never with another exception.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeWithShared, readSharedJson, sharedPath } from '../support/sharedReference';
import { idKey, type Snapshot } from '../../src/shared/model';
import { IngestError, ingest } from '../../src/shared/ingest';

const ROOT = 'reference/arm-examples';

function walk(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : p.endsWith('.json') ? [p] : [];
  });
}

/** Bodies that are not ARM resources: the error path each must report. */
const NOT_RESOURCES: Record<string, string> = {
  'Microsoft.Network/2025-05-01/NetworkInterfaceEffectiveNSGList.json': '$.value[0].id',
  'Microsoft.Network/2026-01-01/NetworkInterfaceEffectiveRouteTableList.json': '$.value[0].id',
  'Microsoft.Network/2026-01-01/NetworkWatcherIpFlowVerify.json': '$',
  'Microsoft.Network/2026-01-01/NetworkWatcherNetworkConfigurationDiagnostic.json': '$',
  'Microsoft.Resources/2022-12-01/GetSubscriptions.json': '$.value[0].type',
};

const N = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.Network';

/** Concrete normalized fields per example (the rest are checked for a clean ingest). */
const EXPECT: Record<string, (s: Snapshot) => void> = {
  'Microsoft.Network/2026-01-01/NetworkSecurityGroupGet.json': (s) => {
    const nsg = s.nsgs.get(idKey(`${N}/networkSecurityGroups/testnsg`));
    expect(nsg?.securityRules).toEqual([expect.objectContaining({ name: 'rule1', priority: 130, direction: 'Inbound', access: 'Allow', protocol: '*', destinationPortRanges: ['80'], isDefault: false })]);
    expect(nsg?.defaultSecurityRules.map((r) => r.name)).toEqual(['AllowVnetInBound', 'AllowAzureLoadBalancerInBound', 'DenyAllInBound', 'AllowVnetOutBound', 'AllowInternetOutBound', 'DenyAllOutBound']);
  },
  'Microsoft.Network/2026-01-01/NetworkSecurityGroupList.json': (s) => {
    expect([...s.nsgs.values()].map((n) => [n.securityRules.length, n.defaultSecurityRules.length])).toEqual([[0, 6], [0, 6]]);
  },
  'Microsoft.Network/2026-01-01/VirtualNetworkPeeringGet.json': (s) => {
    const p = [...s.peerings.values()][0];
    expect(p).toMatchObject({ peeringState: 'Initiated', allowForwardedTraffic: true, allowGatewayTransit: false, remoteAddressPrefixes: ['12.0.0.0/8'] });
    expect(p?.vnetId).toMatch(/virtualNetworks\/vnet1$/);
    expect(p?.remoteVnetId).toMatch(/virtualNetworks\/vnet2$/);
  },
  'Microsoft.Network/2026-01-01/VirtualNetworkGet.json': (s) => {
    const v = s.vnets.get(idKey(`${N}/virtualNetworks/test-vnet`));
    expect(v).toMatchObject({ addressPrefixes: ['10.0.0.0/16'], location: 'westus' });
    expect(s.subnets.get(idKey(`${N}/virtualNetworks/test-vnet/subnets/subnet1`))).toMatchObject({ addressPrefixes: ['10.0.1.0/24'], usedAddressCount: 1, privateEndpointNetworkPolicies: 'Disabled' });
  },
  'Microsoft.Network/2026-01-01/VirtualNetworkList.json': (s) => {
    expect([...s.vnets.values()].map((v) => v.dnsServers)).toEqual([[], ['8.8.8.8']]);
  },
  'Microsoft.Network/2026-01-01/SubnetGetWithDelegation.json': (s) => {
    expect([...s.subnets.values()][0]?.delegations).toEqual(['Microsoft.Provider/resourceType']);
  },
  'Microsoft.Network/2026-01-01/RouteTableGet.json': (s) => {
    expect([...s.routeTables.values()][0]).toMatchObject({ disableBgpRoutePropagation: false, routes: [{ name: 'route1', addressPrefix: '10.0.3.0/24', nextHopType: 'VirtualNetworkGateway' }] });
  },
  'Microsoft.Network/2026-01-01/PrivateEndpointGet.json': (s) => {
    const pe = s.privateEndpoints.get(idKey(`${N}/privateEndpoints/testPe`));
    expect(pe).toMatchObject({ subnetId: `${N}/virtualNetworks/myVnet/subnets/mySubnet`, connections: [{ status: 'Approved', groupIds: ['groupIdFromResource'], manual: false }] });
    expect(pe?.privateIps).toEqual(['192.168.0.4', '192.168.0.5', '192.168.0.6', '192.168.0.7']);
    expect(pe?.customDnsConfigs.map((c) => c.fqdn)).toEqual(['abc.cosmos.com', 'abc2.cosmos.com']);
  },
  'Microsoft.Network/2026-01-01/PrivateEndpointList.json': (s) => {
    expect([...s.privateEndpoints.values()].flatMap((p) => p.connections.map((c) => [c.status, c.manual]))).toEqual([['Approved', false], ['Pending', true]]);
  },
  'Microsoft.Network/2026-01-01/NetworkInterfaceList.json': (s) => {
    const nic = s.nics.get(idKey(`${N}/networkInterfaces/test-nic`));
    expect(nic).toMatchObject({ privateIps: ['172.20.2.4'], nsgId: `${N}/networkSecurityGroups/nsg`, publicIpIds: [`${N}/publicIPAddresses/test-ip`], virtualMachineId: expect.stringMatching(/virtualMachines\/vm1$/) });
  },
  'Microsoft.Network/2026-01-01/AzureFirewallGet.json': (s) => {
    const fw = [...s.firewalls.values()][0];
    expect(fw).toMatchObject({ subnetId: `${N}/virtualNetworks/vnet2/subnets/AzureFirewallSubnet`, privateIp: '10.0.0.0', skuTier: 'Standard' });
    expect(fw?.classic.applicationRuleCollections).toHaveLength(1);
    expect(fw?.classic.natRuleCollections).toHaveLength(1);
  },
  'Microsoft.Network/2026-01-01/NatGatewayGet.json': (s) => {
    expect([...s.natGateways.values()][0]).toMatchObject({ subnetIds: [`${N}/virtualNetworks/test-vnet/subnets/subnet1`], publicIpIds: [`${N}/publicIPAddresses/PublicIpAddress1`] });
  },
  'Microsoft.Network/2026-01-01/PublicIpAddressGet.json': (s) => {
    expect([...s.publicIps.values()][0]?.ipConfigurationId).toMatch(/testDNS649\/ipConfigurations\/ipconfig1$/);
  },
  'Microsoft.Network.privateDns/2024-06-01/PrivateZoneGet.json': (s) => {
    expect([...s.dnsZones.values()][0]).toMatchObject({ zoneName: 'privatezone1.com', location: 'global', links: [], aRecords: {} });
  },
  'Microsoft.Network.privateDns/2024-06-01/PrivateZoneListInResourceGroup.json': (s) => {
    // the example carries a nextLink: one page of a longer list
    expect(s.warnings).toEqual([expect.objectContaining({ code: 'incomplete-list', path: '$.nextLink' })]);
    expect([...s.dnsZones.values()].map((z) => z.zoneName)).toEqual(['privatezone1.com', 'privatezone2.com']);
  },
  'Microsoft.Network.privateDns/2024-06-01/VirtualNetworkLinkList.json': (s) => {
    // links arrive without their zone: reported, never fatal
    expect(s.warnings.filter((w) => w.code === 'dangling-reference')).toHaveLength(2);
  },
  'Microsoft.MachineLearningServices/2025-12-01/Workspace/get.json': (s) => {
    const w = [...s.workspaces.values()][0];
    expect(w).toMatchObject({
      storageAccountId: '/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/accountcrud-1234/providers/Microsoft.Storage/storageAccounts/testStorageAccount',
      keyVaultId: expect.stringMatching(/vaults\/testkv$/), publicNetworkAccess: 'Disabled', isolationMode: 'AllowOnlyApprovedOutbound', hbiWorkspace: false,
    });
  },
  'Microsoft.MachineLearningServices/2025-12-01/Compute/get/AmlCompute.json': (s) => {
    expect([...s.computes.values()][0]).toMatchObject({
      computeType: 'AmlCompute', subnetId: 'test-subnet-resource-id', enableNodePublicIp: true, maxNodes: 1, computeLocation: 'eastus2',
      workspaceId: '/subscriptions/34adfa4f-cedf-4dc0-ba29-b6d1a69ab345/resourceGroups/testrg123/providers/Microsoft.MachineLearningServices/workspaces/workspaces123',
    });
  },
  'Microsoft.MachineLearningServices/2025-12-01/Compute/get/ComputeInstance.json': (s) => {
    expect([...s.computes.values()][0]).toMatchObject({ computeType: 'ComputeInstance', subnetId: 'test-subnet-resource-id', enableNodePublicIp: true, maxNodes: 1 });
  },
  'Microsoft.ResourceGraph/2024-04-01/ResourcesBasicQuery.json': (s) => {
    expect([s.nics.size, s.vnets.size, s.publicIps.size]).toEqual([1, 1, 1]);
    expect([...s.vnets.values()][0]).toMatchObject({ name: 'myVnet', type: 'microsoft.network/virtualnetworks', location: 'westus', subnetIds: [] });
  },
};

describeWithShared('ingest of every ARM reference example', [ROOT], () => {
  const files = walk(sharedPath(ROOT)).map((p) => relative(sharedPath(ROOT), p));

  it('covers every example and every expectation names an existing file', () => {
    expect(files.length).toBeGreaterThanOrEqual(40);
    for (const f of [...Object.keys(EXPECT), ...Object.keys(NOT_RESOURCES)]) expect(files).toContain(f);
  });

  describe.each(files)('%s', (file) => {
    it(NOT_RESOURCES[file] ? 'is refused with an IngestError naming file and path' : 'ingests', () => {
      const body = readSharedJson<{ responses: Record<string, { body?: unknown }> }>(`${ROOT}/${file}`).responses['200']?.body;
      const name = file.split('/').pop() ?? file;
      const expectedPath = NOT_RESOURCES[file];
      if (expectedPath !== undefined) {
        let error: unknown;
        try {
          ingest(body, { fileName: name });
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(IngestError);
        expect((error as IngestError).path).toBe(expectedPath);
        expect((error as IngestError).message.startsWith(`${name}: ${expectedPath}: `)).toBe(true);
        return;
      }
      const s = ingest(body, { fileName: name });
      const modelled = [s.vnets, s.subnets, s.peerings, s.nsgs, s.asgs, s.nics, s.routeTables, s.natGateways, s.publicIps, s.firewalls,
        s.privateEndpoints, s.dnsZones, s.workspaces, s.computes].reduce((n, m) => n + m.size, 0);
      const unknown = Object.values(s.unknownTypes).reduce((n, c) => n + c, 0);
      const warned = s.warnings.length;
      // every resource either became a record, was counted as unknown, or was reported
      expect(modelled + unknown + warned).toBeGreaterThan(0);
      EXPECT[file]?.(s);
    });
  });
});
