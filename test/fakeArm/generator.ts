/**
 * Synthetic estates for the fake ARM server: N subscriptions, each with a hub-and-spoke set of VNets
 * (subnets and peerings inline), an NSG per subnet, route tables, a NAT gateway, ASGs, IP groups,
 * private DNS zones with links and A records, AML workspaces with private endpoints (NICs, DNS zone
 * groups) and computes in the spoke subnets, plus effective admin rules per VNet. Deterministic.
 */
import type { ArmResource } from '../../src/shared/model/snapshotFile';
import { idKey } from '../../src/shared/model/armId';
import type { FakeEstate, FakeSubscription } from './estate';
import { armId, computeRules, defaultRules, guid, res, serviceTagsFor } from './generatorParts';

/** Shape of a generated estate; defaults give ~60 resources per subscription. */
export interface EstateShape {
  readonly subscriptions: number;
  readonly vnetsPerSubscription?: number;
  readonly subnetsPerVnet?: number;
  readonly workspacesPerSubscription?: number;
  readonly computesPerWorkspace?: number;
  /** Extra NICs per subscription (VM NICs) to reach a target resource count. */
  readonly extraNicsPerSubscription?: number;
  /** Add an Azure Firewall + policy + rule collection group in the first subscription's hub. */
  readonly firewall?: boolean;
  readonly regions?: readonly string[];
  readonly seed?: string;
}

const ZONES = ['privatelink.api.azureml.ms', 'privatelink.notebooks.azure.net', 'privatelink.blob.core.windows.net'];

/** Build an estate. */
export function generateEstate(shape: EstateShape): FakeEstate {
  const seed = shape.seed ?? 'vnetlens';
  const regions = shape.regions ?? ['westeurope', 'eastus', 'northeurope'];
  const tenantId = guid(`${seed}-tenant`);
  const subscriptions: FakeSubscription[] = [];
  const resources: ArmResource[] = [];
  const adminRules: Record<string, unknown[]> = {};
  for (let i = 0; i < shape.subscriptions; i++) {
    const sub = guid(`${seed}-sub-${i}`);
    subscriptions.push({ subscriptionId: sub, displayName: `vnetlens-sub-${i}`, tenantId });
    addSubscription(resources, adminRules, shape, sub, i, regions[i % regions.length] ?? 'westeurope');
  }
  return { tenantId, subscriptions, resources, adminRules, serviceTags: serviceTagsFor(regions) };
}

