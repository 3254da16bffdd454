/**
 * Ingest throughput (issue 2 §2): ~10,000 ARM resources, children nested as ARM returns them, through
 * detection + validation + normalization + back-references + checks. Target: well under 100 ms.
 * Baseline in the same run: JSON.parse of the same estate's text (the floor any ingest pays).
 */
import { buildSnapshot, ingest, toSnapshotFile } from '../src/shared/ingest';
import { fmtMs, line, medianMs, timeMs } from './measure';

const SUB = '00000000-0000-0000-0000-00000000000';

/** A synthetic estate: per unit one VNet (4 subnets, 1 peering), NSG (20 rules), route table, 3 NICs, PE, zone link, compute. */
/** Exposed for profiling. */
export function estateForProfile(units: number, rules = 20): unknown[] {
  return estate(units, rules);
}

function estate(units: number, rules = 20): unknown[] {
  const out: unknown[] = [];
  for (let u = 0; u < units; u++) {
    const rg = `/subscriptions/${SUB}${u % 10}/resourceGroups/rg${u}/providers`;
    const vnet = `${rg}/Microsoft.Network/virtualNetworks/vnet${u}`;
    const nsg = `${rg}/Microsoft.Network/networkSecurityGroups/nsg${u}`;
    const rt = `${rg}/Microsoft.Network/routeTables/rt${u}`;
    const b = (u % 250) + 1;
    const subnets = [0, 1, 2, 3].map((s) => ({
      name: `snet${s}`, id: `${vnet}/subnets/snet${s}`,
      properties: { addressPrefix: `10.${b}.${s}.0/24`, networkSecurityGroup: { id: nsg }, ...(s === 0 ? { routeTable: { id: rt } } : {}) },
    }));
    out.push({ id: vnet, name: `vnet${u}`, type: 'Microsoft.Network/virtualNetworks', location: 'westeurope', properties: {
      addressSpace: { addressPrefixes: [`10.${b}.0.0/16`] }, subnets,
      virtualNetworkPeerings: [{ name: 'p', id: `${vnet}/virtualNetworkPeerings/p`, properties: { remoteVirtualNetwork: { id: `${rg}/Microsoft.Network/virtualNetworks/vnet${(u + 1) % units}` }, peeringState: 'Connected' } }],
    } });
    out.push({ id: nsg, name: `nsg${u}`, type: 'Microsoft.Network/networkSecurityGroups', location: 'westeurope', properties: {
      securityRules: Array.from({ length: rules }, (_, r) => ({ name: `r${r}`, id: `${nsg}/securityRules/r${r}`, properties: {
        priority: 100 + r * 10, direction: r % 2 ? 'Inbound' : 'Outbound', access: r % 3 ? 'Allow' : 'Deny', protocol: 'Tcp',
        sourceAddressPrefix: '*', destinationAddressPrefixes: [`10.${r}.0.0/16`, '192.168.0.0/16'], sourcePortRange: '*', destinationPortRange: `${1000 + r}`,
      } })),
    } });
    out.push({ id: rt, name: `rt${u}`, type: 'Microsoft.Network/routeTables', location: 'westeurope', properties: {
      routes: [{ name: 'default', properties: { addressPrefix: '0.0.0.0/0', nextHopType: 'VirtualAppliance', nextHopIpAddress: '10.0.0.4' } }],
    } });
    for (let n = 0; n < 3; n++) {
      out.push({ id: `${rg}/Microsoft.Network/networkInterfaces/nic${u}-${n}`, name: `nic${u}-${n}`, type: 'Microsoft.Network/networkInterfaces', location: 'westeurope', properties: {
        ipConfigurations: [{ name: 'ipconfig1', id: `${rg}/Microsoft.Network/networkInterfaces/nic${u}-${n}/ipConfigurations/ipconfig1`, properties: { privateIPAddress: `10.${b}.1.${n + 4}`, subnet: { id: subnets[1]?.id } } }],
      } });
    }
    out.push({ id: `${rg}/Microsoft.Network/privateEndpoints/pe${u}`, name: `pe${u}`, type: 'Microsoft.Network/privateEndpoints', location: 'westeurope', properties: {
      subnet: { id: subnets[2]?.id }, privateLinkServiceConnections: [{ name: 'c', properties: { privateLinkServiceId: `${rg}/Microsoft.Storage/storageAccounts/st${u}`, groupIds: ['blob'], privateLinkServiceConnectionState: { status: 'Approved' } } }],
    } });
    out.push({ id: `${rg}/Microsoft.MachineLearningServices/workspaces/ws${u}/computes/c`, name: 'c', type: 'Microsoft.MachineLearningServices/workspaces/computes', location: 'westeurope', properties: {
      computeType: 'AmlCompute', properties: { subnet: { id: subnets[0]?.id }, scaleSettings: { maxNodeCount: 4 } },
    } });
    out.push({ id: `${rg}/Microsoft.MachineLearningServices/workspaces/ws${u}`, name: `ws${u}`, type: 'Microsoft.MachineLearningServices/workspaces', location: 'westeurope', properties: {} });
  }
  return out;
}

async function run(): Promise<void> {
  const resources = estate(1250);
  const text = JSON.stringify(resources);
  const { value: first, ms: coldMs } = timeMs(() => ingest(resources, { fileName: 'synthetic.json' }));
  const children = first.subnets.size + first.peerings.size + [...first.nsgs.values()].reduce((n, x) => n + x.securityRules.length, 0);
  line('estate', `${resources.length} resources`, `+ ${children} nested children, ${(text.length / 1e6).toFixed(1)} MB of JSON`);
  line('first ingest (cold: schema compilation, JIT)', fmtMs(coldMs));
  const detect = medianMs(5, () => toSnapshotFile(resources, { fileName: 'synthetic.json' }));
  const file = toSnapshotFile(resources, { fileName: 'synthetic.json' });
  const build = medianMs(5, () => buildSnapshot(file));
  const cpu0 = process.cpuUsage();
  const whole = medianMs(5, () => ingest(resources, { fileName: 'synthetic.json' }));
  const cpu = process.cpuUsage(cpu0);
  const parse = medianMs(5, () => JSON.parse(text));
  line('detect + envelope check (median of 5)', fmtMs(detect));
  line('buildSnapshot (median of 5)', fmtMs(build));
  line('ingest, parsed value → Snapshot (median of 5)', fmtMs(whole), `target well under 100 ms → ${whole < 100 ? 'met' : 'NOT met'}`);
  line('  CPU time per ingest (6 runs averaged)', fmtMs((cpu.user + cpu.system) / 6000), 'wall time suffers first when the machine is shared');
  line('baseline: JSON.parse of the same text', fmtMs(parse), `ingest = ${(whole / parse).toFixed(1)} × JSON.parse`);
  const small = estate(100);
  const smallMs = medianMs(5, () => ingest(small, { fileName: 'small.json' }));
  line(`small estate (${small.length} resources)`, fmtMs(smallMs));
}

/** Bench part: ingest of ~10,000 resources. */
export const ingestBench = { name: 'ingest', run };
