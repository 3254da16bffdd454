/**
 * The requirements catalogue: every row of sections 5.2–5.8 of our semantics digest as data. The
 * engine turns `flow` rows into flows (one per port, and per FQDN for F rows), `check` rows into
 * checks; the inspector shows `purpose` and `source`; SARIF uses ids and titles as rule metadata.
 * Changing a row here changes what every surface says: no other file restates these facts.
 */
import type { ComputeKind } from '../engine/verdict';
import type { IpMode, PortSpec, Requirement } from './types';

const AML: readonly ComputeKind[] = ['ComputeCluster', 'ComputeInstance', 'Serverless'];
const ATTACHED: readonly ComputeKind[] = ['AttachedVirtualMachine', 'HDInsight'];
const ALL: readonly ComputeKind[] = [...AML, ...ATTACHED, 'Databricks'];
const BOTH: readonly IpMode[] = ['public', 'noPublic'];
const tcp = (...ports: number[]): PortSpec[] => ports.map((port) => ({ protocol: 'Tcp', port }));

/** Service-tag outbound rows (§5.4.2). */
const outboundTags: Requirement[] = [
  { id: 'O1', title: 'Azure ML service', kind: 'flow', direction: 'Outbound',
    ports: [...tcp(443, 8787, 18881), { protocol: 'Udp', port: 5831 }],
    peer: { type: 'serviceTag', tag: 'AzureMachineLearning' }, appliesTo: AML, ipModes: BOTH,
    necessity: 'required', condition: 'always',
    purpose: 'Azure ML service: 443 API, 8787 RStudio, 18881 notebook language server, UDP 5831 compute instance create/update/delete.',
    source: 'S21, S25, S26', section: '§5.4.2' },
  { id: 'O2', title: 'Azure Batch back end', kind: 'flow', direction: 'Outbound',
    ports: [{ protocol: 'Any', port: 443 }], peer: { type: 'serviceTag', tag: 'BatchNodeManagement.{region}' },
    appliesTo: AML, ipModes: BOTH, necessity: 'required', condition: 'always',
    purpose: 'Compute instances and clusters are Azure Batch pools (simplified node communication).',
    source: 'S21, S25, S26, S32', section: '§5.4.2' },
  { id: 'O3', title: 'Azure Storage (Batch and job data)', kind: 'flow', direction: 'Outbound',
    ports: tcp(443), peer: { type: 'serviceTag', tag: 'Storage.{region}' }, appliesTo: AML, ipModes: BOTH,
    necessity: 'required', condition: 'always',
    purpose: 'Storage used by Batch and by jobs; restrict exfiltration with a service endpoint policy.',
    source: 'S21, S25, S26', section: '§5.4.2' },
  { id: 'O4', title: 'Microsoft Entra ID', kind: 'flow', direction: 'Outbound', ports: tcp(80, 443),
    peer: { type: 'serviceTag', tag: 'AzureActiveDirectory' }, appliesTo: AML, ipModes: BOTH,
    necessity: 'required', condition: 'always', purpose: 'Authentication with Microsoft Entra ID.',
    source: 'S25, S26', section: '§5.4.2' },
  { id: 'O5', title: 'Azure Resource Manager', kind: 'flow', direction: 'Outbound', ports: tcp(443),
    peer: { type: 'serviceTag', tag: 'AzureResourceManager' }, appliesTo: AML, ipModes: BOTH,
    necessity: 'required', condition: 'always', purpose: 'Resource creation and the CLI/SDK control plane.',
    source: 'S25, S26', section: '§5.4.2' },
  { id: 'O6', title: 'Azure Front Door (studio)', kind: 'flow', direction: 'Outbound', ports: tcp(443),
    peer: { type: 'serviceTag', tag: 'AzureFrontDoor.FrontEnd' }, appliesTo: AML, ipModes: BOTH,
    necessity: 'required', condition: 'always', purpose: 'Studio entry point; AutoML images and environments.',
    source: 'S25, S26', section: '§5.4.2' },
  { id: 'O7', title: 'Microsoft Container Registry', kind: 'flow', direction: 'Outbound', ports: tcp(443),
    peer: { type: 'serviceTag', tag: 'MicrosoftContainerRegistry.{region}' }, appliesTo: AML, ipModes: BOTH,
    necessity: 'required', condition: 'always',
    purpose: 'Microsoft Docker images (its content is served through AzureFrontDoor.FirstParty).',
    source: 'S25, S26', section: '§5.4.2' },
  { id: 'O8', title: 'RStudio on a compute instance', kind: 'flow', direction: 'Outbound', ports: tcp(8787),
    peer: { type: 'serviceTag', tag: 'AzureMachineLearning' }, appliesTo: ['ComputeInstance'], ipModes: BOTH,
    necessity: 'situational', condition: 'never',
    purpose: 'RStudio. Evaluated as part of O1 (S21 lists 8787 there; S26 makes it situational).',
    source: 'S26', section: '§5.4.2' },
  { id: 'O9', title: 'SMB to storage through a firewall', kind: 'flow', direction: 'Outbound', ports: tcp(445),
    peer: { type: 'serviceTag', tag: 'Storage.{region}' }, appliesTo: AML, ipModes: BOTH,
    necessity: 'situational', condition: 'never',
    purpose: 'File share over SMB when a firewall sits between the compute and the storage private endpoint. Evaluated as P9, whose path includes any firewall.',
    source: 'S25, S26', section: '§5.4.2' },
  { id: 'O10', title: 'Azure Monitor', kind: 'flow', direction: 'Outbound', ports: tcp(443),
    peer: { type: 'serviceTag', tag: 'AzureMonitor' }, appliesTo: AML, ipModes: BOTH,
    necessity: 'situational', condition: 'always', purpose: 'Metrics, logs and support, when Azure Monitor is not secured privately.',
    source: 'S25, S26', section: '§5.4.2' },
  { id: 'O11', title: 'Batch key vault (HBI workspace)', kind: 'flow', direction: 'Outbound', ports: tcp(443),
    peer: { type: 'serviceTag', tag: 'AzureKeyVault.{region}' }, appliesTo: AML, ipModes: BOTH,
    necessity: 'required', condition: 'hbiWorkspace',
    purpose: 'Key vault used by Batch when the workspace was created with hbi_workspace (the digest writes the tag Keyvault.<region>; Azure names it AzureKeyVault.<region>).',
    source: 'S25, S26', section: '§5.4.2' },
  { id: 'O12', title: 'Private endpoints of the workspace and its dependencies', kind: 'flow', direction: 'Outbound',
    ports: tcp(443), peer: { type: 'dependency', dependencies: ['workspace', 'storage-blob', 'keyvault', 'acr'] },
    appliesTo: AML, ipModes: BOTH, necessity: 'required', condition: 'dependencyHasPrivateEndpoint',
    purpose: 'Reach the private endpoints of the workspace, its storage, key vault and registry (path, DNS, NSG, approval).',
    source: 'S21, S25', section: '§5.4.2, §4.5' },
  { id: 'O13', title: 'VS Code remote server', kind: 'flow', direction: 'Outbound', ports: tcp(8704, 8705, 8706, 8707, 8708, 8709, 8710),
    peer: { type: 'none' }, appliesTo: ['ComputeInstance'], ipModes: BOTH, necessity: 'situational', condition: 'never',
    purpose: 'VS Code remote picks the first free port of 8704–8710; no peer is documented, so it is listed, not evaluated.',
    source: 'S25', section: '§5.4.2' },
];

