/**
 * The canvas: builds the graph from store state, lays it out in the worker, and renders it with
 * React Flow (custom nodes, minimap, controls). Clicks select; double-click toggles a VNet.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { Controls, MiniMap, Panel, ReactFlow, getViewportForBounds, useReactFlow, type Edge, type Node, type Viewport } from '@xyflow/react';
import { useShallow } from 'zustand/react/shallow';
import { buildGraph } from '../graph/buildGraph';
import { toFlow, type FlowNode } from '../graph/toFlow';
import { useLayout } from '../layout/useLayout';
import { useApp } from '../state/store';
import type { LoadedEstate } from '../state/loadEstate';
import { nodeTypes } from './nodes/nodeTypes';
import { markStage } from '../perfMarks';

/** Below this zoom text is unreadable: the canvas stops painting edge labels and small print. */
const FAR_ZOOM = 0.4;
/**
 * An estate opens fitted, but never further out than this: a big estate then opens on its first
 * lanes at a zoom where boxes can be read (the minimap and Fit show the whole), and since only what
 * is in view is rendered, opening and panning cost the same at 2,000 resources as at 200.
 */
const OPENING_MIN_ZOOM = FAR_ZOOM;
const FIT_PADDING = 0.08;
const MIN_ZOOM = 0.03;
const MAX_ZOOM = 2.5;

const MINIMAP_COLOR: Readonly<Record<string, string>> = { lane: 'transparent', vnet: '#3b82f6', subnet: '#64748b', resource: '#94a3b8', external: '#a855f7' };

/** The graph for `estate`. */
export function Topology({ estate }: { estate: LoadedEstate }): React.JSX.Element {
  const { view, selection, centerOn, select, setFocus, toggleVnet, expandMany } = useApp(useShallow((s) => ({
    view: s.view, selection: s.selection, centerOn: s.centerOn, select: s.select, setFocus: s.setFocus, toggleVnet: s.toggleVnet, expandMany: s.expandMany,
  })));
  const model = useMemo(() => {
    const m = buildGraph(estate.tree, estate.snapshot, estate.verdict, view);
    markStage('graph-built');
    return m;
  }, [estate, view]);
  const { laidOut, pending, error } = useLayout(model);
  const selectedId = selection?.kind === 'node' || selection?.kind === 'edge' ? selection.id : undefined;
  const flow = useMemo(() => (laidOut ? toFlow(laidOut.model, laidOut.layout, selectedId) : { nodes: [], edges: [] }), [laidOut, selectedId]);
  const rf = useReactFlow();
  // Keyed by the opened file, not the estate object: a what-if edit makes a new estate but must keep the view.
  const fitted = useRef<LoadedEstate['file'] | undefined>(undefined);
  const canvas = useRef<HTMLDivElement>(null);

  // Pan and zoom touch the DOM directly (a class, a data attribute), never React state: a store
  // update per frame would re-render every node. While moving far out (many nodes in view), the
  // viewport is its own compositor layer, so a pan frame moves an already rasterised picture instead
  // of repainting it; nearer in, only the few nodes in view are rendered and repainting them is
  // cheaper. Nothing is hit-tested under the pointer while moving; the layer is dropped at rest so
  // zoomed text is re-rasterised sharp.
  const onMoveStart = useCallback(() => canvas.current?.classList.add('moving'), []);
  const onMoveEnd = useCallback(() => canvas.current?.classList.remove('moving'), []);
  const onMove = useCallback((_: unknown, vp: Viewport) => {
    const zoom = vp.zoom < FAR_ZOOM ? 'far' : 'near';
    if (canvas.current && canvas.current.dataset.zoom !== zoom) canvas.current.dataset.zoom = zoom;
  }, []);

  // First picture of an estate: fit it before the browser paints (layout effect), from the declared
  // sizes, so the graph is never rasterised once at zoom 1 and then again fitted.
  useLayoutEffect(() => {
    if (!laidOut || fitted.current === estate.file) return;
    fitted.current = estate.file;
    const top = flow.nodes.filter((n) => !n.parentId);
    const el = canvas.current;
    if (top.length && el) {
      const x0 = Math.min(...top.map((n) => n.position.x)), y0 = Math.min(...top.map((n) => n.position.y));
      const x1 = Math.max(...top.map((n) => n.position.x + (n.width ?? 0))), y1 = Math.max(...top.map((n) => n.position.y + (n.height ?? 0)));
      const fit = getViewportForBounds({ x: x0, y: y0, width: x1 - x0, height: y1 - y0 }, el.clientWidth, el.clientHeight, MIN_ZOOM, MAX_ZOOM, FIT_PADDING);
      // Too big to read when fitted: the top-left corner (first lane) at the opening zoom instead,
      // below the canvas's top-left panel.
      const vp = fit.zoom >= OPENING_MIN_ZOOM ? fit : { x: 24 - x0 * OPENING_MIN_ZOOM, y: 56 - y0 * OPENING_MIN_ZOOM, zoom: OPENING_MIN_ZOOM };
      void rf.setViewport(vp, { duration: 0 });
      onMove(undefined, vp);
    }
    // Mark for e2e and the render bench: the graph (nodes, then edges once React Flow has its
    // handles) is on screen two frames later.
    requestAnimationFrame(() => requestAnimationFrame(() => {
      markStage('graph-ready');
      document.body.dataset.graphReady = String(Date.now());
    }));
  }, [laidOut, estate, flow, rf, onMove]);

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
    <div ref={canvas} className="canvas" data-testid="graph" data-ready={laidOut && !pending ? 'true' : 'false'} data-nodes={flow.nodes.length} data-edges={flow.edges.length} data-layout-ms={laidOut ? Math.round(laidOut.ms) : ''}>
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
        onMoveStart={onMoveStart}
        onMove={onMove}
        onMoveEnd={onMoveEnd}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable
        minZoom={MIN_ZOOM}
        maxZoom={MAX_ZOOM}
        zoomOnDoubleClick={false}
        onlyRenderVisibleElements
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
