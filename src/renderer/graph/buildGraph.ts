/**
 * Snapshot + verdict + view state → the nodes and edges to draw (sized, inner positions set; lanes
 * and their children are placed by the layout worker). Pure: the same inputs give the same graph.
 */
import type { EstateVerdict } from '../../shared/engine/verdict';
import type { Snapshot } from '../../shared/model/snapshot';
import { annotate } from './annotate';
import { firewallHop } from './firewallHop';
import { flowEdges, worstStatus } from './flowEdges';
import { relevantIds } from './relevant';
import { sizeNodes } from './sizing';
import { structuralEdges } from './structuralEdges';
import { buildTopology } from './topology';
import type { GraphEdge, GraphModel, GraphNode, ViewState } from './types';
import { computeVisibility } from './visibility';
import { idKey } from '../../shared/model/armId';

/** The full annotated tree; depends on data only, so callers memoise it across view changes. */
export function buildTree(snapshot: Snapshot, verdict: EstateVerdict | undefined): Map<string, GraphNode> {
  return annotate(buildTopology(snapshot, verdict), snapshot, verdict);
}

function mergeEdge(into: Map<string, GraphEdge>, e: GraphEdge): void {
  const prev = into.get(e.id);
  if (!prev) return void into.set(e.id, e);
  const status = prev.status && e.status ? worstStatus(prev.status, e.status) : (prev.status ?? e.status);
  into.set(e.id, { ...prev, ...(status ? { status } : {}), flows: [...(prev.flows ?? []), ...(e.flows ?? [])] });
}

/** Build what to draw. `tree` is buildTree(snapshot, verdict). */
export function buildGraph(tree: ReadonlyMap<string, GraphNode>, snapshot: Snapshot, verdict: EstateVerdict | undefined, view: ViewState): GraphModel {
  const struct = structuralEdges(snapshot, tree);
  const focused = view.focus && view.focus !== 'all' ? verdict?.computes.find((c) => idKey(c.id) === view.focus) : undefined;
  const relevant = view.onlyRelevant && focused ? relevantIds(snapshot, focused, tree) : undefined;
  const vis = computeVisibility(tree, view, relevant);
  // Through the firewall only when something stands for it in the picture; else straight to the peer.
  const flows = flowEdges(verdict, view.focus, tree, (f) => {
    const hop = firewallHop(f, snapshot, tree);
    return hop && vis.representative(hop) ? hop : undefined;
  });

  const visible = new Map<string, GraphNode>();
  for (const [id, n] of vis.visible) visible.set(id, { ...n });
  const externals = new Map([...struct.externals, ...flows.externals].map((n) => [n.id, n]));
  const edges = new Map<string, GraphEdge>();
  for (const e of [...struct.edges, ...flows.edges]) {
    const s = vis.representative(e.source);
    const t = vis.representative(e.target);
    if (!s || !t || s === t) continue;
    // Bundling for the overview: a collapsed VNet does not draw one long private-link edge per
    // endpoint folded inside it (its box counts them); hundreds of those lines to one workspace read
    // as a hairball and cost paint on every frame.
    if (e.kind === 'privateLink' && s !== e.source && vis.visible.get(s)?.collapsed) continue;
    if (relevant && e.kind !== 'flow' && !(relevant.has(e.source) || relevant.has(e.target))) continue;
    for (const end of [s, t]) {
      const ext = externals.get(end);
      if (ext && !visible.has(end)) visible.set(end, { ...ext });
    }
    if (!visible.has(s) || !visible.has(t)) continue;
    const id = s === e.source && t === e.target ? e.id : `${e.kind}|${s}|${t}`;
    mergeEdge(edges, { ...e, id, source: s, target: t });
  }
  // Private-link targets only mean something beside their endpoint: drop those whose endpoints are all
  // folded into collapsed VNets (unless a flow ends on them). Big estates have thousands of them.
  const needed = new Set<string>();
  for (const e of edges.values()) {
    if (e.kind === 'flow') needed.add(e.source).add(e.target);
    else if (e.kind === 'privateLink' && !visible.get(e.source)?.collapsed) needed.add(e.target);
  }
  for (const n of [...visible.values()]) if (n.resourceKind === 'target' && !needed.has(n.id)) visible.delete(n.id);
  const kept = [...edges.values()].filter((e) => visible.has(e.source) && visible.has(e.target));
  sizeNodes(visible);
  return { nodes: [...visible.values()], edges: kept };
}
