/**
 * The Azure ML worked cases of semantics §7.4 (M1–M22) and the DNS cases of §7.3 that need the
 * whole engine, each asserting the verdict and the deciding layer/rule. M17 (RBAC of the deploying
 * identity) is not visible in network configuration and is not modelled.
 */
import { describe, expect, it } from 'vitest';
import type { Compute, Subnet } from '../model/resources';
import type { Snapshot } from '../model/snapshot';
import { DEFAULT_ASSUMPTIONS } from './assumptions';
import { evaluateEstate } from './evaluateEstate';
import { ACR_ID, KEYVAULT_ID, STORAGE_ID, amlEstate, snapshotOf, zoneFor } from './testing/amlEstate';
import { compute, nic, nsg, privateEndpoint, route, routeTable, rule, subnet, vnet, workspace, buildSnapshot } from './testing/snapshotBuilder';
import type { ComputeVerdict, FlowVerdict } from './verdict';

function only(s: Snapshot, name?: string): ComputeVerdict {
  const v = evaluateEstate(s);
  const c = name ? v.computes.find((x) => x.name === name) : v.computes[0];
  if (!c) throw new Error(`no compute ${name ?? ''}`);
  return c;
}
function flow(c: ComputeVerdict, requirement: string, port: number, protocol?: string, peer?: string): FlowVerdict {
  const f = c.flows.find((x) => x.requirement === requirement && x.port === port && (!protocol || x.protocol === protocol) && (!peer || x.peer === peer));
  if (!f) throw new Error(`no flow ${requirement}/${port} in ${c.flows.map((x) => `${x.requirement}/${x.port}`).join(' ')}`);
  return f;
}
function check(c: ComputeVerdict, id: string) {
  const k = c.checks.find((x) => x.id === id);
  if (!k) throw new Error(`no check ${id} in ${c.checks.map((x) => x.id).join(' ')}`);
  return k;
}
function withSubnetNsg(sub: Subnet, nsgId: string): Subnet {
  return { ...sub, nsgId };
}

/** A public-IP cluster in VNet-C (M1 setup). */
function publicCluster(extra: { computeSubnet?: (s: Subnet) => Subnet } = {}) {
  const e = amlEstate({ computes: (ws, cs) => [compute(ws, 'cluster1', { subnetId: cs.id, enableNodePublicIp: true })] });
  const cs = extra.computeSubnet ? extra.computeSubnet(e.computeSubnet) : e.computeSubnet;
  return { e, cs };
}

