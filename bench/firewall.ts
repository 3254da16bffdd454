/**
 * Firewall throughput (issue 6): 1,000 computes in 100 compute subnets whose 0.0.0.0/0 route goes
 * to one hub Azure Firewall with a 500-rule policy (base + child). Prints the whole-estate check
 * with the firewall beside the same estate without the route (baseline, same run), and the firewall
 * evaluator's own time for every compute's outbound flows. Target: whole estate < 0.5 s.
 */
import { DEFAULT_ASSUMPTIONS } from '../src/shared/engine/assumptions';
import { evaluateEstate } from '../src/shared/engine/evaluateEstate';
import { evaluateFirewall, type FirewallFlow } from '../src/shared/engine/firewall/evaluateFirewall';
import { amlEstate } from '../src/shared/engine/testing/amlEstate';
import {
  armId, buildSnapshot, compute, peerPair, route, routeTable, subnet, vnet,
} from '../src/shared/engine/testing/snapshotBuilder';
import type { FirewallPolicy, FirewallRuleCollectionGroup } from '../src/shared/model/firewall';
import type { AzureFirewall, Subnet } from '../src/shared/model/resources';
import type { Snapshot } from '../src/shared/model/snapshot';
import { TagIndex } from '../src/shared/servicetags/tagIndex';
import { fmtMs, line, medianMs } from './measure';

const SUB = '00000000-0000-0000-0000-000000000001';
const TAG_ROWS: [string, 'Tcp' | 'Udp', number][] = [
  ['AzureMachineLearning', 'Tcp', 443], ['AzureMachineLearning', 'Tcp', 8787], ['AzureMachineLearning', 'Tcp', 18881],
  ['AzureMachineLearning', 'Udp', 5831], ['BatchNodeManagement.WestEurope', 'Tcp', 443], ['Storage.WestEurope', 'Tcp', 443],
  ['AzureActiveDirectory', 'Tcp', 80], ['AzureActiveDirectory', 'Tcp', 443], ['AzureResourceManager', 'Tcp', 443],
  ['AzureFrontDoor.FrontEnd', 'Tcp', 443], ['MicrosoftContainerRegistry', 'Tcp', 443],
];
const FQDN_ROWS: [string, 'Tcp' | 'Udp', number][] = [
  ['westeurope.tundra.azureml.ms', 'Udp', 5831], ['graph.windows.net', 'Tcp', 443], ['*.instances.azureml.ms', 'Tcp', 443],
  ['*.westeurope.batch.azure.com', 'Tcp', 443], ['*.blob.core.windows.net', 'Tcp', 443], ['login.microsoftonline.com', 'Tcp', 443],
  ['management.azure.com', 'Tcp', 443], ['mcr.microsoft.com', 'Tcp', 443], ['*.data.mcr.microsoft.com', 'Tcp', 443],
];

function policy(name: string, groupIds: string[], basePolicyId?: string): FirewallPolicy {
  const type = 'Microsoft.Network/firewallPolicies';
  return {
    id: armId(type, name), name, type, location: 'westeurope', subscriptionId: SUB, resourceGroup: 'rg-net',
    ruleCollectionGroupIds: groupIds, dnsProxyEnabled: true, dnsSettingsDeclared: true, ...(basePolicyId ? { basePolicyId } : {}),
  };
}

function group(p: FirewallPolicy, name: string, priority: number, ruleCollections: unknown[]): FirewallRuleCollectionGroup {
  return { id: `${p.id}/ruleCollectionGroups/${name}`, name, type: 'Microsoft.Network/firewallPolicies/ruleCollectionGroups', location: '', subscriptionId: SUB, resourceGroup: 'rg-net', policyId: p.id, priority, ruleCollections };
}