/** Inbound rows (§5.4.1). */
const inbound: Requirement[] = [
  { id: 'I1', title: 'Azure ML management of public-IP compute', kind: 'flow', direction: 'Inbound', ports: tcp(44224),
    peer: { type: 'serviceTag', tag: 'AzureMachineLearning' }, appliesTo: AML, ipModes: ['public'],
    necessity: 'required', condition: 'always',
    purpose: 'Create, update, delete and talk to the compute; must not be answered through a stateful firewall (asymmetric routing, §5.6).',
    source: 'S21, S25, S26', section: '§5.4.1' },
  { id: 'I2', title: 'No inbound for no-public-IP compute', kind: 'flow', direction: 'Inbound', ports: [],
    peer: { type: 'none' }, appliesTo: AML, ipModes: ['noPublic'], necessity: 'required', condition: 'never',
    purpose: 'Compute without a public IP needs no inbound rule.', source: 'S21', section: '§5.4.1' },
  { id: 'I3', title: 'SSH from Azure ML to an attached VM or HDInsight', kind: 'flow', direction: 'Inbound',
    ports: [{ protocol: 'Any', port: 22 }], peer: { type: 'serviceTag', tag: 'AzureMachineLearning' },
    appliesTo: ATTACHED, ipModes: BOTH, necessity: 'required', condition: 'always',
    purpose: 'Azure ML attaches Ubuntu VMs and HDInsight over SSH (source ports *, destination any).',
    source: 'S21', section: '§5.4.1, §5.7' },
  { id: 'I4', title: 'Classic Batch node communication', kind: 'flow', direction: 'Inbound', ports: tcp(29876, 29877),
    peer: { type: 'serviceTag', tag: 'BatchNodeManagement' }, appliesTo: AML, ipModes: ['public'],
    necessity: 'legacy', condition: 'legacyBatch',
    purpose: 'Retired with classic Batch node communication (31 March 2026); kept as a legacy profile.',
    source: 'S23, S32', section: '§5.4.1, §5.3' },
];