describe('§7.4 inbound 44224 and asymmetric routing', () => {
  it('M1: public-IP cluster, auto NSG, no UDR → I1 allowed by the auto NSG rule', () => {
    const { e } = publicCluster();
    const f = flow(only(snapshotOf(e.parts)), 'I1', 44224);
    expect(f.status).toBe('allowed');
    expect(f.decidedBy.layer).toBe('nsg');
    expect(f.decidedBy.priority).toBe(DEFAULT_ASSUMPTIONS.autoNsgRulePriority);
  });

  it('two public-IP clusters in one subnet: each flow points at its own compute\'s auto NSG', () => {
    // Computes of one subnet and profile share their flows, but the auto NSG is one per compute.
    const e = amlEstate({ computes: (ws, cs) => ['cluster1', 'cluster2'].map((n) => compute(ws, n, { subnetId: cs.id, enableNodePublicIp: true })) });
    const v = evaluateEstate(snapshotOf(e.parts));
    expect(v.computes).toHaveLength(2);
    for (const c of v.computes) {
      const i1 = flow(c, 'I1', 44224);
      expect(i1.decidedBy.resourceId?.startsWith(`${c.id}/`)).toBe(true);
      const autoRefs = c.flows.flatMap((f) => f.trace).map((t) => t.resourceId ?? '').filter((id) => id.includes('/providers/VNetLens/autoNsg'));
      expect(autoRefs.length).toBeGreaterThan(0);
      expect(autoRefs.every((id) => id.startsWith(`${c.id}/`))).toBe(true);
    }
  });

  it('a public-IP cluster that shares a subnet gets exactly the flows it has alone', () => {
    // Its flows come from the first cluster's, pointed at its own auto NSG: they must be what
    // evaluating it without the other would give, step for step.
    const both = amlEstate({ computes: (ws, cs) => ['cluster1', 'cluster2'].map((n) => compute(ws, n, { subnetId: cs.id, enableNodePublicIp: true })) });
    const alone = amlEstate({ computes: (ws, cs) => [compute(ws, 'cluster2', { subnetId: cs.id, enableNodePublicIp: true })] });
    expect(only(snapshotOf(both.parts), 'cluster2').flows).toEqual(only(snapshotOf(alone.parts), 'cluster2').flows);
  });

  it('M2: a subnet NSG that denies Internet inbound blocks I1 at that rule', () => {
    const deny = nsg('nsg-c', [rule('DenyInternetIn', { priority: 100, direction: 'Inbound', access: 'Deny', source: 'Internet' })]);
    const { e, cs } = publicCluster({ computeSubnet: (s) => withSubnetNsg(s, deny.id) });
    const f = flow(only(snapshotOf(e.parts, { subnets: [e.peSubnet, e.wsSubnet, cs], nsgs: [deny] })), 'I1', 44224);
    expect(f.status).toBe('blocked');
    expect(f.decidedBy).toMatchObject({ layer: 'nsg', name: 'DenyInternetIn', priority: 100, resourceId: deny.id });
  });

  const fw = route('default-to-fw', '0.0.0.0/0', 'VirtualAppliance', '10.0.100.4');
  it('M3: 0.0.0.0/0 to a firewall → I1 blocked by asymmetric return', () => {
    const rt = routeTable('rt-c', [fw]);
    const { e, cs } = publicCluster({ computeSubnet: (s) => ({ ...s, routeTableId: rt.id }) });
    const f = flow(only(snapshotOf(e.parts, { subnets: [e.peSubnet, e.wsSubnet, cs], routeTables: [rt] })), 'I1', 44224);
    expect(f.status).toBe('blocked');
    expect(f.decidedBy.layer).toBe('asymmetry');
    expect(f.decidedBy.name).toBe('default-to-fw');
  });

  it('M4: M3 + AzureMachineLearning → Internet route → I1 allowed', () => {
    const rt = routeTable('rt-c', [fw, route('aml-internet', 'AzureMachineLearning', 'Internet')]);
    const { e, cs } = publicCluster({ computeSubnet: (s) => ({ ...s, routeTableId: rt.id }) });
    const f = flow(only(snapshotOf(e.parts, { subnets: [e.peSubnet, e.wsSubnet, cs], routeTables: [rt] })), 'I1', 44224);
    expect(f.status).toBe('allowed');
  });

  it('M5: M3 + only BatchNodeManagement.westeurope → Internet → still asymmetric', () => {
    const rt = routeTable('rt-c', [fw, route('batch-internet', 'BatchNodeManagement.westeurope', 'Internet')]);
    const { e, cs } = publicCluster({ computeSubnet: (s) => ({ ...s, routeTableId: rt.id }) });
    const f = flow(only(snapshotOf(e.parts, { subnets: [e.peSubnet, e.wsSubnet, cs], routeTables: [rt] })), 'I1', 44224);
    expect(f.status).toBe('blocked');
    expect(f.decidedBy.layer).toBe('asymmetry');
  });

  it('M6: no-public-IP cluster has no inbound requirement', () => {
    const e = amlEstate();
    const c = only(snapshotOf(e.parts));
    expect(c.flows.filter((f) => f.direction === 'Inbound')).toEqual([]);
  });
});

