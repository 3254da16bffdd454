/**
 * Estates assembled from Microsoft's own ARM payloads (../shared/reference/arm-examples, through
 * test/support/sharedReference.ts): each example's 200 body, re-based onto one subscription and
 * wired together so the ids cross-reference, as a real dump of one estate would be.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSharedJson } from '../support/sharedReference';

type Json = Record<string, unknown>;

/** The example files these estates read (for describeWithShared). */
export const EXAMPLE_FILES = {
  vnet: 'reference/arm-examples/Microsoft.Network/2026-01-01/VirtualNetworkGet.json',
  nsg: 'reference/arm-examples/Microsoft.Network/2026-01-01/NetworkSecurityGroupGet.json',
  nat: 'reference/arm-examples/Microsoft.Network/2026-01-01/NatGatewayGet.json',
  subnet: 'reference/arm-examples/Microsoft.Network/2025-05-01/SubnetGet.json',
  pe: 'reference/arm-examples/Microsoft.Network/2026-01-01/PrivateEndpointGet.json',
  zone: 'reference/arm-examples/Microsoft.Network.privateDns/2024-06-01/PrivateZoneGet.json',
  link: 'reference/arm-examples/Microsoft.Network.privateDns/2024-06-01/VirtualNetworkLinkGet.json',
  record: 'reference/arm-examples/Microsoft.Network.privateDns/2024-06-01/RecordSetAGet.json',
  workspace: 'reference/arm-examples/Microsoft.MachineLearningServices/2025-12-01/Workspace/get.json',
  amlCompute: 'reference/arm-examples/Microsoft.MachineLearningServices/2025-12-01/Compute/get/AmlCompute.json',
  computeInstance: 'reference/arm-examples/Microsoft.MachineLearningServices/2025-12-01/Compute/get/ComputeInstance.json',
  resourceGraph: 'reference/arm-examples/Microsoft.ResourceGraph/2024-04-01/ResourcesBasicQuery.json',
} as const;

/** The subscription the network examples use; everything is re-based onto it. */
export const SUB = '00000000-0000-0000-0000-000000000000';
const RG1 = `/subscriptions/${SUB}/resourceGroups/rg1/providers/Microsoft.Network`;
/** Ids of the wired estate. */
export const IDS = {
  vnet: `${RG1}/virtualNetworks/test-vnet`,
  subnet: `${RG1}/virtualNetworks/test-vnet/subnets/subnet1`,
  peSubnet: `${RG1}/virtualNetworks/test-vnet/subnets/snet-pe`,
  nsg: `${RG1}/networkSecurityGroups/testnsg`,
  workspace: `/subscriptions/${SUB}/resourceGroups/workspace-1234/providers/Microsoft.MachineLearningServices/workspaces/testworkspace`,
  zone: `/subscriptions/${SUB}/resourceGroups/rg1/providers/Microsoft.Network/privateDnsZones/privatelink.api.azureml.ms`,
} as const;

/** The 200 body of an example, deep-copied. */
export function body(file: string): Json {
  const example = readSharedJson<{ responses: Record<string, { body: Json }> }>(file);
  const b = example.responses['200']?.body;
  if (!b) throw new Error(`${file}: no 200 body`);
  return JSON.parse(JSON.stringify(b)) as Json;
}

/** Replace every occurrence of `from` with `to` in a payload (ids are strings inside it). */
export function rebase<T>(value: T, from: string, to: string): T {
  return JSON.parse(JSON.stringify(value).split(from).join(to)) as T;
}

const props = (o: Json): Json => o.properties as Json;

/**
 * VirtualNetworkGet + NetworkSecurityGroupGet (on subnet1) + NatGatewayGet (already names subnet1)
 * + Workspace get + AmlCompute get (its placeholder subnet id replaced by subnet1), all in westus.
 */
export function wiredEstate(opts: { isolationMode?: string } = {}): Json[] {
  const vnet = body(EXAMPLE_FILES.vnet);
  const subnet1 = (props(vnet).subnets as Json[])[0] as Json;
  props(subnet1).networkSecurityGroup = { id: IDS.nsg };
  // The example names a NAT gateway `test-ngw` that no example describes; NatGatewayGet is the one on subnet1.
  delete props(vnet).defaultPublicNatGateway;
  const nsg = body(EXAMPLE_FILES.nsg);
  const nat = body(EXAMPLE_FILES.nat);
  const workspace = rebase(body(EXAMPLE_FILES.workspace), '00000000-1111-2222-3333-444444444444', SUB);
  workspace.location = 'westus';
  if (opts.isolationMode) (props(workspace).managedNetwork as Json).isolationMode = opts.isolationMode;
  const compute = body(EXAMPLE_FILES.amlCompute);
  compute.id = `${IDS.workspace}/computes/compute123`;
  compute.location = 'westus';
  const inner = props(props(compute));
  inner.subnet = { id: IDS.subnet };
  return [vnet, nsg, nat, workspace, compute];
}

/**
 * Adds a workspace private endpoint (PrivateEndpointGet's shape) in a second subnet (SubnetGet's
 * shape, given flat, without a `type` as that example has none), and the zone, VNet link and A
 * record examples renamed to privatelink.api.azureml.ms.
 */
