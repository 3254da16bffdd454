/**
 * Flow sets shared by alike subnets (engine/subnetClass) behind an Azure Firewall: firewall rules
 * match source addresses, so a firewall on the path keeps each subnet's flows its own.
 */
import { describe, expect, it } from 'vitest';
import { evaluateEstate } from '../../src/shared/engine/evaluateEstate';
import { compute, peerPair, route, routeTable, subnet, workspace } from '../../src/shared/engine/testing/snapshotBuilder';
import { COMPUTE_SUBNET, FW_SUBNET, HUB, VNET_C, estate, filter, firewall, group, netRule, policy } from './fixtures';

const rt = routeTable('rt-c', [route('default-to-fw', '0.0.0.0/0', 'VirtualAppliance', '10.100.0.4')]);
const cs1 = { ...COMPUTE_SUBNET, routeTableId: rt.id };
const cs2 = { ...subnet(VNET_C, 'snet-compute2', '10.1.1.0/24'), routeTableId: rt.id };
const ws = workspace('mlw', { location: 'westeurope' });
// Only the second subnet may reach Azure ML through the firewall.
const rules = group('p', 'net', 200, [filter('aml', 100, 'Allow', [
  netRule('c2-to-aml', { sourceAddresses: ['10.1.1.0/24'], destinationAddresses: ['AzureMachineLearning'], destinationPorts: ['443'] }),
])]);
const p = policy('p', { ruleCollectionGroupIds: [rules.id] });

function verdictOf(names: readonly string[]) {
  const computes = names.map((n) => compute(ws, n, { subnetId: (n === 'cluster1' ? cs1 : cs2).id }));
  const snap = estate({
    firewall: firewall({ firewallPolicyId: p.id }), policies: [p], groups: [rules],
    vnets: [HUB, VNET_C], subnets: [FW_SUBNET, cs1, cs2], routeTables: [rt], peerings: peerPair(VNET_C, HUB, { peeringState: 'Connected' }, { peeringState: 'Connected' }),
    workspaces: [ws], computes,
  });
  return evaluateEstate(snap).computes;
}

const o1 = (c: { flows: readonly { requirement: string; port: number; status: string; decidedBy: { name?: string } }[] }) => c.flows.find((f) => f.requirement === 'O1' && f.port === 443);

describe('alike subnets behind a firewall', () => {
  it('each subnet gets the firewall verdict of its own addresses', () => {
    const [c1, c2] = verdictOf(['cluster1', 'cluster2']);
    expect(o1(c1!)?.status).toBe('blocked');
    expect(o1(c2!)?.status).toBe('allowed');
    expect(o1(c2!)?.decidedBy.name).toBe('c2-to-aml');
    expect(c1).toEqual(verdictOf(['cluster1'])[0]);
    expect(c2).toEqual(verdictOf(['cluster2'])[0]);
  });
});