describe('§7.4 outbound service tags (M7, M8, M20)', () => {
  const rules = (withUdp: boolean) => [
    rule('AllowAmlTcp', { priority: 100, direction: 'Outbound', access: 'Allow', protocol: 'Tcp', destination: 'AzureMachineLearning', destinationPortRanges: ['443', '8787', '18881'] }),
    ...(withUdp ? [rule('AllowAmlUdp', { priority: 105, direction: 'Outbound', access: 'Allow', protocol: 'Udp', destination: 'AzureMachineLearning', port: 5831 })] : []),
    rule('AllowBatch', { priority: 110, direction: 'Outbound', access: 'Allow', destination: 'BatchNodeManagement.westeurope', port: 443 }),
    rule('AllowStorage', { priority: 120, direction: 'Outbound', access: 'Allow', protocol: 'Tcp', destination: 'Storage.westeurope', port: 443 }),
    rule('DenyInternetOut', { priority: 200, direction: 'Outbound', access: 'Deny', destination: 'Internet' }),
  ];
  const estate = (withUdp: boolean) => {
    const e = amlEstate();
    const n = nsg('nsg-c', rules(withUdp));
    return snapshotOf(e.parts, { subnets: [e.peSubnet, e.wsSubnet, withSubnetNsg(e.computeSubnet, n.id)], nsgs: [n] });
  };

  it('M7: O1–O3 all allowed by their allow rules', () => {
    const c = only(estate(true));
    expect(flow(c, 'O1', 443).decidedBy).toMatchObject({ layer: 'nsg', name: 'AllowAmlTcp', priority: 100 });
    expect(flow(c, 'O1', 5831, 'Udp').decidedBy).toMatchObject({ layer: 'nsg', name: 'AllowAmlUdp' });
    expect(flow(c, 'O2', 443).status).toBe('allowed');
    expect(flow(c, 'O3', 443).decidedBy).toMatchObject({ name: 'AllowStorage', priority: 120 });
    for (const f of c.flows.filter((x) => ['O1', 'O2', 'O3'].includes(x.requirement))) expect(f.status).toBe('allowed');
  });

  it('M8: without the UDP 5831 rule, O1/UDP 5831 is blocked by the Internet deny', () => {
    const f = flow(only(estate(false)), 'O1', 5831, 'Udp');
    expect(f.status).toBe('blocked');
    expect(f.decidedBy).toMatchObject({ layer: 'nsg', name: 'DenyInternetOut', priority: 200 });
  });

  it('M20: private subnet without NAT or firewall → NoOutboundConnectivity', () => {
    const e = amlEstate();
    const s = snapshotOf(e.parts, { subnets: [e.peSubnet, e.wsSubnet, { ...e.computeSubnet, defaultOutboundAccess: false }] });
    const c = only(s);
    const f = flow(c, 'O1', 443);
    expect(f.status).toBe('blocked');
    expect(f.decidedBy.layer).toBe('outbound');
    expect(check(c, 'outbound-connectivity').status).toBe('fail');
  });

  it('R16 in context: a NAT gateway gives the private subnet a way out', () => {
    const e = amlEstate();
    const s = snapshotOf(e.parts, { subnets: [e.peSubnet, e.wsSubnet, { ...e.computeSubnet, defaultOutboundAccess: false, natGatewayId: '/subscriptions/x/resourceGroups/r/providers/Microsoft.Network/natGateways/nat' }] });
    const c = only(s);
    expect(flow(c, 'O1', 443).status).toBe('allowed');
    expect(check(c, 'outbound-connectivity').status).toBe('pass');
  });
});

