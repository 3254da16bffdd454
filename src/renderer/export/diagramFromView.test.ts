import { describe, expect, it } from 'vitest';
import type { DiagramGraph } from '../../shared/export/diagram/diagramGraph';
import { diagramFromView, type ViewBox } from './diagramFromView';

const graph: DiagramGraph = {
  nodes: [
    { id: 'v', kind: 'vnet', label: 'vnet-a' },
    { id: 's', kind: 'subnet', label: 'snet', parentId: 'v' },
    { id: 'c', kind: 'compute', label: 'cluster', parentId: 's' },
    { id: 'hidden', kind: 'subnet', label: 'other', parentId: 'v2' },
    { id: 'peer:storage', kind: 'peer', label: 'Storage' },
    { id: 'peer:unseen', kind: 'peer', label: 'AzureMonitor' },
  ],
  edges: [
    { id: 'c→peer:storage', source: 'c', target: 'peer:storage', status: 'allowed', label: 'O3 443/Tcp' },
    { id: 'c→peer:unseen', source: 'c', target: 'peer:unseen', status: 'blocked', label: 'O10 443/Tcp' },
    { id: 'hidden→c', source: 'hidden', target: 'c', status: 'blocked', label: 'x' },
  ],
};
const boxes = new Map<string, ViewBox>([
  ['v', { x: 100, y: 200, width: 400, height: 300 }],
  ['s', { x: 120, y: 240, width: 360, height: 200 }],
  ['c', { x: 140, y: 280, width: 180, height: 48 }],
  ['ext|tag|storage', { x: 700, y: 220, width: 200, height: 40 }],
]);

describe('diagramFromView', () => {
  it('uses the canvas boxes, relative to the parent, and keeps what the view hides out', () => {
    const d = diagramFromView(graph, boxes, new Map([['peer:storage', 'ext|tag|storage']]), 'sample');
    const byId = new Map(d.nodes.map((n) => [n.id, n]));
    expect(byId.get('v')).toMatchObject({ x: 24, y: 24, width: 400, height: 300 });
    expect(byId.get('s')).toMatchObject({ parentId: 'v', x: 20, y: 40, width: 360 });
    expect(byId.get('c')).toMatchObject({ parentId: 's', x: 20, y: 40 });
    expect(byId.get('peer:storage')).toMatchObject({ x: 624, y: 44 });
    expect(byId.has('hidden')).toBe(false);
    // a peer the canvas does not show still appears, right of everything drawn
    expect(byId.get('peer:unseen')!.x).toBeGreaterThan(byId.get('peer:storage')!.x + 200);
    expect(d.edges.map((e) => e.id)).toEqual(['c→peer:storage', 'c→peer:unseen']);
    expect(d.nodes.map((n) => n.kind).indexOf('vnet')).toBe(0);
  });
  it('falls back to the grid layout when the canvas shows nothing yet', () => {
    const d = diagramFromView(graph, new Map(), new Map(), 't');
    expect(d.nodes.length).toBeGreaterThan(0);
    expect(d.title).toBe('t');
  });
});
