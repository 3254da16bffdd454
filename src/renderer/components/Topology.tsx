/**
 * The canvas: builds the graph from store state, lays it out in the worker, and renders it with
 * React Flow (custom nodes, minimap, controls). Clicks select; double-click toggles a VNet.
 */
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { Controls, MiniMap, Panel, ReactFlow, useReactFlow, type Edge, type Node } from '@xyflow/react';
import { useShallow } from 'zustand/react/shallow';
import { buildGraph } from '../graph/buildGraph';
import { toFlow, type FlowNode } from '../graph/toFlow';
import { useLayout } from '../layout/useLayout';
import { useApp } from '../state/store';
import type { LoadedEstate } from '../state/loadEstate';
import { nodeTypes } from './nodes/nodeTypes';

const MINIMAP_COLOR: Readonly<Record<string, string>> = { lane: 'transparent', vnet: '#3b82f6', subnet: '#64748b', resource: '#94a3b8', external: '#a855f7' };

/** The graph for `estate`. */
export function Topology({ estate }: { estate: LoadedEstate }): React.JSX.Element {
  const { view, selection, centerOn, select, setFocus, toggleVnet, expandMany } = useApp(useShallow((s) => ({
    view: s.view, selection: s.selection, centerOn: s.centerOn, select: s.select, setFocus: s.setFocus, toggleVnet: s.toggleVnet, expandMany: s.expandMany,
  })));
  const model = useMemo(() => buildGraph(estate.tree, estate.snapshot, estate.verdict, view), [estate, view]);
  const { laidOut, pending, error } = useLayout(model);
  const selectedId = selection?.kind === 'node' || selection?.kind === 'edge' ? selection.id : undefined;
  const flow = useMemo(() => (laidOut ? toFlow(laidOut.model, laidOut.layout, selectedId) : { nodes: [], edges: [] }), [laidOut, selectedId]);
  const rf = useReactFlow();
  const fitted = useRef<LoadedEstate | undefined>(undefined);

  useEffect(() => {
    if (!laidOut) return;
    if (fitted.current !== estate) {
      fitted.current = estate;
      requestAnimationFrame(() => {
        void rf.fitView({ padding: 0.08, duration: 0 });
        // Mark for e2e and the render bench: the graph is on screen.
        requestAnimationFrame(() => {
          performance.mark?.('vnetlens-graph-ready');
          document.body.dataset.graphReady = String(Date.now());
        });
      });
    }
  }, [laidOut, estate, rf]);

  useEffect(() => {
    if (!centerOn || !laidOut) return;
    const n = rf.getInternalNode(centerOn.id);
    if (!n) return;
    const p = n.internals.positionAbsolute;
    void rf.setCenter(p.x + (n.width ?? 0) / 2, p.y + (n.height ?? 0) / 2, { zoom: Math.max(rf.getZoom(), 0.9), duration: 200 });
  }, [centerOn, laidOut, rf]);

  const onNodeClick = useCallback((_: React.MouseEvent, node: Node) => {
    const g = (node as FlowNode).data.g;
    select({ kind: 'node', id: node.id });
    if (g.resourceKind === 'compute') setFocus(node.id);
  }, [select, setFocus]);
  const onEdgeClick = useCallback((_: React.MouseEvent, edge: Edge) => select({ kind: 'edge', id: edge.id }), [select]);
  const onNodeDoubleClick = useCallback((_: React.MouseEvent, node: Node) => {
    if ((node as FlowNode).data.g.kind === 'vnet') toggleVnet(node.id);
  }, [toggleVnet]);
  const expandInView = useCallback(() => {
    const { x, y, zoom } = rf.getViewport();
    const el = document.querySelector('.react-flow');
    const w = (el?.clientWidth ?? 1200) / zoom, h = (el?.clientHeight ?? 800) / zoom;
    const vx = -x / zoom, vy = -y / zoom;
    const ids = rf.getNodes().filter((n) => (n as FlowNode).data.g.collapsed).filter((n) => {
      const p = rf.getInternalNode(n.id)?.internals.positionAbsolute;
      return p && p.x < vx + w && p.x + (n.width ?? 0) > vx && p.y < vy + h && p.y + (n.height ?? 0) > vy;
    }).slice(0, 25).map((n) => n.id);
    expandMany(ids);
  }, [rf, expandMany]);

  return (
    <div className="canvas" data-testid="graph" data-ready={laidOut && !pending ? 'true' : 'false'} data-nodes={flow.nodes.length} data-edges={flow.edges.length} data-layout-ms={laidOut ? Math.round(laidOut.ms) : ''}>
      {/* No <Background/>: its pattern moves with every pan frame and costs a full-canvas repaint in
          software rendering; the pane's flat colour comes from --bg. */}
      <ReactFlow
        nodes={flow.nodes}
        edges={flow.edges}
        nodeTypes={nodeTypes}
        onNodeClick={onNodeClick}
        onEdgeClick={onEdgeClick}
        onNodeDoubleClick={onNodeDoubleClick}
        onPaneClick={() => select(undefined)}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable
        minZoom={0.03}
        maxZoom={2.5}
        zoomOnDoubleClick={false}
        proOptions={{ hideAttribution: true }}
      >
        <MiniMap pannable zoomable nodeColor={(n) => MINIMAP_COLOR[n.type ?? ''] ?? '#888'} nodeStrokeWidth={0} />
        <Controls showInteractive={false} />
        <Panel position="top-left" className="canvas-panel">
          <button className="ghost small" data-testid="expand-in-view" onClick={expandInView} title="Expand the collapsed VNets in view">Expand in view</button>
          {pending && <span className="muted small" data-testid="layout-pending">laying out…</span>}
          {error && <span className="error small">{error}</span>}
        </Panel>
      </ReactFlow>
    </div>
  );
}
