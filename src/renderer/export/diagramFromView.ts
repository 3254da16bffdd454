/**
 * The diagram exports of "the current view": the shared diagram graph (snapshot + verdicts) placed
 * at React Flow's current boxes. Nodes the view hides (inside collapsed VNets, filtered out) are left
 * out; flow peers the view does not show go in a column on the right. Pure, so it is unit-tested.
 */
import type { DiagramGraph } from '../../shared/export/diagram/diagramGraph';
import type { DiagramLayout, DiagramNode } from '../../shared/export/diagram/diagramTypes';
import { gridLayout } from '../../shared/export/diagram/gridLayout';

/** An absolute box on the canvas. */
export interface ViewBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

const MARGIN = 24, PEER_W = 220, PEER_H = 48, GAP = 16;

/**
 * Place `graph` at `boxes` (canvas node id → absolute box). `aliases` maps a diagram id to the canvas
 * id drawing the same thing (flow peers have different ids in the two graphs).
 */
export function diagramFromView(graph: DiagramGraph, boxes: ReadonlyMap<string, ViewBox>, aliases: ReadonlyMap<string, string>, title: string): DiagramLayout {
  const abs = new Map<string, ViewBox>();
  for (const n of graph.nodes) {
    const b = boxes.get(aliases.get(n.id) ?? n.id);
    if (b) abs.set(n.id, b);
  }
  if (abs.size === 0) return gridLayout(graph, title);
  let minX = Infinity, minY = Infinity, maxX = -Infinity;
  for (const b of abs.values()) { minX = Math.min(minX, b.x); minY = Math.min(minY, b.y); maxX = Math.max(maxX, b.x + b.width); }
  let peerRow = 0;
  for (const n of graph.nodes) {
    if (n.kind !== 'peer' || abs.has(n.id)) continue;
    abs.set(n.id, { x: maxX + 4 * GAP, y: minY + peerRow++ * (PEER_H + GAP), width: PEER_W, height: PEER_H });
  }
  const nodes: DiagramNode[] = [];
  for (const n of graph.nodes) {
    const b = abs.get(n.id);
    if (!b) continue;
    const parent = n.parentId ? abs.get(n.parentId) : undefined;
    const origin = parent ?? { x: minX - MARGIN, y: minY - MARGIN };
    nodes.push({
      id: n.id, kind: n.kind, label: n.label, ...(n.detail ? { detail: n.detail } : {}), ...(parent ? { parentId: n.parentId! } : {}),
      x: b.x - origin.x, y: b.y - origin.y, width: b.width, height: b.height,
    });
  }
  // Parents first, as draw.io and the SVG writer expect.
  const depth = (n: DiagramNode): number => (n.kind === 'vnet' ? 0 : n.kind === 'subnet' ? 1 : 2);
  nodes.sort((a, b) => depth(a) - depth(b));
  const kept = new Set(nodes.map((n) => n.id));
  return { title, nodes, edges: graph.edges.filter((e) => kept.has(e.source) && kept.has(e.target)) };
}
