/**
 * The low-level evaluators on their own (issue 2 §4 performance): 15,000 NSG evaluations against
 * NSGs of 200 rules (cold parse vs warm cache), effective routes of 300 subnets in 300 peered VNets,
 * and 15,000 route lookups with a 3,000-prefix service-tag route in every table. Baseline in the same
 * run: a plain linear scan of the same rules with no matching logic, to show what the parse cache buys.
 */
import { DEFAULT_ASSUMPTIONS } from '../src/shared/engine/assumptions';
import { evaluateNsg, type NsgContext, type NsgFlow } from '../src/shared/engine/nsg/evaluateNsg';
import { effectiveRoutes, lookupRoute } from '../src/shared/engine/routes/effectiveRoutes';
import {
  buildSnapshot, nsg, peerPair, route, routeTable, rule, subnet, vnet,
} from '../src/shared/engine/testing/snapshotBuilder';
import type { NetworkSecurityGroup, SecurityRule } from '../src/shared/model/resources';
import type { ServiceTagData } from '../src/shared/model/serviceTags';
import type { AddressSet } from '../src/shared/net/addressSet';
import { TagIndex } from '../src/shared/servicetags/tagIndex';
import { fmtMs, line, medianMs, timeMs } from './measure';

const FLOWS = 15_000;

function bigNsg(i: number): NetworkSecurityGroup {
  const rules: SecurityRule[] = Array.from({ length: 196 }, (_, k) => rule(`east-west-${k}`, {
    priority: 300 + k * 10, direction: k % 2 ? 'Inbound' : 'Outbound', access: k % 3 ? 'Allow' : 'Deny', protocol: 'Tcp',
    source: `172.${16 + (k % 16)}.${k}.0/24`, destination: `192.168.${k}.0/24`, port: `${1000 + k}-${1100 + k}`,
  }));
  rules.push(
    rule('allow-aml', { priority: 100, direction: 'Outbound', access: 'Allow', destination: 'AzureMachineLearning', destinationPortRanges: ['443', '8787', '18881'] }),
    rule('allow-storage', { priority: 110, direction: 'Outbound', access: 'Allow', destination: 'Storage.WestEurope', port: 443, protocol: 'Tcp' }),
    rule('allow-pe', { priority: 120, direction: 'Outbound', access: 'Allow', destination: '10.0.1.0/24', destinationPortRanges: ['443', '445'] }),
    rule('deny-internet', { priority: 4000, direction: 'Outbound', access: 'Deny', destination: 'Internet' }),
  );
  return nsg(`nsg-${i}`, rules);
}

/** A synthetic AzureCloud-sized tag: 3,000 prefixes. */
function tagData(): ServiceTagData {
  const cloud = Array.from({ length: 3000 }, (_, i) => `${20 + (i % 40)}.${(i * 7) % 256}.${(i * 13) % 256}.0/24`);
  return {
    cloud: 'AzureCloud', source: 'bench',
    tags: [
      { name: 'AzureCloud', region: '', systemService: '', addressPrefixes: cloud },
      { name: 'Storage.WestEurope', region: 'westeurope', systemService: 'AzureStorage', addressPrefixes: cloud.slice(0, 200) },
      { name: 'AzureMachineLearning', region: '', systemService: 'AzureMachineLearning', addressPrefixes: cloud.slice(200, 260) },
    ],
  };
}

const DESTS: AddressSet[] = [
  { kind: 'tag', tag: 'AzureMachineLearning' }, { kind: 'tag', tag: 'Storage.WestEurope' }, { kind: 'ip', ip: '10.0.1.5' },
  { kind: 'tag', tag: 'BatchNodeManagement.westeurope' }, { kind: 'ip', ip: '203.0.113.7' },
];

