import { describe, expect, it } from 'vitest';
import { idKey } from '../../shared/model/armId';
import { buildTree } from './buildGraph';
import { searchNodes, vnetAncestors } from './search';
import { fixtureSnapshot, fixtureVerdict, ID } from './testing/fixture';

const tree = buildTree(fixtureSnapshot(), fixtureVerdict());

describe('search', () => {
  it('ranks a name prefix first and finds by address', () => {
    expect(searchNodes(tree, 'cpu')[0]).toMatchObject({ id: idKey(ID.cluster), kind: 'compute' });
    expect(searchNodes(tree, '10.9.').map((h) => h.label)).toContain('other-vnet');
    expect(searchNodes(tree, '   ')).toEqual([]);
    expect(searchNodes(tree, 'no-such-thing')).toEqual([]);
  });
  it('names the VNets to expand to reveal a node', () => {
    expect(vnetAncestors(tree, idKey(ID.cluster))).toEqual([idKey(ID.spoke)]);
    expect(vnetAncestors(tree, idKey(ID.zone))).toEqual([]);
  });
});
