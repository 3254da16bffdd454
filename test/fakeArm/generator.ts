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
import { addDnsAndMl } from './generatorMl';

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