function runNsg(tags: TagIndex): void {
  const nsgs = Array.from({ length: 300 }, (_, i) => bigNsg(i));
  const prefixes = ['10.1.0.0/16', '10.0.0.0/16', '168.63.129.16/32'];
  const ctx: NsgContext = { tags, virtualNetworkPrefixes: prefixes, asgIds: [], assumptions: DEFAULT_ASSUMPTIONS };
  const flowsFor = (port: number): NsgFlow[] => DESTS.map((destination) => ({ direction: 'Outbound', protocol: 'Tcp', source: { kind: 'cidrs', cidrs: ['10.1.0.0/24'] }, destination, destinationPort: port }));
  const pass = (list: readonly NetworkSecurityGroup[], flows: readonly NsgFlow[]) => () => {
    for (const n of list) for (const f of flows) evaluateNsg(n, 'subnet', 's', f, ctx);
  };
  const label = tags.hasPrefixData ? 'tag data' : 'symbolic';
  const evals = nsgs.length * DESTS.length;
  line(`NSG first pass, ${label}: ${evals} flows, 300 NSGs × 200 rules`, fmtMs(timeMs(pass(nsgs, flowsFor(443))).ms), 'parses every NSG once');
  line(`NSG new flows on parsed NSGs (${evals})`, fmtMs(timeMs(pass(nsgs, flowsFor(8787))).ms), 'rule matching, no memo hit');
  const repeat = medianMs(5, () => { for (let i = 0; i < 10; i++) pass(nsgs, flowsFor(443))(); });
  line(`NSG repeated flows (${evals * 10}, memo hits)`, fmtMs(repeat));
  // What-if: one rule edited → a new NSG record sharing the other 199 rule records.
  const first = nsgs[0] as NetworkSecurityGroup;
  const edited = { ...first, securityRules: first.securityRules.map((r, i) => (i === 0 ? { ...r, access: r.access === 'Allow' ? 'Deny' as const : 'Allow' as const } : r)) };
  line('NSG after one rule edit (that NSG, 5 flows)', fmtMs(timeMs(pass([edited], flowsFor(443))).ms), 'target < 16 ms for a one-rule re-evaluation');
  const scan = medianMs(5, () => {
    let n = 0;
    for (const g of nsgs) for (let k = 0; k < DESTS.length; k++) for (const r of g.securityRules) if (r.priority > 0) n++;
    if (n < 0) throw new Error('unreachable');
  });
  line(`baseline: bare loop over the same rules (${evals} × 200)`, fmtMs(scan), '(no matching at all)');
}

function runRoutes(tags: TagIndex): void {
  const vnets = Array.from({ length: 300 }, (_, i) => vnet(`vnet-${i}`, [`10.${i % 250}.${Math.floor(i / 250) * 128}.0/17`]));
  const rt = routeTable('rt-hub', [route('default', '0.0.0.0/0', 'VirtualAppliance', '10.0.100.4'), route('cloud', 'AzureCloud', 'Internet'), route('aml', 'AzureMachineLearning', 'Internet')]);
  const subnets = vnets.map((v, i) => subnet(v, 'compute', v.addressPrefixes[0] as string, i % 2 ? { routeTableId: rt.id } : {}));
  const hub = vnets[0] as typeof vnets[number];
  const peerings = vnets.slice(1).flatMap((v) => peerPair(v, hub));
  const snap = buildSnapshot({ vnets, subnets, peerings, routeTables: [rt] });
  const ctx = { tags, assumptions: DEFAULT_ASSUMPTIONS };
  const tables = timeMs(() => subnets.map((s) => effectiveRoutes(snap, s.id, ctx)));
  line('effectiveRoutes for 300 subnets (300 VNets, hub peering)', fmtMs(tables.ms));
  const lookups = medianMs(5, () => {
    for (let i = 0; i < FLOWS; i++) lookupRoute(tables.value[i % tables.value.length]?.routes ?? [], DESTS[i % DESTS.length] as AddressSet, ctx);
  });
  line(`lookupRoute ×${FLOWS} (${tags.hasPrefixData ? '3,000-prefix tag route, data' : 'symbolic'})`, fmtMs(lookups), `${Math.round(FLOWS / (lookups / 1000)).toLocaleString('en')} lookups/s`);
}

export const evaluatorsBench = {
  name: 'evaluators',
  run: async (): Promise<void> => {
    runNsg(TagIndex.empty());
    runNsg(TagIndex.from(tagData()));
    runRoutes(TagIndex.empty());
    runRoutes(TagIndex.from(tagData()));
    line('target', '< 500 ms', 'whole engine, ~15,000 flows over 300 VNets');
  },
};