/** 500 rules: 480 unrelated east-west rules (base + child), then the AML network and application rules. */
function hubPolicy(): { policies: FirewallPolicy[]; groups: FirewallRuleCollectionGroup[]; id: string } {
  const filler = (from: number, n: number) => Array.from({ length: n }, (_, i) => ({
    ruleType: 'NetworkRule', name: `east-west-${from + i}`, ipProtocols: ['TCP'], sourceAddresses: [`172.${16 + ((from + i) % 16)}.${(from + i) % 256}.0/24`],
    destinationAddresses: [`192.168.${(from + i) % 256}.0/24`], destinationPorts: [String(1000 + ((from + i) % 5000))],
  }));
  const basePlaceholder = policy('hub-base', []);
  const baseGroups = [group(basePlaceholder, 'corp', 500, [
    { ruleCollectionType: 'FirewallPolicyFilterRuleCollection', name: 'corp-deny', priority: 100, action: { type: 'Deny' }, rules: filler(0, 240) },
  ])];
  const base = { ...basePlaceholder, ruleCollectionGroupIds: baseGroups.map((g) => g.id) };
  const childPlaceholder = policy('hub-child', [], base.id);
  const aml = [
    ...TAG_ROWS.map(([t, p, port], i) => ({ ruleType: 'NetworkRule', name: `aml-${i}`, ipProtocols: [p.toUpperCase()], sourceAddresses: ['10.1.0.0/16'], destinationAddresses: [t], destinationPorts: [String(port)] })),
    { ruleType: 'NetworkRule', name: 'tundra', ipProtocols: ['UDP'], sourceAddresses: ['10.1.0.0/16'], destinationFqdns: ['westeurope.tundra.azureml.ms'], destinationPorts: ['5831'] },
  ];
  const apps = ['graph.windows.net', '*.instances.azureml.ms', '*.westeurope.batch.azure.com', '*.blob.core.windows.net', 'login.microsoftonline.com',
    'management.azure.com', 'mcr.microsoft.com', '*.data.mcr.microsoft.com'].map((f, i) => ({
    ruleType: 'ApplicationRule', name: `app-${i}`, sourceAddresses: ['10.1.0.0/16'], protocols: [{ protocolType: 'Https', port: 443 }], targetFqdns: [f],
  }));
  const childGroups = [
    group(childPlaceholder, 'team', 200, [
      { ruleCollectionType: 'FirewallPolicyFilterRuleCollection', name: 'east-west', priority: 100, action: { type: 'Allow' }, rules: filler(240, 500 - 240 - aml.length - apps.length) },
      { ruleCollectionType: 'FirewallPolicyFilterRuleCollection', name: 'aml-net', priority: 200, action: { type: 'Allow' }, rules: aml },
    ]),
    group(childPlaceholder, 'apps', 300, [{ ruleCollectionType: 'FirewallPolicyFilterRuleCollection', name: 'aml-app', priority: 100, action: { type: 'Allow' }, rules: apps }]),
  ];
  const child = { ...childPlaceholder, ruleCollectionGroupIds: childGroups.map((g) => g.id) };
  return { policies: [base, child], groups: [...baseGroups, ...childGroups], id: child.id };
}

function estate(withFirewall: boolean): { snapshot: Snapshot; subnets: Subnet[]; firewall: AzureFirewall } {
  const hub = vnet('vnet-hub', ['10.100.0.0/16']);
  const fwSubnet = subnet(hub, 'AzureFirewallSubnet', '10.100.0.0/26');
  const rt = routeTable('rt-to-fw', [route('default', '0.0.0.0/0', 'VirtualAppliance', '10.100.0.4')]);
  const { policies, groups, id } = hubPolicy();
  const firewall: AzureFirewall = {
    id: armId('Microsoft.Network/azureFirewalls', 'fw-hub'), name: 'fw-hub', type: 'Microsoft.Network/azureFirewalls', location: 'westeurope',
    subscriptionId: SUB, resourceGroup: 'rg-net', subnetId: fwSubnet.id, privateIp: '10.100.0.4', firewallPolicyId: id, skuTier: 'Standard',
    classic: { applicationRuleCollections: [], networkRuleCollections: [], natRuleCollections: [] }, additionalProperties: {},
  };
  const created: Subnet[] = [];
  const base = amlEstate({
    computes: (ws, _c) => Array.from({ length: 1000 }, (_, i) => {
      const k = Math.floor(i / 10);
      let s = created[k];
      if (!s) {
        s = subnet(armId('Microsoft.Network/virtualNetworks', 'vnet-c'), `snet-compute-${k}`, `10.1.${k + 1}.0/24`, withFirewall ? { routeTableId: rt.id } : {});
        created[k] = s;
      }
      return compute(ws, `cluster-${i}`, { subnetId: s.id });
    }),
  });
  const parts = base.parts;
  const snapshot = buildSnapshot({
    ...parts,
    vnets: [...(parts.vnets ?? []), hub], subnets: [...(parts.subnets ?? []), ...created, fwSubnet],
    peerings: [...(parts.peerings ?? []), ...peerPair(base.vnetC, hub, { peeringState: 'Connected', allowForwardedTraffic: true }, { peeringState: 'Connected', allowForwardedTraffic: true })],
    routeTables: withFirewall ? [rt] : [], firewalls: [firewall], firewallPolicies: policies, ruleCollectionGroups: groups,
  });
  return { snapshot, subnets: created, firewall };
}