describe('§7.4 subnet prerequisites (M9–M12, M18)', () => {
  it('M9: a delegated subnet fails subnet-not-delegated', () => {
    const e = amlEstate();
    const s = snapshotOf(e.parts, { subnets: [e.peSubnet, e.wsSubnet, { ...e.computeSubnet, delegations: ['Microsoft.ContainerInstance/containerGroups'] }] });
    expect(check(only(s), 'subnet-not-delegated').status).toBe('fail');
  });

  it('M10: /28 (11 usable) and a cluster of max 12 nodes fails subnet-capacity', () => {
    const e = amlEstate({ computes: (ws, cs) => [compute(ws, 'big', { subnetId: cs.id, maxNodes: 12 })] });
    const s = snapshotOf(e.parts, { subnets: [e.peSubnet, e.wsSubnet, { ...e.computeSubnet, addressPrefixes: ['10.1.0.0/28'] }] });
    const k = check(only(s), 'subnet-capacity');
    expect(k.status).toBe('fail');
    expect(k.message).toMatch(/12 addresses needed.*11 usable/);
  });

  it('M11: /27 (27 usable) with 2 CIs + a 20-node cluster + 4 PEs (26) passes', () => {
    const vnetX = vnet('vnet-x', ['10.2.0.0/16']);
    const sx = subnet(vnetX, 'snet-x', '10.2.0.0/27');
    const ws = workspace('mlw2');
    const pes = [1, 2, 3, 4].map((i) => privateEndpoint(`pe${i}`, sx, `10.2.0.${10 + i}`));
    const s = buildSnapshot({
      vnets: [vnetX], subnets: [sx], workspaces: [ws], privateEndpoints: pes,
      computes: [
        compute(ws, 'ci1', { subnetId: sx.id, computeType: 'ComputeInstance', maxNodes: 1 }),
        compute(ws, 'ci2', { subnetId: sx.id, computeType: 'ComputeInstance', maxNodes: 1 }),
        compute(ws, 'cl', { subnetId: sx.id, maxNodes: 20 }),
      ],
    });
    const k = check(only(s, 'cl'), 'subnet-capacity');
    expect(k.status).not.toBe('fail');
    expect(k.message).toMatch(/26 addresses needed.*27 usable/);
  });

  it('M12: a compute instance in VNet-C (not the workspace VNet) or another region is unsupported', () => {
    const inC = amlEstate({ computes: (ws, cs) => [compute(ws, 'ci', { subnetId: cs.id, computeType: 'ComputeInstance', maxNodes: 1 })] });
    expect(check(only(snapshotOf(inC.parts)), 'compute-instance-location').status).toBe('fail');
    const otherRegion = amlEstate({ computes: (ws, _cs, wsSub) => [compute(ws, 'ci', { subnetId: wsSub.id, computeType: 'ComputeInstance', maxNodes: 1, computeLocation: 'northeurope' })] });
    expect(check(only(snapshotOf(otherRegion.parts)), 'compute-instance-location').status).toBe('fail');
    const ok = amlEstate({ computes: (ws, _cs, wsSub) => [compute(ws, 'ci', { subnetId: wsSub.id, computeType: 'ComputeInstance', maxNodes: 1 })] });
    expect(check(only(snapshotOf(ok.parts)), 'compute-instance-location').status).toBe('pass');
  });

  it('M18: a managed-network workspace rejects customer-VNet compute', () => {
    const e = amlEstate();
    const s = snapshotOf(e.parts, { workspaces: [{ ...e.ws, isolationMode: 'AllowOnlyApprovedOutbound' }] });
    expect(check(only(s), 'managed-network').status).toBe('fail');
  });
});

