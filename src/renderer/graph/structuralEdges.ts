/**
 * Edges that come from the configuration itself: peerings (one edge per VNet pair, styled by the
 * worse of the two states), private endpoints → their targets, DNS zones → linked VNets, NAT gateways
 * → their subnets. A peering to a VNet outside the snapshot ends on an external node.
 */
import { idKey, lastSegment } from '../../shared/model/armId';
import type { Snapshot } from '../../shared/model/snapshot';
import { externalId } from './ids';
import type { GraphEdge, GraphNode } from './types';

const STATE_RANK: Readonly<Record<string, number>> = { connected: 0, initiated: 1, disconnected: 2 };
function worseState(a: string, b: string): string {
  return (STATE_RANK[a.toLowerCase()] ?? 3) >= (STATE_RANK[b.toLowerCase()] ?? 3) ? a : b;
}

/** The structural edges, and the external nodes they need. */
export function structuralEdges(snapshot: Snapshot, nodes: ReadonlyMap<string, GraphNode>): { edges: GraphEdge[]; externals: GraphNode[] } {
  const edges = new Map<string, GraphEdge>();
  const externals = new Map<string, GraphNode>();
  for (const p of snapshot.peerings.values()) {
    const a = idKey(p.vnetId);
    let b = idKey(p.remoteVnetId);
    if (!nodes.has(b)) {
      b = externalId('res', p.remoteVnetId);
      externals.set(b, { id: b, kind: 'external', label: lastSegment(p.remoteVnetId), sublabel: `VNet outside the snapshot · ${p.remoteAddressPrefixes.join(', ')}`, resourceId: p.remoteVnetId, badges: [], faults: 0, width: 0, height: 0, x: 0, y: 0 });
    }
    const [s, t] = a < b ? [a, b] : [b, a];
    const id = `peering|${s}|${t}`;
    const prev = edges.get(id);
    // A peering that only one side lists is not Connected, whatever that side says.
    const state = prev ? worseState(prev.state ?? p.peeringState, p.peeringState) : p.peeringState;
    edges.set(id, { id, kind: 'peering', source: s, target: t, state, label: state });
  }
  for (const pe of snapshot.privateEndpoints.values()) {
    for (const c of pe.connections) {
      const target = idKey(c.targetId);
      if (!nodes.has(target)) continue;
      const id = `privateLink|${idKey(pe.id)}|${target}`;
      edges.set(id, { id, kind: 'privateLink', source: idKey(pe.id), target, label: c.groupIds.join(', ') });
    }
  }
  for (const z of snapshot.dnsZones.values()) {
    for (const link of z.links) {
      const vnet = idKey(link.vnetId);
      if (!nodes.has(vnet)) continue;
      const id = `dnsLink|${idKey(z.id)}|${vnet}`;
      edges.set(id, { id, kind: 'dnsLink', source: idKey(z.id), target: vnet });
    }
  }
  for (const nat of snapshot.natGateways.values()) {
    for (const s of nat.subnetIds) {
      const subnet = idKey(s);
      if (!nodes.has(subnet)) continue;
      const id = `natLink|${idKey(nat.id)}|${subnet}`;
      edges.set(id, { id, kind: 'natLink', source: idKey(nat.id), target: subnet });
    }
  }
  return { edges: [...edges.values()], externals: [...externals.values()] };
}