async function run(): Promise<void> {
  const withFw = estate(true);
  const without = estate(false);
  const rules = withFw.snapshot.ruleCollectionGroups.size;
  line('estate', `${withFw.snapshot.computes.size} computes`, `${withFw.subnets.length} compute subnets, hub policy of 500 rules in ${rules} groups (base + child)`);

  const tags = TagIndex.empty();
  const flows: FirewallFlow[] = [];
  for (const c of withFw.snapshot.computes.values()) {
    const s = withFw.snapshot.subnets.get(c.subnetId?.toLowerCase() ?? '');
    const source = { kind: 'cidrs' as const, cidrs: s?.addressPrefixes ?? [] };
    for (const [t, protocol, port] of TAG_ROWS) flows.push({ protocol, source, destination: { kind: 'tag', tag: t }, destinationPort: port });
    for (const [fqdn, protocol, port] of FQDN_ROWS) flows.push({ protocol, source, destination: { kind: 'fqdn', fqdn }, destinationPort: port });
  }
  const counts = { Allow: 0, Deny: 0, Unknown: 0 };
  for (const f of flows) counts[evaluateFirewall(withFw.snapshot, withFw.firewall, f, { tags, assumptions: DEFAULT_ASSUMPTIONS }).access]++;
  const fwOnly = medianMs(5, () => {
    for (const f of flows) evaluateFirewall(withFw.snapshot, withFw.firewall, f, { tags, assumptions: DEFAULT_ASSUMPTIONS });
  });
  line('firewall evaluator alone (median of 5)', fmtMs(fwOnly), `${flows.length} flows (1,000 computes × ${TAG_ROWS.length + FQDN_ROWS.length}), ${Math.round(flows.length / (fwOnly / 1000)).toLocaleString('en')} flows/s; ${counts.Allow} allow / ${counts.Deny} deny / ${counts.Unknown} unknown`);

  let estateOk = true;
  try {
    evaluateEstate(without.snapshot);
  } catch (e) {
    estateOk = false;
    line('whole estate', 'n/a', `evaluateEstate failed: ${(e as Error).message}`);
  }
  if (estateOk) {
    const baseline = medianMs(5, () => evaluateEstate(without.snapshot));
    const full = medianMs(5, () => evaluateEstate(withFw.snapshot));
    const v = evaluateEstate(withFw.snapshot);
    const viaFw = v.computes.reduce((n, c) => n + c.flows.filter((f) => f.decidedBy.layer === 'firewall' || f.trace.some((t) => t.layer === 'firewall')).length, 0);
    line('baseline: same estate, no firewall route', fmtMs(baseline));
    line('whole estate through the hub firewall', fmtMs(full), `target < 500 ms → ${full < 500 ? 'met' : 'NOT met'}; ${viaFw} flows crossed the firewall; +${fmtMs(full - baseline)} over baseline`);
  }
}

/** The `firewall` bench part. */
export const firewallBench = { name: 'firewall', run };
