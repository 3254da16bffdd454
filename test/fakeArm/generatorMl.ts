/**
 * The DNS and Azure ML part of a generated subscription: private DNS zones with VNet links and A
 * records, workspaces (with the newer serverless/managed-network settings), their computes in the
 * spoke subnets, and each workspace's private endpoint with its NIC and DNS zone group.
 */
import type { ArmResource } from '../../src/shared/model/snapshotFile';
import type { EstateShape } from './generator';
import { armId, guid, res } from './generatorParts';

const ZONES = ['privatelink.api.azureml.ms', 'privatelink.notebooks.azure.net', 'privatelink.blob.core.windows.net'];

/** Where one subscription's DNS and ML resources go. */
export interface SubCtx {
  readonly sub: string; readonly i: number; readonly loc: string; readonly rgMl: string; readonly rgDns: string; readonly rgNet: string;
  readonly vnetIds: readonly string[]; readonly subnetIds: readonly (readonly string[])[];
}

/** Add zones, links, records, workspaces, computes, PEs, NICs and zone groups. */
export function addDnsAndMl(out: ArmResource[], shape: EstateShape, c: SubCtx): void {
  const zoneIds = ZONES.map((z) => armId(c.sub, c.rgDns, 'Microsoft.Network/privateDnsZones', z));
  const records: ArmResource[][] = ZONES.map(() => []);
  const peSubnet = c.subnetIds[0]?.[c.subnetIds[0].length - 1] ?? '';
  const nw = shape.workspacesPerSubscription ?? 1;
  for (let w = 0; w < nw; w++) {
    const wsName = `mlw-${c.i}-${w}`;
    const wsId = armId(c.sub, c.rgMl, 'Microsoft.MachineLearningServices/workspaces', wsName);
    const workspaceGuid = guid(wsId);
    const computeSubnet = c.subnetIds[Math.min(1, c.vnetIds.length - 1)]?.[w % Math.max(1, (c.subnetIds[0]?.length ?? 2) - 1)] ?? '';
    const st = (t: string, n: string) => armId(c.sub, c.rgMl, t, n);
    out.push(res(wsId, 'Microsoft.MachineLearningServices/workspaces', c.loc, {
      friendlyName: wsName,
      storageAccount: st('Microsoft.Storage/storageAccounts', `stml${c.i}${w}`),
      keyVault: st('Microsoft.KeyVault/vaults', `kv-ml-${c.i}-${w}`),
      applicationInsights: st('Microsoft.Insights/components', `appi-ml-${c.i}-${w}`),
      containerRegistry: st('Microsoft.ContainerRegistry/registries', `acrml${c.i}${w}`),
      discoveryUrl: `https://${c.loc}.api.azureml.ms/discovery`,
      workspaceId: workspaceGuid,
      hbiWorkspace: false,
      publicNetworkAccess: 'Disabled',
      v1LegacyMode: false,
      managedNetwork: { isolationMode: 'Disabled' },
      serverlessComputeSettings: { serverlessComputeCustomSubnet: computeSubnet, serverlessComputeNoPublicIP: true },
      privateEndpointConnections: [],
    }, { identity: { type: 'SystemAssigned', principalId: guid(wsId + 'p'), tenantId: guid('tenant') }, sku: { name: 'Basic', tier: 'Basic' }, kind: 'Default' }));
    for (let k = 0; k < (shape.computesPerWorkspace ?? 2); k++) {
      const kind = k % 2 === 0 ? 'AmlCompute' : 'ComputeInstance';
      const cid = `${wsId}/computes/${kind === 'AmlCompute' ? 'cpu-cluster' : 'ci'}-${k}`;
      const inner = kind === 'AmlCompute'
        ? { vmSize: 'STANDARD_DS3_V2', vmPriority: 'Dedicated', osType: 'Linux', scaleSettings: { maxNodeCount: 4, minNodeCount: 0, nodeIdleTimeBeforeScaleDown: 'PT5M' }, subnet: { id: computeSubnet }, enableNodePublicIp: false, remoteLoginPortPublicAccess: 'Disabled', isolatedNetwork: false }
        : { vmSize: 'STANDARD_DS3_V2', subnet: { id: computeSubnet }, enableNodePublicIp: false, sshSettings: { sshPublicAccess: 'Disabled' }, applicationSharingPolicy: 'Personal', computeInstanceAuthorizationType: 'personal' };
      out.push({ id: cid, name: cid.split('/').pop() ?? '', type: 'Microsoft.MachineLearningServices/workspaces/computes', location: c.loc, properties: { computeType: kind, computeLocation: c.loc, provisioningState: 'Succeeded', description: `${kind} ${k}`, isAttachedCompute: false, disableLocalAuth: true, properties: inner } });
    }
    const peId = armId(c.sub, c.rgNet, 'Microsoft.Network/privateEndpoints', `pe-${wsName}`);
    const nicId = armId(c.sub, c.rgNet, 'Microsoft.Network/networkInterfaces', `pe-${wsName}.nic.${guid(peId).slice(0, 8)}`);
    const ip = (n: number) => `10.${c.i % 256}.${(c.subnetIds[0]?.length ?? 2) - 1}.${4 + w * 3 + n}`;
    const fqdns = [`${workspaceGuid}.workspace.${c.loc}.api.azureml.ms`, `${workspaceGuid}.workspace.${c.loc}.cert.api.azureml.ms`, `ml-${wsName}-${c.loc}-${workspaceGuid}.${c.loc}.notebooks.azure.net`];
    out.push(res(peId, 'Microsoft.Network/privateEndpoints', c.loc, {
      resourceGuid: guid(peId),
      subnet: { id: peSubnet },
      networkInterfaces: [{ id: nicId }],
      privateLinkServiceConnections: [{ name: `pe-${wsName}`, id: `${peId}/privateLinkServiceConnections/pe-${wsName}`, type: 'Microsoft.Network/privateEndpoints/privateLinkServiceConnections', etag: `W/"${guid(peId + 'c')}"`, properties: { provisioningState: 'Succeeded', privateLinkServiceId: wsId, groupIds: ['amlworkspace'], privateLinkServiceConnectionState: { status: 'Approved', description: 'Auto-Approved', actionsRequired: 'None' } } }],
      manualPrivateLinkServiceConnections: [],
      customNetworkInterfaceName: '',
      ipConfigurations: [],
      customDnsConfigs: fqdns.map((fqdn, n) => ({ fqdn, ipAddresses: [ip(n)] })),
    }));
    out.push(res(nicId, 'Microsoft.Network/networkInterfaces', c.loc, {
      resourceGuid: guid(nicId),
      ipConfigurations: fqdns.map((fqdn, n) => ({ name: `privateEndpointIpConfig.${guid(fqdn).slice(0, 8)}`, id: `${nicId}/ipConfigurations/privateEndpointIpConfig.${guid(fqdn).slice(0, 8)}`, type: 'Microsoft.Network/networkInterfaces/ipConfigurations', properties: { provisioningState: 'Succeeded', privateIPAddress: ip(n), privateIPAllocationMethod: 'Dynamic', subnet: { id: peSubnet }, primary: n === 0, privateIPAddressVersion: 'IPv4', privateLinkConnectionProperties: { groupId: 'amlworkspace', requiredMemberName: n === 2 ? 'notebook' : 'default', fqdns: [fqdn] } } })),
      privateEndpoint: { id: peId },
      enableAcceleratedNetworking: false, enableIPForwarding: false, nicType: 'Standard',
    }));
    out.push({ id: `${peId}/privateDnsZoneGroups/default`, name: 'default', type: 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups', etag: `W/"${guid(peId + 'g')}"`, properties: { provisioningState: 'Succeeded', privateDnsZoneConfigs: [0, 1].map((z) => ({ name: ZONES[z]?.replaceAll('.', '-'), properties: { privateDnsZoneId: zoneIds[z] } })) } });
    const recordName = [`${workspaceGuid}.workspace.${c.loc}`, `${workspaceGuid}.workspace.${c.loc}.cert`, `ml-${wsName}-${c.loc}-${workspaceGuid}.${c.loc}`];
    recordName.forEach((name, n) => {
      const z = n === 2 ? 1 : 0;
      const zoneId = zoneIds[z] ?? '';
      records[z]?.push({ id: `${zoneId}/A/${name}`, name, type: 'Microsoft.Network/privateDnsZones/A', etag: guid(zoneId + name), properties: { ttl: 10, fqdn: `${name}.${ZONES[z]}.`, isAutoRegistered: false, aRecords: [{ ipv4Address: ip(n) }] } });
    });
  }
  ZONES.forEach((zone, z) => {
    const zoneId = zoneIds[z] ?? '';
    out.push({ id: zoneId, name: zone, type: 'Microsoft.Network/privateDnsZones', etag: guid(zoneId), location: 'global', tags: {}, properties: { maxNumberOfRecordSets: 25000, maxNumberOfVirtualNetworkLinks: 1000, maxNumberOfVirtualNetworkLinksWithRegistration: 100, numberOfRecordSets: (records[z]?.length ?? 0) + 1, numberOfVirtualNetworkLinks: c.vnetIds.length, numberOfVirtualNetworkLinksWithRegistration: 0, provisioningState: 'Succeeded' } });
    c.vnetIds.forEach((vnetId) => {
      const name = `link-${vnetId.split('/').pop() ?? ''}`;
      out.push({ id: `${zoneId}/virtualNetworkLinks/${name}`, name, type: 'Microsoft.Network/privateDnsZones/virtualNetworkLinks', etag: guid(zoneId + name), location: 'global', properties: { provisioningState: 'Succeeded', virtualNetwork: { id: vnetId }, registrationEnabled: false, virtualNetworkLinkState: 'Completed' } });
    });
    out.push(...(records[z] ?? []));
  });
}

