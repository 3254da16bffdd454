/**
 * The semantics doc's §7 notation as a reusable estate: VNet-W 10.0.0.0/16 (workspace, private
 * endpoints in 10.0.1.0/24), VNet-C 10.1.0.0/16 (compute subnet 10.1.0.0/24), westeurope, with the
 * workspace, storage, key vault and registry endpoints and their zones. Tests take the parts, change
 * what their case needs and build a Snapshot.
 */
import type { Compute, PrivateDnsZone, PrivateEndpoint, Subnet, VirtualNetwork, Workspace } from '../../model/resources';
import {
  armId, buildSnapshot, compute, dnsZone, peerPair, privateEndpoint, subnet, vnet, workspace, type SnapshotParts,
} from './snapshotBuilder';

export const STORAGE_ID = armId('Microsoft.Storage/storageAccounts', 'stml');
export const KEYVAULT_ID = armId('Microsoft.KeyVault/vaults', 'kv-ml');
export const ACR_ID = armId('Microsoft.ContainerRegistry/registries', 'crml');

export interface AmlEstate {
  readonly vnetW: VirtualNetwork;
  readonly vnetC: VirtualNetwork;
  readonly peSubnet: Subnet;
  readonly wsSubnet: Subnet;
  readonly computeSubnet: Subnet;
  readonly ws: Workspace;
  readonly pes: PrivateEndpoint[];
  readonly zones: PrivateDnsZone[];
  readonly parts: SnapshotParts;
}

/** A zone with A records for the endpoints and links to the given VNets. */
export function zoneFor(name: string, records: Record<string, string[]>, linkedTo: readonly VirtualNetwork[]): PrivateDnsZone {
  const z = dnsZone(name);
  return {
    ...z,
    aRecords: records,
    links: linkedTo.map((v) => ({
      id: `${z.id}/virtualNetworkLinks/link-${v.name}`, name: `link-${v.name}`, zoneId: z.id, vnetId: v.id,
      registrationEnabled: false, linkState: 'Completed',
    })),
  };
}

/**
 * The baseline: compute VNet peered (Connected) with the workspace VNet, every zone linked to both,
 * a no-public-IP cluster `cluster1` in VNet-C. `linkCompute=false` leaves VNet-C unlinked.
 */
export function amlEstate(opts: { peered?: boolean; linkCompute?: boolean; computes?: (ws: Workspace, computeSubnet: Subnet, wsSubnet: Subnet) => Compute[] } = {}): AmlEstate {
  const vnetW = vnet('vnet-w', ['10.0.0.0/16']);
  const vnetC = vnet('vnet-c', ['10.1.0.0/16']);
  const peSubnet = subnet(vnetW, 'snet-pe', '10.0.1.0/24');
  const wsSubnet = subnet(vnetW, 'snet-ws', '10.0.2.0/24');
  const computeSubnet = subnet(vnetC, 'snet-compute', '10.1.0.0/24');
  const ws = workspace('mlw', {
    workspaceGuid: '11111111-2222-3333-4444-555555555555', storageAccountId: STORAGE_ID, keyVaultId: KEYVAULT_ID,
    containerRegistryId: ACR_ID, publicNetworkAccess: 'Disabled',
  });
  const pes = [
    privateEndpoint('pe-ws', peSubnet, '10.0.1.5', ws.id, 'amlworkspace', { privateIps: ['10.0.1.5', '10.0.1.6'] }),
    privateEndpoint('pe-blob', peSubnet, '10.0.1.7', STORAGE_ID, 'blob'),
    privateEndpoint('pe-file', peSubnet, '10.0.1.8', STORAGE_ID, 'file'),
    privateEndpoint('pe-kv', peSubnet, '10.0.1.9', KEYVAULT_ID, 'vault'),
    privateEndpoint('pe-acr', peSubnet, '10.0.1.10', ACR_ID, 'registry'),
  ];
  const linked = opts.linkCompute === false ? [vnetW] : [vnetW, vnetC];
  const zones = [
    zoneFor('privatelink.api.azureml.ms', { '11111111-2222-3333-4444-555555555555.workspace.westeurope': ['10.0.1.5'] }, linked),
    zoneFor('privatelink.notebooks.azure.net', { 'ml-mlw-westeurope-11111111-2222-3333-4444-555555555555.westeurope': ['10.0.1.6'] }, linked),
    zoneFor('privatelink.blob.core.windows.net', { stml: ['10.0.1.7'] }, linked),
    zoneFor('privatelink.file.core.windows.net', { stml: ['10.0.1.8'] }, linked),
    zoneFor('privatelink.vaultcore.azure.net', { 'kv-ml': ['10.0.1.9'] }, linked),
    zoneFor('privatelink.azurecr.io', { crml: ['10.0.1.10'] }, linked),
  ];
  const computes = opts.computes ? opts.computes(ws, computeSubnet, wsSubnet) : [compute(ws, 'cluster1', { subnetId: computeSubnet.id })];
  const parts: SnapshotParts = {
    vnets: [vnetW, vnetC], subnets: [peSubnet, wsSubnet, computeSubnet],
    peerings: opts.peered === false ? [] : peerPair(vnetW, vnetC, { peeringState: 'Connected' }, { peeringState: 'Connected' }),
    privateEndpoints: pes, dnsZones: zones, workspaces: [ws], computes,
  };
  return { vnetW, vnetC, peSubnet, wsSubnet, computeSubnet, ws, pes, zones, parts };
}

/** Shorthand: the estate's parts with overrides, as a Snapshot. */
export function snapshotOf(parts: SnapshotParts, overrides: Partial<SnapshotParts> = {}) {
  return buildSnapshot({ ...parts, ...overrides });
}
