/**
 * The full containment tree of an estate: lanes (subscription × region) ⊃ VNets ⊃ subnets ⊃
 * resources, plus lane-level resources (workspace, DNS zones, NAT gateways, private-link targets,
 * computes outside any VNet). Unsized; visibility and sizing come after.
 */
import type { EstateVerdict } from '../../shared/engine/verdict';
import { idKey, lastSegment, subscriptionOf } from '../../shared/model/armId';
import type { Snapshot } from '../../shared/model/snapshot';
import { subnetBadges } from './badges';
import { laneId, resourceNodeId } from './ids';
import type { GraphNode, ResourceKind } from './types';

function node(partial: Omit<GraphNode, 'badges' | 'faults' | 'width' | 'height' | 'x' | 'y'> & Partial<Pick<GraphNode, 'badges'>>): GraphNode {
  return { badges: [], faults: 0, width: 0, height: 0, x: 0, y: 0, ...partial };
}

/** Every node of the estate keyed by id, parents before children. */
export function buildTopology(snapshot: Snapshot, verdict: EstateVerdict | undefined): Map<string, GraphNode> {
  const nodes = new Map<string, GraphNode>();
  const lane = (sub: string, region: string): string => {
    const id = laneId(sub, region);
    if (!nodes.has(id)) {
      nodes.set(id, node({ id, kind: 'lane', label: `${region || 'global'}`, sublabel: `subscription ${sub.slice(0, 8)}…` }));
    }
    return id;
  };
  const add = (n: GraphNode) => {
    if (!nodes.has(n.id)) nodes.set(n.id, n);
  };
  const resource = (id: string, name: string, kind: ResourceKind, parent: string, sublabel?: string) =>
    add(node({ id: resourceNodeId(id), kind: 'resource', resourceKind: kind, resourceId: id, label: name, parent, ...(sublabel ? { sublabel } : {}) }));

  for (const v of snapshot.vnets.values()) {
    add(node({ id: resourceNodeId(v.id), kind: 'vnet', resourceId: v.id, label: v.name, sublabel: v.addressPrefixes.join(', '), parent: lane(v.subscriptionId, v.location) }));
  }
  for (const s of snapshot.subnets.values()) {
    const parent = resourceNodeId(s.vnetId);
    if (!nodes.has(parent)) continue; // subnet of a VNet we could not read: it has nowhere to live
    add(node({ id: resourceNodeId(s.id), kind: 'subnet', resourceId: s.id, label: s.name, sublabel: s.addressPrefixes.join(', '), parent, badges: subnetBadges(snapshot, s) }));
  }
  const inSubnet = (subnetId: string | undefined): string | undefined =>
    subnetId && nodes.has(idKey(subnetId)) ? idKey(subnetId) : undefined;

  for (const w of snapshot.workspaces.values()) resource(w.id, w.name, 'workspace', lane(w.subscriptionId, w.location), 'AML workspace');
  for (const c of verdict?.computes ?? []) {
    const ws = snapshot.workspaces.get(idKey(c.workspaceId));
    resource(c.id, c.name, 'compute', inSubnet(c.subnetId) ?? lane(subscriptionOf(c.id), c.region || ws?.location || ''), `${c.kind}${c.publicIp ? ' · public IP' : ' · no public IP'}`);
  }
  for (const c of snapshot.computes.values()) {
    resource(c.id, c.name, 'compute', inSubnet(c.subnetId) ?? lane(c.subscriptionId, c.computeLocation || c.location), c.computeType);
  }
  for (const pe of snapshot.privateEndpoints.values()) {
    const groups = pe.connections.flatMap((c) => c.groupIds).join(', ');
    resource(pe.id, pe.name, 'privateEndpoint', inSubnet(pe.subnetId) ?? lane(pe.subscriptionId, pe.location), `PE ${groups}`);
    for (const conn of pe.connections) {
      if (!conn.targetId || nodes.has(idKey(conn.targetId))) continue;
      const type = conn.targetId.split('/providers/')[1]?.split('/')[1] ?? 'resource';
      resource(conn.targetId, lastSegment(conn.targetId), 'target', lane(subscriptionOf(conn.targetId), pe.location), type);
    }
  }
  for (const fw of snapshot.firewalls.values()) resource(fw.id, fw.name, 'firewall', inSubnet(fw.subnetId) ?? lane(fw.subscriptionId, fw.location), `Firewall ${fw.privateIp ?? ''}`.trim());
  for (const nat of snapshot.natGateways.values()) resource(nat.id, nat.name, 'natGateway', lane(nat.subscriptionId, nat.location), 'NAT gateway');
  for (const z of snapshot.dnsZones.values()) resource(z.id, z.zoneName || z.name, 'dnsZone', lane(z.subscriptionId, ''), 'Private DNS zone');
  return nodes;
}
