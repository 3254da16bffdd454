import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateEstate } from '../../src/shared/engine/evaluateEstate';
import { ingest } from '../../src/shared/ingest';
import { idKey } from '../../src/shared/model';
import { diagramGraph } from '../../src/shared/export/diagram/diagramGraph';
import { gridLayout } from '../../src/shared/export/diagram/gridLayout';
import { toDrawio } from '../../src/shared/export/diagram/drawio';
import { toSvg } from '../../src/shared/export/diagram/svg';
import type { DiagramLayout } from '../../src/shared/export/diagram/diagramTypes';

const snapshot = ingest(JSON.parse(readFileSync('samples/sample-estate.json', 'utf8')), { fileName: 'sample-estate.json' });
const verdict = evaluateEstate(snapshot);
const graph = diagramGraph(snapshot, verdict);
const layout = gridLayout(graph, 'sample');

/** Start/end tags balance (a cheap well-formedness check without an XML parser). */
function balanced(xml: string): boolean {
  const stack: string[] = [];
  for (const m of xml.replace(/<\?xml[^>]*\?>/, '').matchAll(/<(\/?)([A-Za-z][\w:-]*)[^>]*?(\/?)>/g)) {
    if (m[3]) continue;
    if (!m[1]) stack.push(m[2]!);
    else if (stack.pop() !== m[2]) return false;
  }
  return stack.length === 0;
}

describe('diagram graph and grid layout', () => {
  it('nests subnets in VNets and computes in subnets, with one edge per compute and peer', () => {
    const cluster = verdict.computes.find((c) => c.name === 'cpu-cluster')!;
    const node = graph.nodes.find((n) => n.id === idKey(cluster.id))!;
    expect(node.parentId).toBe(idKey(cluster.subnetId));
    expect(graph.nodes.find((n) => n.id === node.parentId)?.parentId).toBe(idKey(snapshot.subnets.get(idKey(cluster.subnetId))!.vnetId));
    const blocked = cluster.flows.filter((f) => f.status === 'blocked' && f.peer === 'AzureMachineLearning');
    expect(blocked.length).toBeGreaterThan(0);
    const edge = graph.edges.find((e) => e.source === node.id && e.target === 'peer:azuremachinelearning')!;
    expect(edge.status).toBe('blocked');
  });

  it('is deterministic and keeps children inside their parent without overlaps', () => {
    expect(gridLayout(diagramGraph(snapshot, verdict), 'sample')).toEqual(layout);
    const byId = new Map(layout.nodes.map((n) => [n.id, n]));
    for (const n of layout.nodes) {
      if (!n.parentId) continue;
      const p = byId.get(n.parentId)!;
      expect(n.x + n.width, `${n.label} inside ${p.label}`).toBeLessThanOrEqual(p.width);
      expect(n.y + n.height, `${n.label} inside ${p.label}`).toBeLessThanOrEqual(p.height);
    }
    const siblings = new Map<string, typeof layout.nodes[number][]>();
    for (const n of layout.nodes) siblings.set(n.parentId ?? '', [...(siblings.get(n.parentId ?? '') ?? []), n]);
    for (const group of siblings.values()) {
      for (const [i, a] of group.entries()) for (const b of group.slice(i + 1)) {
        const overlap = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
        expect(overlap, `${a.label} / ${b.label}`).toBe(false);
      }
    }
  });
});

describe('draw.io export', () => {
  const xml = toDrawio(layout);
  it('is an mxGraphModel with containers, coloured/dashed flow edges and a legend', () => {
    expect(balanced(xml)).toBe(true);
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<mxfile host="VNetLens"/);
    const vnetCells = [...xml.matchAll(/<mxCell id="(n\d+)" value="vnet-[^"]*" tooltip="[^"]*" style="swimlane;container=1;/g)].map((m) => m[1]);
    expect(vnetCells.length).toBe(snapshot.vnets.size);
    const subnetParents = [...xml.matchAll(/style="swimlane;container=1;collapsible=1;startSize=24;[^"]*" vertex="1" parent="(n\d+)"/g)].map((m) => m[1]);
    expect(subnetParents.every((p) => vnetCells.includes(p))).toBe(true);
    const blockedEdges = graph.edges.filter((e) => e.status === 'blocked').length;
    expect(xml.match(/edge="1" parent="1"/g)?.length).toBe(graph.edges.length);
    expect(xml.match(/strokeColor=#c62828;fontColor=#c62828;fontSize=9;dashed=1;dashPattern=8 4;" edge="1" parent="1"/g)?.length).toBe(blockedEdges);
    expect(xml).toContain('value="blocked flow"');
    expect(xml).toContain('value="allowed flow"');
  });

  it('escapes labels', () => {
    const tricky: DiagramLayout = { title: 'a&b', nodes: [{ id: '<x>', kind: 'peer', label: 'R&D "lab" <1>', x: 0, y: 0, width: 10, height: 10 }], edges: [] };
    const out = toDrawio(tricky);
    expect(out).toContain('value="R&amp;D &quot;lab&quot; &lt;1&gt;"');
    expect(balanced(out)).toBe(true);
  });
});

describe('SVG export', () => {
  it('draws every node and edge with the status style, and a legend', () => {
    const svg = toSvg(layout);
    expect(balanced(svg)).toBe(true);
    expect(svg.match(/<g class="node /g)?.length).toBe(layout.nodes.length);
    expect(svg.match(/<g class="edge blocked">/g)?.length).toBe(graph.edges.filter((e) => e.status === 'blocked').length);
    expect(svg).toMatch(/<line [^>]*stroke="#c62828" stroke-width="2" stroke-dasharray="8 4" marker-end="url\(#arrow-blocked\)"/);
    expect(svg).toContain('<g class="legend">');
  });

  it('resolves positions relative to parents', () => {
    const svg = toSvg({ title: 't', nodes: [
      { id: 'v', kind: 'vnet', label: 'v', x: 100, y: 50, width: 300, height: 200 },
      { id: 's', kind: 'subnet', label: 's', parentId: 'v', x: 10, y: 40, width: 200, height: 100 },
      { id: 'c', kind: 'compute', label: 'c', parentId: 's', x: 5, y: 30, width: 50, height: 20 },
    ], edges: [] });
    expect(svg).toContain('<rect x="115" y="120" width="50" height="20"');
  });
});
