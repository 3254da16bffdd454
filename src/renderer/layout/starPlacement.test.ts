import { describe, expect, it } from 'vitest';
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkNode } from 'elkjs/lib/elk-api';
import { hubOf, isStarForest, placeStar } from './starPlacement';
import { layoutGraph, needsElk, type LayoutInput } from './layoutGraph';

const sizes: Record<string, { width: number; height: number }> = {
  h: { width: 260, height: 118 }, s1: { width: 260, height: 118 }, s2: { width: 300, height: 118 }, s3: { width: 260, height: 200 }, s4: { width: 260, height: 118 },
};
const ids = Object.keys(sizes);
const spokes = ids.filter((id) => id !== 'h');
const inward = spokes.map((s) => [s, 'h'] as [string, string]);
const outward = spokes.map((s) => ['h', s] as [string, string]);

/** ELK with the component options of layoutGraph.ts, for comparison. */
async function elkLayout(pairs: [string, string][]) {
  const g: ElkNode = await new ELK().layout({
    id: 'c',
    layoutOptions: { 'elk.algorithm': 'layered', 'elk.direction': 'RIGHT', 'elk.spacing.nodeNode': '30', 'elk.layered.spacing.nodeNodeBetweenLayers': '60', 'elk.layered.nodePlacement.strategy': 'SIMPLE', 'elk.padding': '[top=0,left=0,bottom=0,right=0]' },
    children: ids.map((id) => ({ id, ...sizes[id]! })),
    edges: pairs.map(([a, b], i) => ({ id: `e${i}`, sources: [a], targets: [b] })),
  });
  return { width: g.width, height: g.height, at: new Map((g.children ?? []).map((c) => [c.id, { x: c.x, y: c.y }])) };
}

describe('starPlacement', () => {
  it('finds the hub of a star, and none in a chain of four', () => {
    expect(hubOf(ids, inward)).toBe('h');
    expect(hubOf(ids, outward)).toBe('h');
    expect(hubOf(ids, [...inward, ...outward])).toBe('h');
    expect(hubOf(['a', 'b', 'c', 'd'], [['a', 'b'], ['b', 'c'], ['c', 'd']])).toBeUndefined();
    expect(hubOf(['a'], [])).toBeUndefined();
  });

  it('gives the size and hub position ELK gives, spokes in one column on the side ELK puts them', async () => {
    for (const pairs of [inward, outward]) {
      const mine = placeStar('h', ids, pairs, (id) => sizes[id]!);
      const elk = await elkLayout(pairs);
      expect([mine.width, mine.height]).toEqual([elk.width, elk.height]);
      expect(mine.at.get('h')).toEqual(elk.at.get('h'));
      // Every spoke sits in the same column as in ELK's picture (ELK may order them differently).
      for (const s of spokes) expect(mine.at.get(s)!.x).toBe(elk.at.get(s)!.x);
    }
  });

  it('tells a forest of hubs with spokes from anything else', () => {
    expect(isStarForest([...inward, ...outward, ['x', 'y'], ['z', 'y'], ['z', 'y']])).toBe(true);
    expect(isStarForest([])).toBe(true);
    expect(isStarForest([...inward, ['h', 'h2'], ['h2', 't']])).toBe(false); // two hubs peered
    expect(isStarForest([['a', 'b'], ['b', 'c'], ['c', 'a']])).toBe(false);
  });

  it('never overlaps two boxes', () => {
    const { at } = placeStar('h', ids, inward, (id) => sizes[id]!);
    for (const a of ids) for (const b of ids) {
      if (a === b) continue;
      const pa = at.get(a)!, pb = at.get(b)!, sa = sizes[a]!, sb = sizes[b]!;
      expect(pa.x + sa.width <= pb.x || pb.x + sb.width <= pa.x || pa.y + sa.height <= pb.y || pb.y + sb.height <= pa.y).toBe(true);
    }
  });
});

describe('layoutGraph without ELK', () => {
  const lane = { id: 'lane', kind: 'lane', width: 0, height: 0 };
  const box = (id: string) => ({ id, kind: 'vnet', parent: 'lane', ...sizes[id]! });
  const star: LayoutInput = { nodes: [lane, ...ids.map(box)], edges: inward.map(([source, target]) => ({ source, target, kind: 'peering' })) };
  const mesh: LayoutInput = { nodes: star.nodes, edges: [...star.edges, { source: 's1', target: 's2', kind: 'peering' }] };

  it('lays out hub-and-spoke lanes by itself, and says when a group needs ELK', async () => {
    expect(needsElk(star)).toBe(false);
    expect(needsElk(mesh)).toBe(true);
    const r = await layoutGraph(star);
    expect(r.h!.x).toBeGreaterThan(r.s1!.x);
    await expect(layoutGraph(mesh)).rejects.toThrow(/needs ELK/);
    const withElk = await layoutGraph(mesh, new ELK());
    expect(Object.keys(withElk).sort()).toEqual(['h', 'lane', 's1', 's2', 's3', 's4']);
  });
});