/** FQDN rows for firewalls (§5.4.3): evaluated only where an Azure Firewall decides the flow. */
const fqdnRow = (id: string, fqdns: string[], ports: PortSpec[], purpose: string, necessity: 'required' | 'situational' = 'required', condition: Requirement['condition'] = 'firewallOnPath'): Requirement => ({
  id, title: fqdns[0] ?? id, kind: 'flow', direction: 'Outbound', ports, peer: { type: 'fqdn', fqdns },
  appliesTo: AML, ipModes: BOTH, necessity, condition, purpose, source: 'S21, S25', section: '§5.4.3',
});
const fqdns: Requirement[] = [
  fqdnRow('F1', ['{region}.tundra.azureml.ms'], [{ protocol: 'Udp', port: 5831 }], 'Compute instance management.'),
  fqdnRow('F2', ['*.tundra.{region}.api.azureml.ms'], [{ protocol: 'Udp', port: 5831 }], 'Compute instance management (S25 only).'),
  fqdnRow('F3', ['graph.windows.net'], tcp(443), 'Graph API.'),
  fqdnRow('F4', ['*.instances.azureml.ms'], tcp(443, 8787, 18881), 'Azure ML and compute instances.'),
  fqdnRow('F5', ['*.instances.azureml.net'], tcp(443), 'Compute instances (S25).'),
  fqdnRow('F6', ['*.{region}.batch.azure.com', '*.{region}.service.batch.azure.com'], [{ protocol: 'Any', port: 443 }], 'Azure Batch.'),
  fqdnRow('F7', ['*.blob.core.windows.net', '*.queue.core.windows.net', '*.table.core.windows.net'], tcp(443), 'Microsoft-managed storage.'),
  fqdnRow('F8', ['{storage}.file.core.windows.net'], tcp(443, 445), 'Your workspace storage (file).'),
  fqdnRow('F9', ['{storage}.blob.core.windows.net'], tcp(443), 'Your workspace storage (blob).'),
  fqdnRow('F10', ['*.vault.azure.net'], tcp(443), 'Key vault, only with hbi_workspace.', 'required', 'hbiWorkspace'),
  fqdnRow('F11', ['login.microsoftonline.com'], tcp(80, 443), 'Microsoft Entra ID.'),
  fqdnRow('F12', ['management.azure.com'], tcp(443), 'Azure Resource Manager and the portal.'),
  fqdnRow('F13', ['ml.azure.com', '*.azureml.ms', '*.azureml.net', '*.modelmanagement.azureml.net', '*.notebooks.azure.net', '{storage}.dfs.core.windows.net', 'graph.microsoft.com', '*.aznbcontent.net'], tcp(443), 'Studio, API and integrated notebooks.'),
  fqdnRow('F14', ['mcr.microsoft.com', '*.data.mcr.microsoft.com'], tcp(443), 'Microsoft container images (always needed).'),
];

const check = (id: string, title: string, checkIds: string[], purpose: string, source: string, section: string, appliesTo: readonly ComputeKind[] = ALL, necessity: Requirement['necessity'] = 'required'): Requirement => ({
  id, title, kind: 'check', ports: [], peer: { type: 'none' }, appliesTo, ipModes: BOTH, necessity,
  condition: checkIds.length ? 'always' : 'never', purpose, source, section, checkIds,
});