function addSubscription(out: ArmResource[], adminRules: Record<string, unknown[]>, shape: EstateShape, sub: string, i: number, loc: string): void {
  const nv = Math.max(1, shape.vnetsPerSubscription ?? 2);
  const ns = Math.max(2, shape.subnetsPerVnet ?? 3);
  const rgNet = `rg-net-${i}`;
  const rgMl = `rg-ml-${i}`;
  const rgDns = `rg-dns-${i}`;
  const net = (type: string, name: string, rg = rgNet) => armId(sub, rg, `Microsoft.Network/${type}`, name);
  const pipId = net('publicIPAddresses', `pip-nat-${i}`);
  const natId = net('natGateways', `nat-${i}`);
  out.push(res(pipId, 'Microsoft.Network/publicIPAddresses', loc, { resourceGuid: guid(pipId), publicIPAddressVersion: 'IPv4', publicIPAllocationMethod: 'Static', idleTimeoutInMinutes: 4, ipAddress: `52.${i % 250}.0.1`, natGateway: { id: natId } }, { sku: { name: 'Standard', tier: 'Regional' } }));
  out.push(res(natId, 'Microsoft.Network/natGateways', loc, { resourceGuid: guid(natId), idleTimeoutInMinutes: 4, publicIpAddresses: [{ id: pipId }], subnets: [] }, { sku: { name: 'Standard' } }));
  out.push(res(net('applicationSecurityGroups', `asg-compute-${i}`), 'Microsoft.Network/applicationSecurityGroups', loc, { resourceGuid: guid(`asg${i}`) }));
  out.push(res(net('ipGroups', `ipg-onprem-${i}`), 'Microsoft.Network/ipGroups', loc, { ipAddresses: ['192.168.0.0/16', '172.16.10.0/24'], firewalls: [], firewallPolicies: [] }));

  const vnetIds: string[] = [];
  const subnetIds: string[][] = [];
  for (let v = 0; v < nv; v++) {
    const vnetId = net('virtualNetworks', v === 0 ? `vnet-hub-${i}` : `vnet-spoke-${i}-${v}`);
    vnetIds.push(vnetId);
    const rtId = net('routeTables', `rt-${i}-${v}`);
    const base = `10.${i % 256}.${v * 16}`;
    const subnets: Record<string, unknown>[] = [];
    subnetIds.push([]);
    for (let s = 0; s < ns; s++) {
      const name = s === ns - 1 ? 'snet-pe' : `snet-compute-${s}`;
      const subnetId = `${vnetId}/subnets/${name}`;
      subnetIds[v]?.push(subnetId);
      const nsgId = net('networkSecurityGroups', `nsg-${i}-${v}-${s}`);
      out.push(res(nsgId, 'Microsoft.Network/networkSecurityGroups', loc, {
        resourceGuid: guid(nsgId),
        securityRules: computeRules(nsgId, (i + v + s) % 3),
        defaultSecurityRules: defaultRules(nsgId),
        subnets: [{ id: subnetId }],
      }));
      subnets.push({
        name,
        id: subnetId,
        etag: `W/"${guid(subnetId)}"`,
        type: 'Microsoft.Network/virtualNetworks/subnets',
        properties: {
          provisioningState: 'Succeeded',
          addressPrefix: `10.${i % 256}.${v * 16 + s}.0/24`,
          networkSecurityGroup: { id: nsgId },
          ...(s > 0 ? { routeTable: { id: rtId } } : {}),
          ...(s === 0 ? { natGateway: { id: natId } } : {}),
          serviceEndpoints: s === 1 ? [{ service: 'Microsoft.Storage', locations: [loc], provisioningState: 'Succeeded' }] : [],
          delegations: [],
          privateEndpointNetworkPolicies: 'Disabled',
          privateLinkServiceNetworkPolicies: 'Enabled',
        },
      });
    }
    out.push(res(rtId, 'Microsoft.Network/routeTables', loc, {
      resourceGuid: guid(rtId),
      disableBgpRoutePropagation: false,
      routes: [{ name: 'default', id: `${rtId}/routes/default`, etag: `W/"${guid(rtId + 'r')}"`, type: 'Microsoft.Network/routeTables/routes', properties: { provisioningState: 'Succeeded', addressPrefix: '0.0.0.0/0', nextHopType: 'Internet' } }],
      subnets: subnets.slice(1).map((s) => ({ id: s.id })),
    }));
    const peerings = v === 0
      ? Array.from({ length: nv - 1 }, (_, k) => net('virtualNetworks', `vnet-spoke-${i}-${k + 1}`))
      : [vnetIds[0] ?? ''];
    out.push(res(vnetId, 'Microsoft.Network/virtualNetworks', loc, {
      resourceGuid: guid(vnetId),
      addressSpace: { addressPrefixes: [`${base}.0/20`] },
      dhcpOptions: { dnsServers: [] },
      subnets,
      virtualNetworkPeerings: peerings.map((remote) => {
        const name = `peer-to-${remote.split('/').pop() ?? ''}`;
        const rv = remote.split('/').pop() ?? '';
        const rvIndex = rv.startsWith('vnet-hub') ? 0 : Number(rv.split('-').pop());
        return {
          name,
          id: `${vnetId}/virtualNetworkPeerings/${name}`,
          etag: `W/"${guid(vnetId + name)}"`,
          type: 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings',
          properties: {
            provisioningState: 'Succeeded', peeringState: 'Connected', peeringSyncLevel: 'FullyInSync',
            remoteVirtualNetwork: { id: remote },
            remoteAddressSpace: { addressPrefixes: [`10.${i % 256}.${rvIndex * 16}.0/20`] },
            allowVirtualNetworkAccess: true, allowForwardedTraffic: true, allowGatewayTransit: false, useRemoteGateways: false,
          },
        };
      }),
      enableDdosProtection: false,
    }));
    adminRules[idKey(vnetId)] = v === 0 ? hubAdminRules(sub, i) : [];
  }

  addDnsAndMl(out, shape, { sub, i, loc, rgMl, rgDns, rgNet, vnetIds, subnetIds });
  for (let n = 0; n < (shape.extraNicsPerSubscription ?? 0); n++) {
    const nicId = net('networkInterfaces', `nic-vm-${i}-${n}`);
    const subnetId = subnetIds[n % nv]?.[0] ?? '';
    out.push(res(nicId, 'Microsoft.Network/networkInterfaces', loc, {
      resourceGuid: guid(nicId),
      ipConfigurations: [{ name: 'ipconfig1', id: `${nicId}/ipConfigurations/ipconfig1`, type: 'Microsoft.Network/networkInterfaces/ipConfigurations', properties: { provisioningState: 'Succeeded', privateIPAddress: `10.${i % 256}.${(n % nv) * 16}.${10 + (n % 200)}`, privateIPAllocationMethod: 'Dynamic', subnet: { id: subnetId }, primary: true, privateIPAddressVersion: 'IPv4' } }],
      enableAcceleratedNetworking: false, enableIPForwarding: false, nicType: 'Standard',
    }));
  }
  if (shape.firewall && i === 0) addFirewall(out, sub, rgNet, loc, vnetIds[0] ?? '');
}

