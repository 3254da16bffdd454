/**
 * "Only what matters to this compute": the compute, every peer of its flows, every resource a trace
 * step or a failed check names (NSGs and route tables shown via their subnets), and the VNets peered
 * with the compute's VNet. Ancestors are kept by visibility.
 */
import type { ComputeVerdict } from '../../shared/engine/verdict';
import { idKey } from '../../shared/model/armId';
import type { Snapshot } from '../../shared/model/snapshot';
import { peerNode } from './flowEdges';
import { resolveNodeId } from './resolveNode';
import type { GraphNode } from './types';

/** The node ids that matter to `compute`. */
export function relevantIds(snapshot: Snapshot, compute: ComputeVerdict, nodes: ReadonlyMap<string, GraphNode>): Set<string> {
  const out = new Set<string>([idKey(compute.id)]);
  const add = (armId: string | undefined) => {
    const id = resolveNodeId(snapshot, nodes, armId);
    if (id) out.add(id);
  };
  add(compute.subnetId);
  for (const f of compute.flows) {
    out.add(peerNode(f, nodes).id);
    add(f.decidedBy.resourceId);
    for (const step of f.trace) add(step.resourceId);
  }
  for (const c of compute.checks) if (c.status !== 'pass') add(c.resourceId);
  const subnet = snapshot.subnets.get(idKey(compute.subnetId));
  const vnet = subnet && snapshot.vnets.get(idKey(subnet.vnetId));
  for (const p of vnet?.peeringIds ?? []) {
    const peering = snapshot.peerings.get(idKey(p));
    if (peering) out.add(idKey(peering.remoteVnetId));
  }
  return out;
}
