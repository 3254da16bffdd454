/**
 * A simple deterministic layout for the CLI (no DOM, no ELK): VNets side by side, subnets stacked in
 * each, leaves in a grid of up to three columns per subnet, flow peers in a column on the right.
 */
import type { DiagramLayout, DiagramNode } from './diagramTypes';
import type { DiagramGraph, GraphNode } from './diagramGraph';

const LEAF_W = 180, LEAF_H = 48, GAP = 16, PAD = 16, HEADER = 40, COLS = 3;

/** Positions for every node of the graph. */
export function gridLayout(graph: DiagramGraph, title = 'VNetLens'): DiagramLayout {
  const children = new Map<string, GraphNode[]>();
  for (const n of graph.nodes) if (n.parentId) children.set(n.parentId, [...(children.get(n.parentId) ?? []), n]);
  const out: DiagramNode[] = [];
  const place = (n: GraphNode, x: number, y: number, width: number, height: number) => {
    out.push({ id: n.id, kind: n.kind, label: n.label, ...(n.detail ? { detail: n.detail } : {}), ...(n.parentId ? { parentId: n.parentId } : {}), x, y, width, height });
  };
  const leafBlock = (count: number) => {
    const cols = Math.min(COLS, Math.max(1, count));
    const rows = Math.ceil(count / cols);
    return { w: cols * LEAF_W + (cols - 1) * GAP, h: rows ? rows * LEAF_H + (rows - 1) * GAP : 0 };
  };
  let cursorX = PAD;
  let maxBottom = 0;
  for (const vnet of graph.nodes.filter((n) => n.kind === 'vnet')) {
    const subnets = children.get(vnet.id) ?? [];
    const sizes = subnets.map((s) => {
      const b = leafBlock((children.get(s.id) ?? []).length);
      return { w: Math.max(b.w, LEAF_W) + 2 * PAD, h: HEADER + b.h + PAD };
    });
    const innerW = Math.max(LEAF_W + 2 * PAD, ...sizes.map((s) => s.w));
    let y = HEADER;
    const vnetIndex = out.length;
    place(vnet, cursorX, PAD, 0, 0);
    subnets.forEach((s, i) => {
      place(s, PAD, y, innerW, sizes[i]!.h);
      (children.get(s.id) ?? []).forEach((leaf, j) => {
        place(leaf, PAD + (j % COLS) * (LEAF_W + GAP), HEADER + Math.floor(j / COLS) * (LEAF_H + GAP), LEAF_W, LEAF_H);
      });
      y += sizes[i]!.h + GAP;
    });
    const width = innerW + 2 * PAD;
    const height = Math.max(y - GAP + PAD, HEADER + PAD);
    out[vnetIndex] = { ...out[vnetIndex]!, width, height };
    cursorX += width + 2 * GAP;
    maxBottom = Math.max(maxBottom, PAD + height);
  }
  // computes outside any subnet (serverless, attached) go in a row under the VNets
  const loose = graph.nodes.filter((n) => n.kind === 'compute' && !n.parentId);
  loose.forEach((n, i) => place(n, PAD + i * (LEAF_W + GAP), maxBottom + 2 * GAP, LEAF_W, LEAF_H));
  const peers = graph.nodes.filter((n) => n.kind === 'peer');
  peers.forEach((n, i) => place(n, cursorX + 4 * GAP, PAD + i * (LEAF_H + GAP), LEAF_W + 40, LEAF_H));
  return { title, nodes: out, edges: graph.edges };
}