interface SubCtx {
  readonly sub: string; readonly i: number; readonly loc: string; readonly rgMl: string; readonly rgDns: string; readonly rgNet: string;
  readonly vnetIds: readonly string[]; readonly subnetIds: readonly (readonly string[])[];
}

function addDnsAndMl(out: ArmResource[], shape: EstateShape, c: SubCtx): void {
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

function hubAdminRules(sub: string, i: number): unknown[] {
  const base = `/subscriptions/${sub}/resourceGroups/rg-avnm/providers/Microsoft.Network/networkManagers/nm-${i}/securityAdminConfigurations/cfg/ruleCollections/rc-all/rules`;
  const rule = (name: string, priority: number, access: string, direction: string, port: string) => ({
    id: `${base}/${name}`,
    configurationDescription: 'org baseline',
    ruleCollectionDescription: 'all vnets',
    ruleCollectionAppliesToGroups: [{ networkGroupId: `/subscriptions/${sub}/resourceGroups/rg-avnm/providers/Microsoft.Network/networkManagers/nm-${i}/networkGroups/all` }],
    ruleGroups: [],
    kind: 'Custom',
    properties: { protocol: 'Tcp', sources: [{ addressPrefix: '*', addressPrefixType: 'IPPrefix' }], destinations: [{ addressPrefix: '*', addressPrefixType: 'IPPrefix' }], sourcePortRanges: ['0-65535'], destinationPortRanges: [port], direction, access, priority, provisioningState: 'Succeeded' },
  });
  return [rule('deny-ssh', 100, 'Deny', 'Inbound', '22'), rule('deny-rdp', 110, 'Deny', 'Inbound', '3389'), rule('allow-https', 200, 'Allow', 'Outbound', '443')];
}

function addFirewall(out: ArmResource[], sub: string, rg: string, loc: string, hubId: string): void {
  const policyId = armId(sub, rg, 'Microsoft.Network/firewallPolicies', 'fwp-hub');
  const fwId = armId(sub, rg, 'Microsoft.Network/azureFirewalls', 'fw-hub');
  const pipId = armId(sub, rg, 'Microsoft.Network/publicIPAddresses', 'pip-fw-hub');
  out.push(res(pipId, 'Microsoft.Network/publicIPAddresses', loc, { publicIPAddressVersion: 'IPv4', publicIPAllocationMethod: 'Static', ipAddress: '52.250.0.10' }, { sku: { name: 'Standard', tier: 'Regional' } }));
  out.push(res(policyId, 'Microsoft.Network/firewallPolicies', loc, { sku: { tier: 'Standard' }, threatIntelMode: 'Alert', dnsSettings: { enableProxy: true }, ruleCollectionGroups: [{ id: `${policyId}/ruleCollectionGroups/aml` }], firewalls: [{ id: fwId }] }));
  out.push({ id: `${policyId}/ruleCollectionGroups/aml`, name: 'aml', type: 'Microsoft.Network/firewallPolicies/ruleCollectionGroups', etag: guid(policyId), properties: { provisioningState: 'Succeeded', priority: 200, ruleCollections: [{ ruleCollectionType: 'FirewallPolicyFilterRuleCollection', name: 'aml-network', priority: 100, action: { type: 'Allow' }, rules: [{ ruleType: 'NetworkRule', name: 'aml', ipProtocols: ['TCP'], sourceAddresses: ['10.0.0.0/8'], destinationAddresses: ['AzureMachineLearning'], destinationPorts: ['443'] }] }] } });
  out.push(res(fwId, 'Microsoft.Network/azureFirewalls', loc, { sku: { name: 'AZFW_VNet', tier: 'Standard' }, firewallPolicy: { id: policyId }, ipConfigurations: [{ name: 'ipconfig', id: `${fwId}/azureFirewallIpConfigurations/ipconfig`, properties: { privateIPAddress: '10.0.0.4', subnet: { id: `${hubId}/subnets/AzureFirewallSubnet` }, publicIPAddress: { id: pipId } } }], threatIntelMode: 'Alert' }));
}
