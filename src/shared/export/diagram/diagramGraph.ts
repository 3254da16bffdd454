/**
 * Snapshot + verdicts → the diagram's boxes and flow edges (no positions yet): VNets containing
 * subnets containing computes and private endpoints, the flows' peers outside, one edge per
 * (compute, peer) carrying the worst status of its flows.
 */
import type { EstateVerdict, FlowStatus } from '../../engine/verdict';
import type { Snapshot } from '../../model';
import { idKey, lastSegment } from '../../model';
import type { DiagramEdge, DiagramNodeKind } from './diagramTypes';

/** A box before layout. */
export interface GraphNode {
  readonly id: string;
  readonly kind: DiagramNodeKind;
  readonly label: string;
  readonly detail?: string;
  readonly parentId?: string;
}

export interface DiagramGraph {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly DiagramEdge[];
}

const RANK: Record<FlowStatus, number> = { allowed: 0, unknown: 1, blocked: 2 };

/** `Storage.westeurope` is a tag; `*.blob.core.windows.net` an FQDN; `/subscriptions/…` a resource. */
function peerKind(peer: string): string {
  if (peer.startsWith('/')) return 'resource';
  return peer.includes('*') || peer.split('.').length > 2 ? 'FQDN' : 'service tag';
}

/** Build the graph; ids are ARM id keys (lower case) so they match the renderer's node ids. */
export function diagramGraph(snapshot: Snapshot, verdict: EstateVerdict): DiagramGraph {
  const nodes: GraphNode[] = [];
  const has = new Set<string>();
  const add = (n: GraphNode) => {
    if (!has.has(n.id)) {
      has.add(n.id);
      nodes.push(n);
    }
  };
  for (const v of [...snapshot.vnets.values()].sort((a, b) => a.name.localeCompare(b.name))) {
    add({ id: idKey(v.id), kind: 'vnet', label: v.name, detail: `${v.addressPrefixes.join(', ')} · ${v.location}` });
  }
  for (const s of [...snapshot.subnets.values()].sort((a, b) => a.name.localeCompare(b.name))) {
    if (has.has(idKey(s.vnetId))) add({ id: idKey(s.id), kind: 'subnet', label: s.name, detail: s.addressPrefixes.join(', '), parentId: idKey(s.vnetId) });
  }
  for (const pe of [...snapshot.privateEndpoints.values()].sort((a, b) => a.name.localeCompare(b.name))) {
    const parent = idKey(pe.subnetId);
    if (has.has(parent)) add({ id: idKey(pe.id), kind: 'privateEndpoint', label: pe.name, detail: `${pe.privateIps[0] ?? ''} → ${lastSegment(pe.connections[0]?.targetId ?? '')}`, parentId: parent });
  }
  const edges = new Map<string, { source: string; target: string; status: FlowStatus; flows: string[] }>();
  for (const c of verdict.computes) {
    const parent = c.subnetId ? idKey(c.subnetId) : undefined;
    add({ id: idKey(c.id), kind: 'compute', label: c.name, detail: `${c.kind}${c.publicIp ? ' · public IP' : ''}`, ...(parent && has.has(parent) ? { parentId: parent } : {}) });
    for (const f of c.flows) {
      const viaPe = f.peerResourceId && has.has(idKey(f.peerResourceId)) ? idKey(f.peerResourceId) : undefined;
      const target = viaPe ?? `peer:${f.peer.toLowerCase()}`;
      if (!viaPe) add({ id: target, kind: 'peer', label: f.peer.startsWith('/') ? lastSegment(f.peer) : f.peer, detail: peerKind(f.peer) });
      const [source, dest] = f.direction === 'Inbound' ? [target, idKey(c.id)] : [idKey(c.id), target];
      const key = `${source}→${dest}`;
      const e = edges.get(key) ?? { source, target: dest, status: 'allowed' as FlowStatus, flows: [] };
      if (RANK[f.status] > RANK[e.status]) e.status = f.status;
      e.flows.push(`${f.requirement} ${f.port}/${f.protocol}`);
      edges.set(key, e);
    }
  }
  return {
    nodes,
    edges: [...edges.entries()].map(([key, e]) => ({
      id: key, source: e.source, target: e.target, status: e.status,
      label: e.flows.length > 3 ? `${e.flows.slice(0, 3).join(', ')} +${e.flows.length - 3}` : e.flows.join(', '),
    })),
  };
}