describe('§7.4 cross-VNet compute and private endpoints (M13–M16, M19)', () => {
  it('M13: peered VNet-C with both AML zones linked and dependencies reachable → OK', () => {
    const c = only(snapshotOf(amlEstate().parts));
    expect(check(c, 'peering-connected').status).toBe('pass');
    expect(check(c, 'dns-zone-linked:privatelink.api.azureml.ms').status).toBe('pass');
    expect(check(c, 'dns-zone-linked:privatelink.notebooks.azure.net').status).toBe('pass');
    expect(check(c, 'workspace-reachable').status).toBe('pass');
    for (const d of ['storage', 'keyvault', 'acr']) expect(check(c, `dependency-reachable:${d}`).status).toBe('pass');
    const ws = c.flows.find((f) => f.requirement === 'O12' && f.peerResourceId?.endsWith('pe-ws'));
    expect(ws?.status).toBe('allowed');
  });

  it('M14: notebooks zone not linked to VNet-C → DNS fail for the workspace', () => {
    const e = amlEstate();
    const zones = e.zones.map((z) => (z.zoneName === 'privatelink.notebooks.azure.net' ? { ...z, links: z.links.filter((l) => !l.vnetId.endsWith('vnet-c')) } : z));
    const c = only(snapshotOf(e.parts, { dnsZones: zones }));
    expect(check(c, 'dns-zone-linked:privatelink.notebooks.azure.net').status).toBe('fail');
    const f = c.flows.find((x) => x.requirement === 'O12' && x.peer === e.ws.id);
    expect(f?.status).toBe('blocked');
    expect(f?.decidedBy.layer).toBe('dns');
    expect(check(c, 'workspace-reachable').status).toBe('fail');
  });

  it('M15: VNet-C with its own workspace and dependency PEs, no peering → OK', () => {
    const vnetC = vnet('vnet-c', ['10.1.0.0/16']);
    const cs = subnet(vnetC, 'snet-compute', '10.1.0.0/24');
    const pe = subnet(vnetC, 'snet-pe', '10.1.1.0/24');
    const ws = workspace('mlw', { storageAccountId: STORAGE_ID, keyVaultId: KEYVAULT_ID, containerRegistryId: ACR_ID, publicNetworkAccess: 'Disabled' });
    const pes = [
      privateEndpoint('pe-ws', pe, '10.1.1.5', ws.id, 'amlworkspace'),
      privateEndpoint('pe-blob', pe, '10.1.1.7', STORAGE_ID, 'blob'),
      privateEndpoint('pe-file', pe, '10.1.1.8', STORAGE_ID, 'file'),
      privateEndpoint('pe-kv', pe, '10.1.1.9', KEYVAULT_ID, 'vault'),
      privateEndpoint('pe-acr', pe, '10.1.1.10', ACR_ID, 'registry'),
    ];
    const zones = [
      zoneFor('privatelink.api.azureml.ms', { ws: ['10.1.1.5'] }, [vnetC]),
      zoneFor('privatelink.notebooks.azure.net', { nb: ['10.1.1.5'] }, [vnetC]),
      zoneFor('privatelink.blob.core.windows.net', { stml: ['10.1.1.7'] }, [vnetC]),
      zoneFor('privatelink.file.core.windows.net', { stml: ['10.1.1.8'] }, [vnetC]),
      zoneFor('privatelink.vaultcore.azure.net', { 'kv-ml': ['10.1.1.9'] }, [vnetC]),
      zoneFor('privatelink.azurecr.io', { crml: ['10.1.1.10'] }, [vnetC]),
    ];
    const s = buildSnapshot({ vnets: [vnetC], subnets: [cs, pe], workspaces: [ws], privateEndpoints: pes, dnsZones: zones, computes: [compute(ws, 'cl', { subnetId: cs.id })] });
    const c = only(s);
    expect(c.checks.find((k) => k.id === 'peering-connected')).toBeUndefined();
    expect(c.checks.filter((k) => k.status === 'fail')).toEqual([]);
    expect(c.flows.filter((f) => f.requirement === 'O12' || f.requirement === 'P9').every((f) => f.status === 'allowed')).toBe(true);
  });

  it('M16: storage PE subnet with NSG policies on, denying 445 from VNet-C → P9 blocked', () => {
    const e = amlEstate();
    const deny = nsg('nsg-pe', [rule('Deny445FromC', { priority: 100, direction: 'Inbound', access: 'Deny', source: '10.1.0.0/16', port: 445 })]);
    const peSubnet = { ...e.peSubnet, nsgId: deny.id, privateEndpointNetworkPolicies: 'Enabled' as const };
    const c = only(snapshotOf(e.parts, { subnets: [peSubnet, e.wsSubnet, e.computeSubnet], nsgs: [deny] }));
    const f = flow(c, 'P9', 445);
    expect(f.status).toBe('blocked');
    expect(f.decidedBy).toMatchObject({ layer: 'nsg', name: 'Deny445FromC', resourceId: deny.id });
    expect(check(c, 'dependency-reachable:storage').status).toBe('fail');
  });

  it('§1.7: the same NSG is ignored while network policies are Disabled', () => {
    const e = amlEstate();
    const deny = nsg('nsg-pe', [rule('Deny445FromC', { priority: 100, direction: 'Inbound', access: 'Deny', source: '10.1.0.0/16', port: 445 })]);
    const c = only(snapshotOf(e.parts, { subnets: [{ ...e.peSubnet, nsgId: deny.id }, e.wsSubnet, e.computeSubnet], nsgs: [deny] }));
    expect(flow(c, 'P9', 445).status).toBe('allowed');
  });

  it('M19: serverless without public IP, IP allow list, no workspace PE → blocked', () => {
    const vnetC = vnet('vnet-c', ['10.1.0.0/16']);
    const cs = subnet(vnetC, 'snet', '10.1.0.0/24');
    const ws = workspace('mlw', { ipAllowlist: ['203.0.113.0/24'], serverless: { subnetId: cs.id, noPublicIp: true } });
    const c = only(buildSnapshot({ vnets: [vnetC], subnets: [cs], workspaces: [ws] }));
    expect(c.kind).toBe('Serverless');
    expect(c.id).toBe(`${ws.id}/serverless`);
    const f = c.flows.find((x) => x.requirement === 'O12' && x.peer === ws.id);
    expect(f?.status).toBe('blocked');
    expect(f?.decidedBy.layer).toBe('privateEndpoint');
  });

  it('P1/P3 in context: peering only Initiated → workspace flow blocked at peering, check fails', () => {
    const e = amlEstate();
    const peerings = (e.parts.peerings ?? []).map((p) => ({ ...p, peeringState: p.vnetId.endsWith('vnet-w') ? 'Initiated' : 'Disconnected' }));
    const c = only(snapshotOf(e.parts, { peerings }));
    expect(check(c, 'peering-connected').status).toBe('fail');
    const f = c.flows.find((x) => x.requirement === 'O12' && x.peer === e.ws.id);
    expect(f?.decidedBy.layer).toBe('peering');
    expect(f?.status).toBe('blocked');
  });

  it('unknown, not guessed: a peer VNet in an unreadable subscription makes the path unknown', () => {
    const e = amlEstate();
    const s = snapshotOf(e.parts, {
      vnets: [e.vnetC], peerings: (e.parts.peerings ?? []).filter((p) => p.vnetId.endsWith('vnet-c')),
      missing: [{ kind: 'resource', resourceId: e.vnetW.id, reason: '403 AuthorizationFailed' }],
    });
    const f = only(s).flows.find((x) => x.requirement === 'O12' && x.peer === e.ws.id);
    expect(f?.status).toBe('unknown');
  });
});

