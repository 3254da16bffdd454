/**
 * The render bench's synthetic estates (also opened by the e2e tests): hub-and-spoke VNets with
 * subnets, NSGs, route tables, private endpoints and an AML cluster every 10 VNets. Pure data, no I/O.
 */

/** A synthetic ARM dump of about `n` resources: per VNet 3 subnets (inline), an NSG, a route table, 4 private endpoints; a cluster every 10 VNets. */
export function renderBenchEstate(n: number): unknown[] {
  const out: unknown[] = [];
  const vnets = Math.max(1, Math.round(n / 10));
  const regions = ['westeurope', 'northeurope', 'eastus'];
  for (let v = 0; v < vnets; v++) {
    const sub = `00000000-0000-0000-0000-${String(Math.floor(v / 100)).padStart(12, '0')}`;
    const region = regions[v % regions.length]!;
    const rg = `/subscriptions/${sub}/resourceGroups/rg-${v}/providers`;
    const vnetId = `${rg}/Microsoft.Network/virtualNetworks/vnet-${v}`;
    const nsgId = `${rg}/Microsoft.Network/networkSecurityGroups/nsg-${v}`;
    const rtId = `${rg}/Microsoft.Network/routeTables/rt-${v}`;
    const hub = Math.floor(v / 20) * 20;
    const subnets = [0, 1, 2].map((s) => ({ id: `${vnetId}/subnets/snet-${s}`, name: `snet-${s}`, properties: { addressPrefix: `10.${v % 250}.${s}.0/24`, networkSecurityGroup: { id: nsgId }, ...(s === 0 ? { routeTable: { id: rtId } } : {}) } }));
    const peerings = v === hub ? [] : [{ id: `${vnetId}/virtualNetworkPeerings/to-hub`, name: 'to-hub', properties: { peeringState: v % 7 === 0 ? 'Initiated' : 'Connected', remoteVirtualNetwork: { id: `/subscriptions/${sub}/resourceGroups/rg-${hub}/providers/Microsoft.Network/virtualNetworks/vnet-${hub}` }, allowVirtualNetworkAccess: true, allowForwardedTraffic: true } }];
    out.push({ id: vnetId, name: `vnet-${v}`, type: 'Microsoft.Network/virtualNetworks', location: region, properties: { addressSpace: { addressPrefixes: [`10.${v % 250}.0.0/16`] }, subnets, virtualNetworkPeerings: peerings } });
    out.push({ id: nsgId, name: `nsg-${v}`, type: 'Microsoft.Network/networkSecurityGroups', location: region, properties: { securityRules: [{ name: 'deny-internet', properties: { priority: 4000, direction: 'Outbound', access: 'Deny', protocol: '*', sourceAddressPrefix: '*', destinationAddressPrefix: 'Internet', sourcePortRange: '*', destinationPortRange: '*' } }] } });
    out.push({ id: rtId, name: `rt-${v}`, type: 'Microsoft.Network/routeTables', location: region, properties: { routes: [{ name: 'default', properties: { addressPrefix: '0.0.0.0/0', nextHopType: 'Internet' } }] } });
    const ws = `/subscriptions/${sub}/resourceGroups/rg-ml/providers/Microsoft.MachineLearningServices/workspaces/ws-${Math.floor(v / 100)}`;
    if (v % 100 === 0) out.push({ id: ws, name: `ws-${Math.floor(v / 100)}`, type: 'Microsoft.MachineLearningServices/workspaces', location: region, properties: { publicNetworkAccess: 'Disabled' } });
    for (let p = 0; p < 4; p++) {
      out.push({ id: `${rg}/Microsoft.Network/privateEndpoints/pe-${v}-${p}`, name: `pe-${v}-${p}`, type: 'Microsoft.Network/privateEndpoints', location: region,
        properties: { subnet: { id: `${vnetId}/subnets/snet-2` }, privateLinkServiceConnections: [{ name: 'c', properties: { privateLinkServiceId: p === 0 ? ws : `/subscriptions/${sub}/resourceGroups/rg-data/providers/Microsoft.Storage/storageAccounts/st${v}x${p}`, groupIds: [p === 0 ? 'amlworkspace' : 'blob'], privateLinkServiceConnectionState: { status: 'Approved' } } }] } });
    }
    if (v % 10 === 0) {
      out.push({ id: `${ws}/computes/cluster-${v}`, name: `cluster-${v}`, type: 'Microsoft.MachineLearningServices/workspaces/computes', location: region,
        properties: { computeType: 'AmlCompute', computeLocation: region, properties: { subnet: { id: `${vnetId}/subnets/snet-0` }, enableNodePublicIp: false, scaleSettings: { maxNodeCount: 4 } } } });
    }
  }
  return out;
}
