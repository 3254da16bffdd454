/**
 * A small ARM dump for the assumption tests: one no-public-IP compute cluster whose subnet sends
 * 0.0.0.0/0 to a network virtual appliance (10.9.0.4) that is not an Azure Firewall, so its
 * internet-bound flows are `unknown` until the appliance is assumed to allow everything.
 */
const SUB = '00000000-0000-0000-0000-00000000a55e';
const NET = `/subscriptions/${SUB}/resourceGroups/rg-net/providers/Microsoft.Network`;
const ML = `/subscriptions/${SUB}/resourceGroups/rg-ml/providers/Microsoft.MachineLearningServices/workspaces/mlw-nva`;

/** The appliance's IP. */
export const NVA_IP = '10.9.0.4';

/** The ARM resources (as `az resource show` returns them). */
export function nvaEstate(): unknown[] {
  const subnet = `${NET}/virtualNetworks/vnet-nva/subnets/snet-cluster`;
  return [
    {
      id: `${NET}/virtualNetworks/vnet-nva`, name: 'vnet-nva', type: 'Microsoft.Network/virtualNetworks', location: 'westeurope',
      properties: {
        addressSpace: { addressPrefixes: ['10.9.0.0/16'] },
        subnets: [
          { id: `${NET}/virtualNetworks/vnet-nva/subnets/snet-nva`, name: 'snet-nva', properties: { addressPrefix: '10.9.0.0/24' } },
          { id: subnet, name: 'snet-cluster', properties: { addressPrefix: '10.9.1.0/24', routeTable: { id: `${NET}/routeTables/rt-cluster` } } },
        ],
      },
    },
    {
      id: `${NET}/routeTables/rt-cluster`, name: 'rt-cluster', type: 'Microsoft.Network/routeTables', location: 'westeurope',
      properties: {
        routes: [{ id: `${NET}/routeTables/rt-cluster/routes/default`, name: 'default', properties: { addressPrefix: '0.0.0.0/0', nextHopType: 'VirtualAppliance', nextHopIpAddress: NVA_IP } }],
        subnets: [{ id: subnet }],
      },
    },
    {
      id: ML, name: 'mlw-nva', type: 'Microsoft.MachineLearningServices/workspaces', location: 'westeurope',
      properties: { publicNetworkAccess: 'Enabled', managedNetwork: { isolationMode: 'Disabled' } },
    },
    {
      id: `${ML}/computes/cpu-nva`, name: 'cpu-nva', type: 'Microsoft.MachineLearningServices/workspaces/computes', location: 'westeurope',
      properties: { computeType: 'AmlCompute', computeLocation: 'westeurope', properties: { subnet: { id: subnet }, enableNodePublicIp: false, scaleSettings: { maxNodeCount: 2, minNodeCount: 0 } } },
    },
  ];
}