describe('a compute whose subnet is not in the snapshot', () => {
  it('gets unknown flows and a warning check, never red or green', () => {
    const e = amlEstate();
    const c = only(snapshotOf(e.parts, { subnets: [e.peSubnet, e.wsSubnet] }));
    expect(c.flows.length).toBeGreaterThan(0);
    expect(c.flows.every((f) => f.status === 'unknown')).toBe(true);
    expect(check(c, 'subnet-readable').status).toBe('warn');
  });
});

describe('§7.3 DNS through the engine', () => {
  it('D1: VNet linked to the zone with the record → the name resolves to the PE IP', () => {
    const f = only(snapshotOf(amlEstate().parts)).flows.find((x) => x.requirement === 'O12' && x.peer === STORAGE_ID);
    expect(f?.status).toBe('allowed');
    const dns = f?.trace.find((t) => t.layer === 'dns');
    expect(dns?.outcome).toBe('pass');
    expect(dns?.detail).toMatch(/10\.0\.1\.7/);
  });

  it('D2: zone linked only to VNet-W → clients in peered VNet-C get the public answer', () => {
    const e = amlEstate({ linkCompute: false });
    const c = only(snapshotOf(e.parts));
    const f = c.flows.find((x) => x.requirement === 'O12' && x.peer === STORAGE_ID);
    expect(f?.decidedBy.layer).toBe('dns');
    expect(f?.status).not.toBe('allowed');
    expect(f?.explanation).toMatch(/public endpoint/);
    expect(check(c, 'dns-zone-linked:privatelink.blob.core.windows.net').status).toBe('fail');
  });

  it('D3: zone linked to VNet-C without a record for the PE → NXDOMAIN blocks', () => {
    const e = amlEstate();
    const zones = e.zones.map((z) => (z.zoneName === 'privatelink.blob.core.windows.net' ? { ...z, aRecords: {} } : z));
    const f = only(snapshotOf(e.parts, { dnsZones: zones })).flows.find((x) => x.requirement === 'O12' && x.peer === STORAGE_ID);
    expect(f?.status).toBe('blocked');
    expect(f?.decidedBy.layer).toBe('dns');
    expect(f?.explanation).toMatch(/NXDOMAIN/);
  });

  it('D4: custom DNS server in VNet-W resolves through the zones linked to VNet-W', () => {
    const e = amlEstate({ linkCompute: false });
    const vnetC = { ...e.vnetC, dnsServers: ['10.0.2.4'] };
    const c = only(snapshotOf(e.parts, { vnets: [e.vnetW, vnetC] }));
    expect(check(c, 'workspace-reachable').status).toBe('pass');
    expect(check(c, 'dns-zone-linked:privatelink.api.azureml.ms').status).toBe('pass');
  });

  it('D5: custom DNS server outside every VNet → unknown, not red', () => {
    const e = amlEstate({ linkCompute: false });
    const vnetC = { ...e.vnetC, dnsServers: ['192.168.50.4'] };
    const f = only(snapshotOf(e.parts, { vnets: [e.vnetW, vnetC] })).flows.find((x) => x.requirement === 'O12' && x.peer === e.ws.id);
    expect(f?.status).toBe('unknown');
    expect(f?.decidedBy.layer).toBe('dns');
  });
});