/** Prerequisites (§5.2), cross-VNet rules (§5.5), Databricks and attached compute (§5.7), managed network (§5.8). */
const checks: Requirement[] = [
  check('P1', 'VNet in the workspace subscription', ['same-subscription'], 'The compute VNet must be in the same subscription as the workspace.', 'S21', '§5.2'),
  check('P2', 'Subnet not delegated', ['subnet-not-delegated'], 'The subnet must not be delegated to another Azure service.', 'S21', '§5.2', [...AML, ...ATTACHED]),
  check('P3', 'Enough free addresses', ['subnet-capacity'], 'One address per compute instance, per cluster node (max nodes) and per serverless node, besides the NICs and private endpoints already there.', 'S21', '§5.2', AML),
  check('P4', 'Azure reserves five addresses per subnet', ['subnet-capacity'], 'Usable = 2^(32−prefix) − 5.', 'S33', '§5.2', AML),
  check('P5', 'Partial allocation when addresses run out', ['subnet-capacity'], 'A cluster short of addresses is allocated partially and reports a resize error.', 'S23, S34', '§5.2', AML),
  check('P6', 'WebSockets to *.instances.azureml.net/.ms', [], 'Jupyter on a compute instance needs WebSocket traffic allowed through proxies.', 'S21', '§5.2', ['ComputeInstance'], 'situational'),
  check('P7', 'Custom DNS forwards Azure ML zones', ['dns-zone-linked'], 'A custom DNS server must forward the Azure ML zones to 168.63.129.16 from a VNet linked to the private zones.', 'S21, S30', '§5.2, §4.4'),
  check('P8', 'Not supported with Azure Lighthouse', [], 'Azure Lighthouse is not supported (not visible in network configuration).', 'S21', '§5.2', ALL, 'situational'),
  { id: 'P9', title: 'SMB 445 to the default storage account', kind: 'flow', direction: 'Outbound', ports: tcp(445),
    peer: { type: 'dependency', dependencies: ['storage-file'] }, appliesTo: AML, ipModes: BOTH, necessity: 'required',
    condition: 'always', purpose: 'Port 445 must be open for private traffic between the compute and the default storage account, across VNets too.',
    source: 'S21', section: '§5.2' },
  check('P10', 'Storage in the compute region', [], 'Cost and latency only.', 'S21', '§5.2', AML, 'situational'),
  check('P11', 'Network permissions of the deploying identity', [], 'subnets/join/action and virtualNetworks/join/action (RBAC is not in a network snapshot).', 'S27', '§5.2', ALL, 'situational'),
  check('P12', 'Networking resources created in the VNet resource group', [], 'Public-IP compute creates its NSG, public IP and load balancer in the VNet resource group; locks or policies there break it.', 'S21, S23', '§5.2', AML, 'situational'),
  check('X1', 'Compute instance in the workspace VNet and region', ['compute-instance-location'], 'A compute instance cannot be in another VNet or region than the workspace; only clusters can.', 'S21', '§5.5', ['ComputeInstance']),
  check('X2', 'Peering to the workspace VNet connected', ['peering-connected'], 'A cluster in another VNet needs the peering Connected on both sides (option A), or its own workspace private endpoint (option B).', 'S21', '§5.5', [...AML, ...ATTACHED]),
  check('X3', 'Azure ML private DNS zones linked to the compute VNet', ['dns-zone-linked'], 'privatelink.api.azureml.ms and privatelink.notebooks.azure.net (and the zones of every dependency with a private endpoint) must be linked to the compute VNet.', 'S21, S9', '§5.5, §4.4'),
  check('X4', 'Workspace and dependencies reachable from the compute VNet', ['workspace-reachable', 'dependency-reachable'], 'The workspace, default storage, key vault and registry must be reachable from the compute VNet.', 'S21', '§5.5, §5.4.4'),
  check('X5', 'Outbound connectivity', ['outbound-connectivity'], 'No-public-IP compute reaches public endpoints only through default outbound access, a NAT gateway or a firewall.', 'S14, S21', '§2.7, §5.4.4', AML),
  check('DB1', 'Databricks in the workspace subscription and region', ['same-subscription', 'databricks-location'], 'The Databricks VNet must be in the same subscription and region as the workspace.', 'S21', '§5.7', ['Databricks']),
  check('DB2', 'Secured storage in the Databricks VNet', [], 'If workspace storage is secured in a VNet it must be the Databricks VNet.', 'S21', '§5.7', ['Databricks'], 'situational'),
  check('DB3', 'Databricks default subnet', [], 'Besides databricks-private and databricks-public, the VNet default subnet is required.', 'S21', '§5.7', ['Databricks'], 'situational'),
  check('VM1', 'Attached VMs run Ubuntu', [], 'Only Ubuntu VMs can be attached (not visible in network configuration).', 'S21', '§5.7', ATTACHED, 'situational'),
  check('MN1', 'Workspace without a managed network', ['managed-network'], 'A workspace with managed network isolation cannot place compute in a customer VNet.', 'S21, S31', '§5.8'),
];

/** Every row, in the order of the digest. */
export const REQUIREMENTS: readonly Requirement[] = [...checks.slice(0, 8), ...inbound, ...outboundTags, ...fqdns, ...checks.slice(8)];

const byId = new Map(REQUIREMENTS.map((r) => [r.id, r]));

/** Look a row up by id (e.g. from a flow's `requirement`). */
export function requirementById(id: string): Requirement | undefined {
  return byId.get(id);
}
