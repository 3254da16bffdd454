/**
 * Hub and spoke (Azure's reference topology) placed without ELK. ELK's layered layout of a star is
 * always the spokes in one column and the hub beside it, vertically centred, so computing that
 * directly gives the same picture in microseconds: no ELK pass, and no wait for the layout worker
 * (whose start-up is the slow part of opening a big estate).
 */

/** ELK's spacings for components (see COMPONENT_OPTIONS in layoutGraph.ts). */
const NODE_GAP = 30;
const LAYER_GAP = 60;

interface Sized {
  readonly width: number;
  readonly height: number;
}

/** The node every edge of the component touches (a star's hub), if there is one. */
export function hubOf(ids: readonly string[], pairs: readonly (readonly [string, string])[]): string | undefined {
  if (ids.length < 2 || !pairs.length) return undefined;
  const [a, b] = pairs[0]!;
  for (const candidate of [a, b]) if (pairs.every(([s, t]) => s === candidate || t === candidate)) return candidate;
  return undefined;
}

/**
 * Positions within the component, as ELK lays a star out left to right: when the hub peers out to
 * its spokes it is the first layer (spokes to its right, left-aligned), else the spokes are (hub on
 * the right, spokes right-aligned). Spokes in id order.
 */
export function placeStar(hub: string, ids: readonly string[], pairs: readonly (readonly [string, string])[], size: (id: string) => Sized): { at: Map<string, { x: number; y: number }>; width: number; height: number } {
  const spokes = ids.filter((id) => id !== hub).sort();
  const h = size(hub);
  const colW = Math.max(...spokes.map((id) => size(id).width));
  const colH = spokes.reduce((sum, id) => sum + size(id).height, 0) + NODE_GAP * (spokes.length - 1);
  const height = Math.max(colH, h.height);
  const hubFirst = pairs.some(([s]) => s === hub);
  const at = new Map<string, { x: number; y: number }>();
  at.set(hub, { x: hubFirst ? 0 : colW + LAYER_GAP, y: (height - h.height) / 2 });
  let y = (height - colH) / 2;
  for (const id of spokes) {
    const s = size(id);
    at.set(id, { x: hubFirst ? h.width + LAYER_GAP : colW - s.width, y });
    y += s.height + NODE_GAP;
  }
  return { at, width: colW + LAYER_GAP + h.width, height };
}

/**
 * Whether every connected group of these links is a hub with spokes (or a single link): then so is
 * every part of it, e.g. a lane's share, and laying it out takes no ELK. Undirected; repeats allowed.
 */
export function isStarForest(links: Iterable<readonly [string, string]>): boolean {
  const neighbours = new Map<string, Set<string>>();
  const pairs: [string, string][] = [];
  for (const [a, b] of links) {
    if (a === b) continue;
    pairs.push([a, b]);
    (neighbours.get(a) ?? neighbours.set(a, new Set()).get(a)!).add(b);
    (neighbours.get(b) ?? neighbours.set(b, new Set()).get(b)!).add(a);
  }
  // In a star every link has a leaf end; any link between two nodes with other links is not a star's.
  return pairs.every(([a, b]) => neighbours.get(a)!.size === 1 || neighbours.get(b)!.size === 1);
}