describe('§7.4 attached compute (M21)', () => {
  it('M21: attached VM with NSG allowing 22 from AzureMachineLearning → I3 allowed', () => {
    const vnetV = vnet('vnet-v', ['10.3.0.0/16']);
    const sv = subnet(vnetV, 'snet-vm', '10.3.0.0/24');
    const allow = nsg('nsg-vm', [rule('AllowAmlSsh', { priority: 100, direction: 'Inbound', access: 'Allow', source: 'AzureMachineLearning', port: 22 })]);
    const vmId = '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-net/providers/Microsoft.Compute/virtualMachines/vm1';
    const n = nic('vm1-nic', sv, '10.3.0.4', { virtualMachineId: vmId, nsgId: allow.id });
    const ws = workspace('mlw');
    const att: Compute = compute(ws, 'vm1', { computeType: 'VirtualMachine', targetResourceId: vmId });
    const c = only(buildSnapshot({ vnets: [vnetV], subnets: [sv], nsgs: [allow], nics: [n], workspaces: [ws], computes: [att] }));
    expect(c.kind).toBe('AttachedVirtualMachine');
    expect(c.subnetId).toBe(sv.id);
    const f = flow(c, 'I3', 22);
    expect(f.status).toBe('allowed');
    expect(f.decidedBy).toMatchObject({ layer: 'nsg', name: 'AllowAmlSsh', priority: 100 });
  });
});

describe('the report', () => {
  it('lists every assumption with its value and sums the flows', () => {
    const v = evaluateEstate(snapshotOf(amlEstate().parts));
    expect(v.assumptions.map((a) => a.id)).toContain('peeringAccess');
    const n = v.computes.flatMap((c) => c.flows).length;
    expect(v.summary.allowed + v.summary.blocked + v.summary.unknown).toBe(n);
  });
});
