import { describe, expect, it } from 'vitest';
import ELK from 'elkjs/lib/elk.bundled.js';
import { buildGraph, buildTree } from '../graph/buildGraph';
import { fixtureSnapshot, fixtureVerdict, ID } from '../graph/testing/fixture';
import { NO_FILTERS } from '../graph/types';
import { idKey } from '../../shared/model/armId';
import { layoutGraph, type Placed } from './layoutGraph';

const snapshot = fixtureSnapshot();
const verdict = fixtureVerdict();
const model = buildGraph(buildTree(snapshot, verdict), snapshot, verdict, {
  expanded: new Set(), collapsed: new Set(), defaultExpanded: true, onlyRelevant: false, filters: NO_FILTERS, focus: idKey(ID.cluster),
});
const overlap = (a: Placed, b: Placed) => !(a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y);

describe('layoutGraph', () => {
  it('places lanes as non-overlapping rows, their boxes inside them, externals in a column to the right', async () => {
    const r = await layoutGraph({ nodes: model.nodes, edges: model.edges }, new ELK());
    const lanes = model.nodes.filter((n) => n.kind === 'lane');
    expect(lanes.length).toBe(3);
    for (const a of lanes) for (const b of lanes) if (a !== b) expect(overlap(r[a.id]!, r[b.id]!)).toBe(false);
    const laneRight = Math.max(...lanes.map((l) => r[l.id]!.x + r[l.id]!.width));
    for (const n of model.nodes) {
      if (n.kind === 'external') expect(r[n.id]!.x).toBeGreaterThan(laneRight);
      if (n.parent && model.nodes.find((p) => p.id === n.parent)?.kind === 'lane') {
        const lane = r[n.parent]!;
        const box = r[n.id]!;
        expect(box.x + box.width).toBeLessThanOrEqual(lane.width + 0.5);
        expect(box.y + box.height).toBeLessThanOrEqual(lane.height + 0.5);
      }
    }
    const exts = model.nodes.filter((n) => n.kind === 'external').map((n) => r[n.id]!);
    for (const a of exts) for (const b of exts) if (a !== b) expect(overlap(a, b)).toBe(false);
  });
  it('is deterministic', async () => {
    const input = { nodes: model.nodes, edges: model.edges };
    expect(await layoutGraph(input, new ELK())).toEqual(await layoutGraph(input, new ELK()));
  });
});
