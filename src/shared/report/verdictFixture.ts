/**
 * A hand-built EstateVerdict shaped like the sample estate's (samples/README.md), for the report
 * tests: every status, every light, a firewall-decided flow with its policy fields, an unknown flow,
 * pass/warn/fail checks and a compute with nothing wrong. Built by hand so the report tests do not
 * depend on the engine.
 */
import { DEFAULT_ASSUMPTIONS, describeAssumptions } from '../engine/assumptions';
import type { ComputeVerdict, EstateVerdict, FlowVerdict } from '../engine/verdict';

const SUB = '/subscriptions/11111111-1111-1111-1111-111111111111';
const NET = `${SUB}/resourceGroups/rg-network/providers/Microsoft.Network`;
const HUB = '/subscriptions/22222222-2222-2222-2222-222222222222/resourceGroups/rg-hub/providers/Microsoft.Network';

/** ARM ids the fixture uses, for assertions. */
export const FIXTURE_IDS = {
  workspace: `${SUB}/resourceGroups/rg-ml/providers/Microsoft.MachineLearningServices/workspaces/mlw-contoso`,
  cluster: `${SUB}/resourceGroups/rg-ml/providers/Microsoft.MachineLearningServices/workspaces/mlw-contoso/computes/cpu-cluster`,
  instance: `${SUB}/resourceGroups/rg-ml/providers/Microsoft.MachineLearningServices/workspaces/mlw-contoso/computes/ci-alice`,
  clusterSubnet: `${NET}/virtualNetworks/vnet-compute-northeurope/subnets/snet-cluster`,
  trainingSubnet: `${NET}/virtualNetworks/vnet-ml-westeurope/subnets/snet-training`,
  denyInternet: `${NET}/networkSecurityGroups/nsg-cluster/securityRules/Deny-Internet-Out`,
  allowAml: `${NET}/networkSecurityGroups/nsg-cluster/securityRules/Allow-AzureMachineLearning-Out`,
  allowAmlIn: `${NET}/networkSecurityGroups/nsg-training/securityRules/Allow-AzureMachineLearning-In`,
  firewall: `${HUB}/azureFirewalls/afw-hub`,
  policy: `${HUB}/firewallPolicies/afwp-hub`,
  routeTable: `${NET}/routeTables/rt-compute`,
  kvZone: `${NET}/privateDnsZones/privatelink.vaultcore.azure.net`,
} as const;

const flow = (f: Partial<FlowVerdict> & Pick<FlowVerdict, 'requirement' | 'protocol' | 'port' | 'peer' | 'status' | 'decidedBy'>): FlowVerdict => ({
  direction: 'Outbound', required: true, explanation: '', trace: [], ...f,
});

const cluster: ComputeVerdict = {
  id: FIXTURE_IDS.cluster, name: 'cpu-cluster', kind: 'ComputeCluster', publicIp: false,
  subnetId: FIXTURE_IDS.clusterSubnet, workspaceId: FIXTURE_IDS.workspace, region: 'northeurope',
  flows: [
    flow({ requirement: 'O1', protocol: 'Tcp', port: 443, peer: 'AzureMachineLearning', status: 'allowed',
      decidedBy: { layer: 'nsg', resourceId: FIXTURE_IDS.allowAml, name: 'Allow-AzureMachineLearning-Out', priority: 100 },
      explanation: 'Allowed by nsg-cluster rule Allow-AzureMachineLearning-Out (priority 100).' }),
    flow({ requirement: 'O1', protocol: 'Udp', port: 5831, peer: 'AzureMachineLearning', status: 'blocked',
      decidedBy: { layer: 'nsg', resourceId: FIXTURE_IDS.denyInternet, name: 'Deny-Internet-Out', priority: 4000 },
      explanation: 'UDP 5831 to AzureMachineLearning is denied by nsg-cluster rule Deny-Internet-Out (priority 4000): compute instance create/update/delete fails.',
      trace: [
        { layer: 'nsg', outcome: 'block', resourceId: FIXTURE_IDS.denyInternet, name: 'Deny-Internet-Out', priority: 4000, detail: 'Internet contains AzureMachineLearning' },
      ] }),
    flow({ requirement: 'F3', protocol: 'Tcp', port: 443, peer: 'graph.windows.net', status: 'blocked',
      decidedBy: { layer: 'firewall', resourceId: FIXTURE_IDS.firewall, name: 'DefaultDeny', policyId: FIXTURE_IDS.policy,
        ruleCollectionGroup: 'rcg-aml', ruleCollectionGroupPriority: 300, ruleCollection: 'app-aml-fqdns', ruleCollectionPriority: 200 },
      explanation: 'No application or network rule of afwp-hub allows graph.windows.net on 443; the firewall denies by default.' }),
    flow({ requirement: 'O10', protocol: 'Tcp', port: 443, peer: 'AzureMonitor', required: false, status: 'blocked',
      decidedBy: { layer: 'firewall', resourceId: FIXTURE_IDS.firewall, name: 'DefaultDeny' },
      explanation: 'AzureMonitor is not allowed by the firewall (situational: only when Azure Monitor is not private).' }),
    flow({ requirement: 'O12', protocol: 'Tcp', port: 443, peer: `${SUB}/resourceGroups/rg-ml/providers/Microsoft.KeyVault/vaults/kv-contoso-ml`,
      status: 'unknown', decidedBy: { layer: 'dns' }, peerResourceId: `${SUB}/resourceGroups/rg-ml/providers/Microsoft.KeyVault/vaults/kv-contoso-ml`,
      explanation: 'kv-contoso-ml.vault.azure.net does not resolve privately from the compute VNet.' }),
  ],
  checks: [
    { id: 'same-subscription', status: 'pass', message: 'The compute VNet is in the workspace subscription.' },
    { id: 'subnet-capacity', status: 'warn', message: 'snet-cluster has 251 usable addresses; 8 needed.' },
    { id: 'dns-zone-linked:privatelink.vaultcore.azure.net', status: 'fail',
      message: 'privatelink.vaultcore.azure.net is not linked to vnet-compute-northeurope.', resourceId: FIXTURE_IDS.kvZone },
  ],
};

const instance: ComputeVerdict = {
  id: FIXTURE_IDS.instance, name: 'ci-alice', kind: 'ComputeInstance', publicIp: true,
  subnetId: FIXTURE_IDS.trainingSubnet, workspaceId: FIXTURE_IDS.workspace, region: 'westeurope',
  flows: [
    flow({ requirement: 'I1', direction: 'Inbound', protocol: 'Tcp', port: 44224, peer: 'AzureMachineLearning', status: 'allowed',
      decidedBy: { layer: 'nsg', resourceId: FIXTURE_IDS.allowAmlIn, name: 'Allow-AzureMachineLearning-In', priority: 100 } }),
  ],
  checks: [{ id: 'compute-instance-location', status: 'pass', message: 'In the workspace VNet and region.' }],
};

/** Two computes, six flows, three checks; the summary counts match the flows. */
export const FIXTURE_VERDICT: EstateVerdict = {
  schemaVersion: 1,
  computes: [cluster, instance],
  assumptions: describeAssumptions(DEFAULT_ASSUMPTIONS),
  summary: { allowed: 2, blocked: 3, unknown: 1, failedChecks: 1 },
};
