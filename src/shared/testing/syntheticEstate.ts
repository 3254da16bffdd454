/**
 * Synthetic estates for benches and scale tests: plain ARM JSON shaped like samples/sample-estate.json
 * (children nested as a GET returns them), deterministic from a seed, sized by a few knobs. Every id
 * cross-references: computes sit in real subnets, peerings have their other side, zone links point
 * at real VNets, routes point at the firewall's private IP.
 *
 * Layout: per subscription one workspace with its VNet (snet-pe with five private endpoints,
 * snet-training for compute instances); the remaining VNets are compute VNets peered with their
 * subscription's workspace VNet; with `withFirewall`, the last VNet is a hub with an Azure Firewall
 * that every compute VNet peers with and routes 0.0.0.0/0 to. Deliberate faults, so verdicts are
 * mixed: every 10th compute VNet misses the Key Vault zone link, every 20th has a peering that is
 * only `Initiated`, half the NSGs end with a Deny-Internet-Out rule.
 */
import type { ArmResource } from '../model/snapshotFile';

/** A nested child object (subnet, peering, rule): no `type` of its own, as ARM nests them. */
type Json = Record<string, unknown>;

/** Knobs of a synthetic estate. */
export interface SyntheticEstateOptions {
  /** Azure ML computes (about 80% clusters, 20% compute instances). */
  readonly computes: number;
  /** VNets in all, at least one per subscription (plus one for the hub with a firewall); at most 4,096. */
  readonly vnets: number;
  /** Custom rules per NSG (one NSG per VNet except the hub). */
  readonly nsgRules: number;
  readonly subscriptions: number;
  /** Add a hub VNet with an Azure Firewall and policy, and route compute VNets through it. */
  readonly withFirewall?: boolean;
  readonly seed: number;
}

const REGIONS = ['westeurope', 'northeurope', 'eastus', 'westus2'] as const;
const ZONES = ['privatelink.api.azureml.ms', 'privatelink.notebooks.azure.net', 'privatelink.blob.core.windows.net',
  'privatelink.file.core.windows.net', 'privatelink.vaultcore.azure.net', 'privatelink.azurecr.io'] as const;

