/**
 * The flow overlay: for the focused compute (or all), one edge per (compute, peer) bundling its
 * flows, coloured by the worst status and drawn with a dash pattern and icon so colour is not the
 * only cue. Peers are service tags, FQDN groups (one per requirement row), or resources. A flow that
 * crosses a firewall (`hopOf`) is drawn as two bundled segments, compute → firewall → peer, each
 * wearing the status.
 */
import type { EstateVerdict, FlowStatus, FlowVerdict } from '../../shared/engine/verdict';
import { idKey, lastSegment } from '../../shared/model/armId';
import { requirementById } from '../../shared/requirements/catalogue';
import { externalId } from './ids';
import type { FlowRef, GraphEdge, GraphNode } from './types';

const RANK: Readonly<Record<FlowStatus, number>> = { allowed: 0, unknown: 1, blocked: 2 };

/** blocked > unknown > allowed. */
export function worstStatus(a: FlowStatus | undefined, b: FlowStatus): FlowStatus {
  return a === undefined || RANK[b] > RANK[a] ? b : a;
}

/** The icon each status wears next to its colour. */
export const STATUS_ICON: Readonly<Record<FlowStatus, string>> = { allowed: '✓', blocked: '✕', unknown: '?' };

function ext(id: string, label: string, sublabel: string, resourceId?: string): GraphNode {
  return { id, kind: 'external', label, sublabel, badges: [], faults: 0, width: 0, height: 0, x: 0, y: 0, ...(resourceId ? { resourceId } : {}) };
}

/** The node a flow goes to, creating an external node when the peer is not in the picture. */
export function peerNode(flow: FlowVerdict, nodes: ReadonlyMap<string, GraphNode>): GraphNode {
  const byResource = flow.peerResourceId && nodes.get(idKey(flow.peerResourceId));
  if (byResource) return byResource;
  if (flow.peer.startsWith('/subscriptions/')) {
    const inPicture = nodes.get(idKey(flow.peer));
    return inPicture ?? ext(externalId('res', flow.peer), lastSegment(flow.peer), 'resource outside the snapshot', flow.peer);
  }
  const row = requirementById(flow.requirement);
  if (row?.peer.type === 'fqdn') {
    // One node per row keeps the picture small; its label is a concrete name (placeholders such as
    // {region} resolved), with a count when the row lists several.
    const more = row.peer.fqdns.length - 1;
    return ext(externalId('fqdn', row.id), more > 0 ? `${flow.peer} +${more}` : flow.peer, `FQDNs (${row.id})`);
  }
  if (row?.peer.type === 'serviceTag' || /^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z0-9]+)?$/.test(flow.peer)) {
    return ext(externalId('tag', flow.peer), flow.peer, 'service tag');
  }
  return ext(externalId('peer', flow.peer), flow.peer, 'peer');
}

/**
 * Flow edges for `focus` (a compute node id or 'all'), plus the external nodes they end on.
 * `hopOf` names the node a flow passes through on its way (a firewall), if any.
 */
export function flowEdges(
  verdict: EstateVerdict | undefined, focus: string | undefined, nodes: ReadonlyMap<string, GraphNode>,
  hopOf: (flow: FlowVerdict) => string | undefined = () => undefined,
): { edges: GraphEdge[]; externals: GraphNode[] } {
  if (!verdict || !focus) return { edges: [], externals: [] };
  const bundles = new Map<string, { source: string; target: string; status?: FlowStatus; flows: FlowRef[]; ports: Set<string> }>();
  const externals = new Map<string, GraphNode>();
  verdict.computes.forEach((c, ci) => {
    const computeNode = idKey(c.id);
    if (focus !== 'all' && focus !== computeNode) return;
    c.flows.forEach((f, fi) => {
      const peer = peerNode(f, nodes);
      if (peer.kind === 'external') externals.set(peer.id, peer);
      const hop = hopOf(f);
      const path = [computeNode, ...(hop && hop !== peer.id && hop !== computeNode ? [hop] : []), peer.id];
      if (f.direction === 'Inbound') path.reverse();
      for (let i = 0; i + 1 < path.length; i++) {
        const [source, target] = [path[i]!, path[i + 1]!];
        const id = `flow|${source}|${target}`;
        const b = bundles.get(id) ?? { source, target, flows: [], ports: new Set<string>() };
        b.status = worstStatus(b.status, f.status);
        b.flows.push({ compute: ci, flow: fi });
        b.ports.add(`${f.protocol === 'Udp' ? 'udp/' : ''}${f.port}`);
        bundles.set(id, b);
      }
    });
  });
  const edges = [...bundles.entries()].map(([id, b]): GraphEdge => {
    const status = b.status ?? 'unknown';
    return { id, kind: 'flow', source: b.source, target: b.target, status, flows: b.flows, label: `${STATUS_ICON[status]} ${[...b.ports].slice(0, 4).join(',')}${b.ports.size > 4 ? '…' : ''}` };
  });
  return { edges, externals: [...externals.values()] };
}
