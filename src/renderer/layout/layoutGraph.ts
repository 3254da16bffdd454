/**
 * Places what sizing left open: each lane's boxes (VNets, lane-level resources) by ELK, one lane
 * at a time (so cost grows with the biggest lane, not the estate); lanes stacked as rows; external
 * peers in a column on the right, ordered by where their edges come from. Pure async; the worker
 * runs it with its own ELK instance, tests with elk.bundled in Node.
 */
import type { ELK, ElkNode } from 'elkjs/lib/elk-api';

/** What the layout reads of a node. */
export interface LayoutNode {
  readonly id: string;
  readonly kind: string;
  readonly parent?: string;
  readonly width: number;
  readonly height: number;
}

export interface LayoutInput {
  readonly nodes: readonly LayoutNode[];
  readonly edges: readonly { readonly source: string; readonly target: string }[];
}

/** Box of a lane, a lane child (relative to its lane) or an external (absolute). */
export interface Placed {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export type LayoutResult = Record<string, Placed>;

const LANE_PAD = { top: 40, side: 20, bottom: 20 };
const LANE_GAP = 40;
const EXT_GAP = 14;
const EXT_MARGIN = 160;

const LANE_OPTIONS = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.spacing.nodeNode': '30',
  'elk.layered.spacing.nodeNodeBetweenLayers': '60',
  'elk.layered.thoroughness': '1',
  'elk.separateConnectedComponents': 'true',
  'elk.spacing.componentComponent': '30',
  'elk.padding': `[top=${LANE_PAD.top},left=${LANE_PAD.side},bottom=${LANE_PAD.bottom},right=${LANE_PAD.side}]`,
};

/** Lay out `input`; deterministic for the same input. */
export async function layoutGraph(input: LayoutInput, elk: ELK): Promise<LayoutResult> {
  const byId = new Map(input.nodes.map((n) => [n.id, n]));
  const laneOf = new Map<string, string>();
  const topOf = (id: string): string => {
    // The lane-level ancestor (a lane child), or the node itself at the root.
    let cur = byId.get(id);
    while (cur?.parent && byId.get(cur.parent)?.kind !== 'lane') cur = byId.get(cur.parent);
    return cur?.id ?? id;
  };
  const lanes = input.nodes.filter((n) => n.kind === 'lane');
  const laneChildren = new Map<string, LayoutNode[]>(lanes.map((l) => [l.id, []]));
  for (const n of input.nodes) {
    if (n.parent && laneChildren.has(n.parent)) {
      laneChildren.get(n.parent)!.push(n);
      laneOf.set(n.id, n.parent);
    }
  }
  const laneEdges = new Map<string, Set<string>>();
  for (const e of input.edges) {
    const s = topOf(e.source), t = topOf(e.target);
    const l = laneOf.get(s);
    if (s !== t && l && l === laneOf.get(t)) (laneEdges.get(l) ?? laneEdges.set(l, new Set()).get(l)!).add(`${s}\u0000${t}`);
  }

  const result: LayoutResult = {};
  const laid = await Promise.all(lanes.map(async (lane): Promise<ElkNode> => {
    const children = laneChildren.get(lane.id) ?? [];
    const edges = [...(laneEdges.get(lane.id) ?? [])].map((k, i) => {
      const [s, t] = k.split('\u0000') as [string, string];
      return { id: `e${i}`, sources: [s], targets: [t] };
    });
    return elk.layout({ id: lane.id, layoutOptions: LANE_OPTIONS, children: children.map((c) => ({ id: c.id, width: c.width, height: c.height })), edges });
  }));
  let y = 0;
  let maxW = 0;
  for (const g of laid) {
    const w = Math.max(g.width ?? 0, 260);
    const h = Math.max(g.height ?? 0, LANE_PAD.top + 40);
    result[g.id] = { x: 0, y, width: w, height: h };
    for (const c of g.children ?? []) result[c.id] = { x: c.x ?? 0, y: c.y ?? 0, width: c.width ?? 0, height: c.height ?? 0 };
    y += h + LANE_GAP;
    maxW = Math.max(maxW, w);
  }

  // Externals: at the mean height of what they connect to, in one column, without overlaps.
  const absY = (id: string): number | undefined => {
    const top = topOf(id);
    const lane = laneOf.get(top);
    const p = result[top];
    if (!p) return undefined;
    return (lane ? (result[lane]?.y ?? 0) : 0) + p.y + p.height / 2;
  };
  const externals = input.nodes.filter((n) => n.kind === 'external');
  const wish = new Map<string, number>();
  for (const ext of externals) {
    const ys: number[] = [];
    for (const e of input.edges) {
      const other = e.source === ext.id ? e.target : e.target === ext.id ? e.source : undefined;
      const oy = other !== undefined ? absY(other) : undefined;
      if (oy !== undefined) ys.push(oy);
    }
    wish.set(ext.id, ys.length ? ys.reduce((a, b) => a + b, 0) / ys.length : 0);
  }
  externals.sort((a, b) => (wish.get(a.id)! - wish.get(b.id)!) || a.id.localeCompare(b.id));
  let nextFree = 0;
  for (const ext of externals) {
    const top = Math.max(nextFree, wish.get(ext.id)! - ext.height / 2);
    result[ext.id] = { x: maxW + EXT_MARGIN, y: top, width: ext.width, height: ext.height };
    nextFree = top + ext.height + EXT_GAP;
  }
  return result;
}