/** mulberry32: tiny, fast, good enough for test data, and identical on every platform. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Vnet {
  readonly index: number; readonly id: string; readonly name: string; readonly sub: number; readonly region: string;
  readonly role: 'workspace' | 'compute' | 'hub'; readonly subnets: string[];
}

/** Build the estate. Throws RangeError when the knobs cannot make a consistent estate. */
export function syntheticEstate(o: SyntheticEstateOptions): ArmResource[] {
  const hub = o.withFirewall ? 1 : 0;
  if (o.subscriptions < 1 || o.vnets < o.subscriptions + hub || o.vnets > 4096 || o.computes < 0 || o.nsgRules < 0 || o.nsgRules > 3996) {
    throw new RangeError(`syntheticEstate: need 1 ≤ subscriptions ≤ vnets − ${hub} ≤ ${4096 - hub}, 0 ≤ nsgRules ≤ 3996 (got ${JSON.stringify(o)})`);
  }
  const rand = prng(o.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(rand() * 16).toString(16)).join('');
  const guid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`;
  const out: ArmResource[] = [];

  const subs = Array.from({ length: o.subscriptions }, () => guid());
  const rg = (s: number, name: string) => `/subscriptions/${subs[s]}/resourceGroups/${name}`;
  const net = (s: number) => `${rg(s, 'rg-network')}/providers/Microsoft.Network`;
  const wsRegion = (s: number) => REGIONS[s % REGIONS.length] as string;
  // Each VNet owns a /20 of 10.0.0.0/8; subnet k is its k-th /24.
  const cidr = (v: number, k: number, len: number) => `10.${(v >> 4) & 0xff}.${((v & 0xf) << 4) + k}.0/${len}`;
  const ip = (v: number, k: number, host: number) => `10.${(v >> 4) & 0xff}.${((v & 0xf) << 4) + k}.${host}`;

  const vnets: Vnet[] = Array.from({ length: o.vnets }, (_, i) => {
    const role = i < o.subscriptions ? 'workspace' : hub && i === o.vnets - 1 ? 'hub' : 'compute';
    const sub = role === 'hub' ? 0 : i % o.subscriptions;
    const region = role === 'workspace' ? wsRegion(sub) : role === 'hub' ? (REGIONS[0] as string) : pick(REGIONS);
    const name = `vnet-${role}-${String(i).padStart(4, '0')}`;
    return { index: i, id: `${net(sub)}/virtualNetworks/${name}`, name, sub, region, role, subnets: [] };
  });
  const hubVnet = vnets.find((v) => v.role === 'hub');
  const firewallIp = hubVnet ? ip(hubVnet.index, 0, 4) : undefined;
  const firewallId = `${net(0)}/azureFirewalls/afw-hub`;

  // Workspaces and their dependencies.
  const workspaces = subs.map((_s, s) => {
    const base = `${rg(s, 'rg-ml')}/providers`;
    return {
      id: `${base}/Microsoft.MachineLearningServices/workspaces/mlw-${s}`, guid: guid(),
      storage: `${base}/Microsoft.Storage/storageAccounts/stml${s}`, keyVault: `${base}/Microsoft.KeyVault/vaults/kv-ml-${s}`,
      acr: `${base}/Microsoft.ContainerRegistry/registries/crml${s}`,
    };
  });
  const zoneId = (z: string) => `${net(0)}/privateDnsZones/${z}`;
  const records = new Map<string, [string, string][]>(ZONES.map((z) => [z, []]));
  workspaces.forEach((w, s) => {
    const v = vnets[s] as Vnet;
    const region = v.region;
    const pe = `${v.id}/subnets/snet-pe`;
    const endpoints: [string, string, string, [string, string, string][]][] = [
      ['workspace', w.id, 'amlworkspace', [[ZONES[0], `${w.guid}.workspace.${region}`, ip(v.index, 0, 4)], [ZONES[0], `${w.guid}.workspace.${region}.cert`, ip(v.index, 0, 4)],
        [ZONES[1], `ml-mlw-${s}-${region}-${w.guid}.${region}`, ip(v.index, 0, 5)]]],
      ['blob', w.storage, 'blob', [[ZONES[2], `stml${s}`, ip(v.index, 0, 6)]]],
      ['file', w.storage, 'file', [[ZONES[3], `stml${s}`, ip(v.index, 0, 7)]]],
      ['vault', w.keyVault, 'vault', [[ZONES[4], `kv-ml-${s}`, ip(v.index, 0, 8)]]],
      ['acr', w.acr, 'registry', [[ZONES[5], `crml${s}`, ip(v.index, 0, 9)], [ZONES[5], `crml${s}.${region}.data`, ip(v.index, 0, 10)]]],
    ];
    for (const [suffix, target, group, recs] of endpoints) {
      const id = `${rg(s, 'rg-ml')}/providers/Microsoft.Network/privateEndpoints/pe-${suffix}-${s}`;
      for (const [z, name, addr] of recs) records.get(z)?.push([name, addr]);
      out.push({ id, name: `pe-${suffix}-${s}`, type: 'Microsoft.Network/privateEndpoints', location: region, properties: {
        provisioningState: 'Succeeded', subnet: { id: pe },
        privateLinkServiceConnections: [{ name: `pe-${suffix}-${s}`, id: `${id}/privateLinkServiceConnections/pe-${suffix}-${s}`, properties: {
          privateLinkServiceId: target, groupIds: [group], privateLinkServiceConnectionState: { status: 'Approved', description: 'Auto-Approved', actionsRequired: 'None' } } }],
        manualPrivateLinkServiceConnections: [],
        customDnsConfigs: recs.map(([z, name, addr]) => ({ fqdn: `${name}.${z.replace(/^privatelink\./, '').replace('vaultcore.azure.net', 'vault.azure.net')}`, ipAddresses: [addr] })),
        privateDnsZoneGroups: [{ name: 'default', id: `${id}/privateDnsZoneGroups/default`, properties: {
          privateDnsZoneConfigs: [...new Set(recs.map(([z]) => z))].map((z) => ({ name: z.replace(/\./g, '-'), properties: { privateDnsZoneId: zoneId(z) } })) } }],
      } });
    }
    out.push(
      { id: w.storage, name: `stml${s}`, type: 'Microsoft.Storage/storageAccounts', location: region, kind: 'StorageV2', properties: { publicNetworkAccess: 'Disabled' } },
      { id: w.keyVault, name: `kv-ml-${s}`, type: 'Microsoft.KeyVault/vaults', location: region, properties: { publicNetworkAccess: 'Disabled' } },
      { id: w.acr, name: `crml${s}`, type: 'Microsoft.ContainerRegistry/registries', location: region, properties: { publicNetworkAccess: 'Disabled' } },
      { id: w.id, name: `mlw-${s}`, type: 'Microsoft.MachineLearningServices/workspaces', location: region, properties: {
        workspaceId: w.guid, storageAccount: w.storage, keyVault: w.keyVault, containerRegistry: w.acr, hbiWorkspace: false,
        publicNetworkAccess: 'Disabled', managedNetwork: { isolationMode: 'Disabled' } } },
    );
  });

  // Computes: instances in their workspace VNet, clusters spread over compute VNets (or workspace VNets when there are none).
  const computeVnets = vnets.filter((v) => v.role === 'compute');
  const clusterCount = o.computes - Math.floor(o.computes / 5);
  const perVnet = Math.min(15, Math.max(1, Math.ceil(clusterCount / Math.max(1, computeVnets.length))));
  for (const v of vnets) {
    if (v.role === 'workspace') v.subnets.push('snet-pe', 'snet-training');
    if (v.role === 'compute') for (let k = 0; k < perVnet; k++) v.subnets.push(`snet-compute-${k}`);
    if (v.role === 'hub') v.subnets.push('AzureFirewallSubnet');
  }
  for (let j = 0; j < o.computes; j++) {
    const instance = j % 5 === 4;
    const c = Math.floor(j - Math.floor(j / 5));
    const v = instance || !computeVnets.length ? (vnets[j % o.subscriptions] as Vnet) : (computeVnets[c % computeVnets.length] as Vnet);
    const subnet = instance || v.role === 'workspace' ? 'snet-training' : `snet-compute-${Math.floor(c / computeVnets.length) % perVnet}`;
    const w = workspaces[v.sub] as (typeof workspaces)[number];
    const name = `${instance ? 'ci' : 'cluster'}-${String(j).padStart(5, '0')}`;
    const publicIp = rand() < (instance ? 0.5 : 0.25);
    out.push({ id: `${w.id}/computes/${name}`, name, type: 'Microsoft.MachineLearningServices/workspaces/computes', location: v.region, properties: {
      computeType: instance ? 'ComputeInstance' : 'AmlCompute', computeLocation: v.region, provisioningState: 'Succeeded',
      properties: { subnet: { id: `${v.id}/subnets/${subnet}` }, enableNodePublicIp: publicIp,
        ...(instance ? { vmSize: 'STANDARD_DS3_V2', state: 'Running' } : { vmSize: 'STANDARD_D4S_V3', scaleSettings: { maxNodeCount: 1 + Math.floor(rand() * 16), minNodeCount: 0 } }) },
    } });
  }

  // NSGs, route tables, VNets with nested subnets and peerings.
  const step = Math.max(1, Math.min(10, Math.floor(3996 / Math.max(1, o.nsgRules))));
  const peerings = new Map<number, Json[]>(vnets.map((v) => [v.index, []]));
  const peer = (a: Vnet, b: Vnet, state: string) => peerings.get(a.index)?.push({
    name: `peer-to-${b.name}`, id: `${a.id}/virtualNetworkPeerings/peer-to-${b.name}`, properties: {
      peeringState: state, peeringSyncLevel: 'FullyInSync', remoteVirtualNetwork: { id: b.id }, allowVirtualNetworkAccess: true,
      allowForwardedTraffic: true, allowGatewayTransit: false, useRemoteGateways: false,
      remoteAddressSpace: { addressPrefixes: [cidr(b.index, 0, 20)] } } });
  for (const v of computeVnets) {
    const ws = vnets[v.sub] as Vnet;
    peer(v, ws, 'Connected');
    peer(ws, v, v.index % 20 === 0 ? 'Initiated' : 'Connected');
    if (hubVnet) { peer(v, hubVnet, 'Connected'); peer(hubVnet, v, 'Connected'); }
  }
  for (const v of vnets) {
    const nsgId = `${net(v.sub)}/networkSecurityGroups/nsg-${v.name}`;
    const rtId = `${net(v.sub)}/routeTables/rt-${v.name}`;
    const subnetId = (name: string) => `${v.id}/subnets/${name}`;
    const guarded = v.subnets.filter((n) => n !== 'AzureFirewallSubnet');
    if (v.role !== 'hub') {
      out.push({ id: nsgId, name: `nsg-${v.name}`, type: 'Microsoft.Network/networkSecurityGroups', location: v.region, properties: {
        securityRules: nsgRules(nsgId, o.nsgRules, step, v.index % 2 === 0, rand, pick, wsRegion(v.sub)), subnets: guarded.map((n) => ({ id: subnetId(n) })) } });
    }
    const routed = v.role === 'compute' && firewallIp !== undefined;
    if (routed) {
      out.push({ id: rtId, name: `rt-${v.name}`, type: 'Microsoft.Network/routeTables', location: v.region, properties: {
        disableBgpRoutePropagation: true, subnets: guarded.map((n) => ({ id: subnetId(n) })),
        routes: [{ name: 'default-to-firewall', id: `${rtId}/routes/default-to-firewall`, properties: { addressPrefix: '0.0.0.0/0', nextHopType: 'VirtualAppliance', nextHopIpAddress: firewallIp } }] } });
    }
    out.push({ id: v.id, name: v.name, type: 'Microsoft.Network/virtualNetworks', location: v.region, properties: {
      addressSpace: { addressPrefixes: [cidr(v.index, 0, 20)] }, dhcpOptions: { dnsServers: [] },
      subnets: v.subnets.map((n, k) => ({ name: n, id: subnetId(n), properties: {
        addressPrefix: n === 'AzureFirewallSubnet' ? cidr(v.index, k, 26) : cidr(v.index, k, 24),
        privateEndpointNetworkPolicies: 'Disabled', delegations: [],
        ...(n === 'AzureFirewallSubnet' ? {} : { networkSecurityGroup: { id: nsgId } }),
        ...(routed ? { routeTable: { id: rtId } } : {}) } })),
      virtualNetworkPeerings: peerings.get(v.index) ?? [] } });
  }

  // Private DNS: AML zones linked everywhere but the hub; dependency zones too, except Key Vault in every 10th compute VNet.
  for (const z of ZONES) {
    out.push({ id: zoneId(z), name: z, type: 'Microsoft.Network/privateDnsZones', location: 'global', properties: {} });
    for (const v of vnets) {
      if (v.role === 'hub' || (v.role === 'compute' && z === 'privatelink.vaultcore.azure.net' && v.index % 10 === 0)) continue;
      out.push({ id: `${zoneId(z)}/virtualNetworkLinks/link-${v.name}`, name: `link-${v.name}`, type: 'Microsoft.Network/privateDnsZones/virtualNetworkLinks',
        location: 'global', properties: { virtualNetwork: { id: v.id }, registrationEnabled: false, virtualNetworkLinkState: 'Completed' } });
    }
    for (const [name, addr] of records.get(z) ?? []) {
      out.push({ id: `${zoneId(z)}/A/${name}`, name, type: 'Microsoft.Network/privateDnsZones/A', properties: { ttl: 10, aRecords: [{ ipv4Address: addr }] } });
    }
  }

  if (hubVnet && firewallIp) out.push(...firewall(net(0), firewallId, hubVnet.id, firewallIp));
  return out;
}

const OUT_TAGS = ['AzureMachineLearning', 'BatchNodeManagement.{r}', 'Storage.{r}', 'AzureActiveDirectory', 'AzureResourceManager',
  'AzureFrontDoor.FrontEnd', 'MicrosoftContainerRegistry.{r}', 'Internet', 'VirtualNetwork', '*'];
const IN_SOURCES = ['AzureMachineLearning', 'Internet', 'VirtualNetwork', 'AzureLoadBalancer', '*'];
const PORTS: readonly (readonly string[])[] = [['443'], ['443', '8787', '18881'], ['5831'], ['445'], ['80', '443'], ['1000-2000'], ['*'], ['22'], ['44224']];

function nsgRules(nsgId: string, count: number, step: number, denyInternet: boolean, rand: () => number,
  pick: <T>(xs: readonly T[]) => T, region: string): Json[] {
  return Array.from({ length: count }, (_, k) => {
    const last = denyInternet && k === count - 1;
    const outbound = last || rand() < 0.75;
    const cidr = `${rand() < 0.5 ? 10 : 20}.${Math.floor(rand() * 256)}.${Math.floor(rand() * 256)}.0/24`;
    const remote = rand() < 0.15 ? cidr : (outbound ? pick(OUT_TAGS) : pick(IN_SOURCES)).replace('{r}', region);
    const ports = last ? ['*'] : pick(PORTS);
    const name = last ? 'Deny-Internet-Out' : `rule-${String(k).padStart(4, '0')}`;
    return { name, id: `${nsgId}/securityRules/${name}`, properties: {
      priority: 100 + k * step, direction: outbound ? 'Outbound' : 'Inbound', access: last || rand() < 0.15 ? 'Deny' : 'Allow',
      protocol: last ? '*' : pick(['Tcp', 'Tcp', 'Tcp', 'Udp', '*']), sourcePortRange: '*',
      sourceAddressPrefix: outbound ? 'VirtualNetwork' : remote, destinationAddressPrefix: last ? 'Internet' : outbound ? remote : 'VirtualNetwork',
      ...(ports.length === 1 ? { destinationPortRange: ports[0] } : { destinationPortRanges: ports }) } };
  });
}

function firewall(base: string, id: string, hubVnetId: string, privateIp: string): ArmResource[] {
  const policy = `${base}/firewallPolicies/afwp-hub`;
  const rcg = `${policy}/ruleCollectionGroups/rcg-aml`;
  const pip = `${base}/publicIPAddresses/pip-afw-hub`;
  const net = (name: string, protocols: string[], destinations: string[], ports: string[]) => ({ ruleType: 'NetworkRule', name, ipProtocols: protocols,
    sourceAddresses: ['10.0.0.0/8'], destinationAddresses: destinations, destinationPorts: ports, destinationFqdns: [], sourceIpGroups: [], destinationIpGroups: [] });
  return [
    { id: pip, name: 'pip-afw-hub', type: 'Microsoft.Network/publicIPAddresses', location: REGIONS[0], properties: { ipAddress: '20.0.0.1', publicIPAllocationMethod: 'Static' } },
    { id, name: 'afw-hub', type: 'Microsoft.Network/azureFirewalls', location: REGIONS[0], properties: {
      sku: { name: 'AZFW_VNet', tier: 'Standard' }, firewallPolicy: { id: policy }, provisioningState: 'Succeeded',
      ipConfigurations: [{ name: 'ipconfig', id: `${id}/azureFirewallIpConfigurations/ipconfig`, properties: {
        privateIPAddress: privateIp, subnet: { id: `${hubVnetId}/subnets/AzureFirewallSubnet` }, publicIPAddress: { id: pip } } }],
      applicationRuleCollections: [], networkRuleCollections: [], natRuleCollections: [] } },
    { id: policy, name: 'afwp-hub', type: 'Microsoft.Network/firewallPolicies', location: REGIONS[0], properties: {
      sku: { tier: 'Standard' }, threatIntelMode: 'Alert', dnsSettings: { enableProxy: true }, ruleCollectionGroups: [{ id: rcg }] } },
    { id: rcg, name: 'rcg-aml', type: 'Microsoft.Network/firewallPolicies/ruleCollectionGroups', properties: { priority: 200, ruleCollections: [
      { ruleCollectionType: 'FirewallPolicyFilterRuleCollection', name: 'net-aml', priority: 100, action: { type: 'Allow' }, rules: [
        net('aml', ['TCP'], ['AzureMachineLearning'], ['443', '8787', '18881']),
        net('batch', ['Any'], REGIONS.map((r) => `BatchNodeManagement.${r}`), ['443']),
        net('storage', ['TCP'], REGIONS.map((r) => `Storage.${r}`), ['443']),
        net('entra', ['TCP'], ['AzureActiveDirectory'], ['80', '443']),
        net('arm-afd', ['TCP'], ['AzureResourceManager', 'AzureFrontDoor.FrontEnd'], ['443']),
      ] },
      { ruleCollectionType: 'FirewallPolicyFilterRuleCollection', name: 'app-aml', priority: 200, action: { type: 'Allow' }, rules: [
        { ruleType: 'ApplicationRule', name: 'aml-fqdns', protocols: [{ protocolType: 'Https', port: 443 }], sourceAddresses: ['10.0.0.0/8'],
          targetFqdns: ['*.azureml.ms', '*.azureml.net', 'login.microsoftonline.com', 'management.azure.com', 'mcr.microsoft.com', '*.data.mcr.microsoft.com'] },
      ] },
    ] } },
  ];
}

/** Resources by type (lower case): for bench output and for sizing an estate. */
export function countByType(resources: readonly ArmResource[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of resources) counts[r.type.toLowerCase()] = (counts[r.type.toLowerCase()] ?? 0) + 1;
  return counts;
}
