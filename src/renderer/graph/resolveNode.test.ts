import { describe, expect, it } from 'vitest';
import { idKey } from '../../shared/model/armId';
import { buildTree } from './buildGraph';
import { resolveNodeId } from './resolveNode';
import { fixtureSnapshot, fixtureVerdict, ID } from './testing/fixture';

const snapshot = fixtureSnapshot();
const tree = buildTree(snapshot, fixtureVerdict());

describe('resolveNodeId', () => {
  it('maps rules, NSGs, route tables, zone links and peerings to the node that shows them', () => {
    expect(resolveNodeId(snapshot, tree, `${ID.nsg}/securityRules/deny-internet`)).toBe(idKey(ID.computeSubnet));
    expect(resolveNodeId(snapshot, tree, ID.rt)).toBe(idKey(ID.computeSubnet));
    expect(resolveNodeId(snapshot, tree, `${ID.zone}/virtualNetworkLinks/hub`)).toBe(idKey(ID.zone));
    expect(resolveNodeId(snapshot, tree, ID.peering2)).toBe(idKey(ID.spoke));
    expect(resolveNodeId(snapshot, tree, ID.cluster.toUpperCase())).toBe(idKey(ID.cluster));
  });
  it('answers undefined for what the picture does not hold', () => {
    expect(resolveNodeId(snapshot, tree, '/subscriptions/x/resourceGroups/y/providers/Microsoft.Storage/storageAccounts/z')).toBeUndefined();
    expect(resolveNodeId(snapshot, tree, undefined)).toBeUndefined();
  });
});