export function withWorkspacePrivateEndpoint(estate: Json[]): Json[] {
  const subnet = body(EXAMPLE_FILES.subnet);
  subnet.id = IDS.peSubnet;
  subnet.name = 'snet-pe';
  props(subnet).addressPrefix = '10.0.2.0/24';
  const workspace = estate.find((r) => String(r.type).endsWith('/workspaces')) as Json;
  const guid = 'd3b6a1f2-7c4e-4a9b-8e21-5f0c9a7d3e64';
  props(workspace).workspaceId = guid;
  const fqdn = `${guid}.workspace.westus.api.azureml.ms`;
  let pe = body(EXAMPLE_FILES.pe);
  pe = rebase(pe, '/resourceGroups/rg1/providers/Microsoft.Network/virtualNetworks/myVnet/subnets/mySubnet', '/resourceGroups/rg1/providers/Microsoft.Network/virtualNetworks/test-vnet/subnets/snet-pe');
  pe.location = 'westus';
  const conn = (props(pe).privateLinkServiceConnections as Json[])[0] as Json;
  props(conn).privateLinkServiceId = IDS.workspace;
  props(conn).groupIds = ['amlworkspace'];
  props(pe).ipConfigurations = [];
  props(pe).customDnsConfigs = [{ fqdn, ipAddresses: ['10.0.2.4'] }];
  props(pe).privateDnsZoneGroups = [{ name: 'default', properties: { privateDnsZoneConfigs: [{ name: 'api', properties: { privateDnsZoneId: IDS.zone } }] } }];
  const zoneBase = '/subscriptions/subscriptionId/resourceGroups/resourceGroup1/providers/Microsoft.Network/privateDnsZones/privatezone1.com';
  const zone = rebase(rebase(body(EXAMPLE_FILES.zone), zoneBase, IDS.zone), 'privatezone1.com', 'privatelink.api.azureml.ms');
  const link = rebase(rebase(body(EXAMPLE_FILES.link), zoneBase, IDS.zone), 'privatezone1.com', 'privatelink.api.azureml.ms');
  props(link).virtualNetwork = { id: IDS.vnet };
  const record = rebase(rebase(body(EXAMPLE_FILES.record), zoneBase, IDS.zone), 'privatezone1.com', 'privatelink.api.azureml.ms');
  const recordName = `${guid}.workspace.westus`;
  record.id = `${IDS.zone}/A/${recordName}`;
  record.name = recordName;
  props(record).fqdn = `${recordName}.privatelink.api.azureml.ms.`;
  props(record).aRecords = [{ ipv4Address: '10.0.2.4' }];
  return [...estate, subnet, pe, zone, link, record];
}

/** Write an estate (or any JSON) to a fresh temporary file and return its path. */
export function writeTemp(name: string, value: unknown): string {
  const file = join(mkdtempSync(join(tmpdir(), 'vnetlens-arm-')), name);
  writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
  return file;
}

/**
 * The second Azure ML zone (privatelink.notebooks.azure.net, again from the zone/link/record
 * examples) with the workspace's notebook record, and an inbound rule for TCP 44224 from
 * AzureMachineLearning given as a flat `…/securityRules` resource shaped like the NSG example's rule.
 */
export function withNotebooksZoneAnd44224(estate: Json[]): Json[] {
  const workspace = estate.find((r) => String(r.type).endsWith('/workspaces')) as Json;
  const guid = String(props(workspace).workspaceId);
  const zoneId = IDS.zone.replace('privatelink.api.azureml.ms', 'privatelink.notebooks.azure.net');
  const zoneBase = '/subscriptions/subscriptionId/resourceGroups/resourceGroup1/providers/Microsoft.Network/privateDnsZones/privatezone1.com';
  const zone = rebase(rebase(body(EXAMPLE_FILES.zone), zoneBase, zoneId), 'privatezone1.com', 'privatelink.notebooks.azure.net');
  const link = rebase(rebase(body(EXAMPLE_FILES.link), zoneBase, zoneId), 'privatezone1.com', 'privatelink.notebooks.azure.net');
  props(link).virtualNetwork = { id: IDS.vnet };
  const record = rebase(rebase(body(EXAMPLE_FILES.record), zoneBase, zoneId), 'privatezone1.com', 'privatelink.notebooks.azure.net');
  const recordName = `ml-testworkspace-westus-${guid}.westus`;
  record.id = `${zoneId}/A/${recordName}`;
  record.name = recordName;
  props(record).aRecords = [{ ipv4Address: '10.0.2.5' }];
  const pe = estate.find((r) => String(r.type) === 'Microsoft.Network/privateEndpoints') as Json;
  (props(pe).customDnsConfigs as Json[]).push({ fqdn: `${recordName}.notebooks.azure.net`, ipAddresses: ['10.0.2.5'] });
  const groups = props(pe).privateDnsZoneGroups as { properties: { privateDnsZoneConfigs: Json[] } }[];
  groups[0]?.properties.privateDnsZoneConfigs.push({ name: 'notebooks', properties: { privateDnsZoneId: zoneId } });
  const nsgRule = (props(body(EXAMPLE_FILES.nsg)).securityRules as Json[])[0] as Json;
  const rule: Json = {
    ...nsgRule,
    id: `${IDS.nsg}/securityRules/AllowAzureMachineLearning44224`,
    name: 'AllowAzureMachineLearning44224',
    type: 'Microsoft.Network/networkSecurityGroups/securityRules',
    properties: { ...props(nsgRule), priority: 120, protocol: 'Tcp', sourceAddressPrefix: 'AzureMachineLearning', destinationPortRange: '44224' },
  };
  return [...estate, zone, link, record, rule];
}
