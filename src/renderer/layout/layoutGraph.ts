/**
 * Places what sizing left open: each lane's boxes (VNets, lane-level resources), per connected
 * component (a hub and its spokes directly, other groups by ELK, so ELK never sees a big graph) and
 * components shelf-packed; lanes stacked as rows; external peers in a column on the right, ordered by
 * where their edges come from. Pure async; the worker runs it with its own ELK instance, the UI
 * thread without ELK when none is needed (see needsElk), tests with elk.bundled in Node.
 */
import type { ELK, ElkNode } from 'elkjs/lib/elk-api';
import { packBoxes, targetWidth, type Box } from './packBoxes';
import { hubOf, placeStar } from './starPlacement';

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
  /** `kind` 'peering' edges shape the layout; the others only ride along (see layoutGraph). */
  readonly edges: readonly { readonly source: string; readonly target: string; readonly kind?: string }[];
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

const COMPONENT_OPTIONS = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.spacing.nodeNode': '30',
  'elk.layered.spacing.nodeNodeBetweenLayers': '60',
  'elk.layered.thoroughness': '1',
  // Measured here: greedy switch off + simple placement is ~3× faster on hub-and-spoke components.
  'elk.layered.crossingMinimization.greedySwitch.type': 'OFF',
  'elk.layered.nodePlacement.strategy': 'SIMPLE',
  'elk.padding': '[top=0,left=0,bottom=0,right=0]',
};
const COMPONENT_GAP = 30;

/** Connected components of `ids` under `pairs` (union-find), singletons included. */
function components(ids: readonly string[], pairs: readonly [string, string][]): string[][] {
  const parent = new Map(ids.map((id) => [id, id]));
  const find = (a: string): string => {
    let r = a;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(a, r);
    return r;
  };
  for (const [a, b] of pairs) parent.set(find(a), find(b));
  const groups = new Map<string, string[]>();
  for (const id of ids) (groups.get(find(id)) ?? groups.set(find(id), []).get(find(id))!).push(id);
  return [...groups.values()];
}

/** Lanes, the boxes in each (lane children), and the peerings between boxes of the same lane. */
function laneGroups(input: LayoutInput) {
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
    // Only peerings group boxes for ELK: a workspace reached by PEs from 100 VNets would otherwise
    // glue a whole subscription into one huge component.
    if (e.kind !== undefined && e.kind !== 'peering') continue;
    const s = topOf(e.source), t = topOf(e.target);
    const l = laneOf.get(s);
    if (s !== t && l && l === laneOf.get(t)) (laneEdges.get(l) ?? laneEdges.set(l, new Set()).get(l)!).add(`${s}\u0000${t}`);
  }
  const pairsOf = (laneId: string) => [...(laneEdges.get(laneId) ?? [])].map((k) => k.split('\u0000') as [string, string]);
  return { lanes, laneChildren, laneOf, topOf, pairsOf };
}

/** The connected components of a lane's boxes, each with its own peerings. */
function laneComponents(children: readonly LayoutNode[], pairs: readonly [string, string][]): { ids: string[]; pairs: [string, string][] }[] {
  return components(children.map((c) => c.id), pairs).map((ids) => {
    const set = new Set(ids);
    return { ids, pairs: ids.length > 1 ? pairs.filter(([a]) => set.has(a)) : [] };
  });
}

/**
 * Whether laying out `input` takes ELK: some lane holds a connected group of boxes that is not a
 * single box or a hub with its spokes. When not, layoutGraph runs without ELK in a few ms, so the
 * caller can skip the worker.
 */
export function needsElk(input: LayoutInput): boolean {
  const { lanes, laneChildren, pairsOf } = laneGroups(input);
  return lanes.some((lane) => laneComponents(laneChildren.get(lane.id) ?? [], pairsOf(lane.id)).some((c) => c.ids.length > 1 && !hubOf(c.ids, c.pairs)));
}

/** Lay out `input`; deterministic for the same input. `elk` may be left out when !needsElk(input). */
export async function layoutGraph(input: LayoutInput, elk?: ELK): Promise<LayoutResult> {
  const { lanes, laneChildren, laneOf, topOf, pairsOf } = laneGroups(input);

  // Each connected component of a lane's boxes (a hub and its spokes, peered VNets) is placed on its
  // own: a star directly (starPlacement.ts), anything else by ELK, all ELK calls at once; a box
  // without peerings needs neither. Components are then shelf-packed per lane, so ELK only ever sees
  // small graphs. Without ELK calls this runs to the end synchronously (see computeLayout's timing).
  type Placed = { at: Map<string, { x: number; y: number }>; width: number; height: number };
  const perLane = lanes.map((lane) => {
    const children = laneChildren.get(lane.id) ?? [];
    const size = new Map(children.map((c) => [c.id, c]));
    const comps = laneComponents(children, pairsOf(lane.id)).map(({ ids, pairs }, ci): { ids: string[]; placed: Placed | Promise<Placed> } => {
      if (ids.length === 1) {
        const c = size.get(ids[0]!)!;
        return { ids, placed: { at: new Map([[c.id, { x: 0, y: 0 }]]), width: c.width, height: c.height } };
      }
      const hub = hubOf(ids, pairs);
      if (hub) return { ids, placed: placeStar(hub, ids, pairs, (id) => size.get(id)!) };
      if (!elk) throw new Error('layoutGraph: this graph needs ELK (see needsElk)');
      const edges = pairs.map(([a, b], i) => ({ id: `e${i}`, sources: [a], targets: [b] }));
      const placed = elk.layout({ id: `c${ci}`, layoutOptions: COMPONENT_OPTIONS, children: ids.map((id) => ({ id, width: size.get(id)!.width, height: size.get(id)!.height })), edges })
        .then((g: ElkNode) => ({ at: new Map((g.children ?? []).map((c) => [c.id, { x: c.x ?? 0, y: c.y ?? 0 }])), width: g.width ?? 0, height: g.height ?? 0 }));
      return { ids, placed };
    });
    return { lane, children, comps };
  });
  const elkCalls = perLane.flatMap((l) => l.comps.map((c) => c.placed)).filter((p) => p instanceof Promise);
  const fromElk = new Map<Promise<Placed>, Placed>();
  if (elkCalls.length) await Promise.all(elkCalls.map(async (p) => fromElk.set(p, await p)));

  const result: LayoutResult = {};
  let y = 0;
  let maxW = 0;
  for (const { lane, children, comps } of perLane) {
    const boxes: Box[] = [];
    const componentOf = new Map<string, { box: string; at: { x: number; y: number } }>();
    comps.forEach(({ ids, placed }, ci) => {
      const p = placed instanceof Promise ? fromElk.get(placed)! : placed;
      boxes.push({ id: `c${ci}`, width: p.width, height: p.height });
      for (const id of ids) componentOf.set(id, { box: `c${ci}`, at: p.at.get(id) ?? { x: 0, y: 0 } });
    });
    const packed = packBoxes(boxes, targetWidth(boxes), COMPONENT_GAP);
    for (const c of children) {
      const { box, at } = componentOf.get(c.id)!;
      const origin = packed.at.get(box) ?? { x: 0, y: 0 };
      result[c.id] = { x: LANE_PAD.side + origin.x + at.x, y: LANE_PAD.top + origin.y + at.y, width: c.width, height: c.height };
    }
    const w = Math.max(packed.width + 2 * LANE_PAD.side, 460);
    const h = Math.max(packed.height + LANE_PAD.top + LANE_PAD.bottom, LANE_PAD.top + 40);
    result[lane.id] = { x: 0, y, width: w, height: h };
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
