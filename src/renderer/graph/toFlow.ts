/**
 * GraphModel + layout → React Flow nodes and edges. Node `data` carries the graph node (domain ids and
 * display text, no callbacks); styling of edges encodes status by colour AND dash pattern AND icon.
 */
import type { Edge, Node } from '@xyflow/react';
import { MarkerType, Position, type NodeHandle } from '@xyflow/react';
import type { LayoutResult } from '../layout/layoutGraph';
import type { GraphEdge, GraphModel, GraphNode, NodeKind } from './types';

/** What every custom node receives. */
export type GraphNodeData = { readonly g: GraphNode; readonly dim?: boolean };
export type FlowNode = Node<GraphNodeData, NodeKind>;
export type FlowEdge = Edge<{ readonly g: GraphEdge }>;

/** Dash pattern per flow status: solid allowed, long dashes blocked, dots unknown. */
export const STATUS_DASH: Readonly<Record<string, string | undefined>> = { allowed: undefined, blocked: '8 5', unknown: '2 5' };

function edgeStyle(e: GraphEdge): { className: string; style: Record<string, string | number>; animated?: boolean } {
  if (e.kind === 'flow') {
    const status = e.status ?? 'unknown';
    return { className: `flow flow-${status}`, style: { stroke: `var(--${status})`, strokeWidth: 2.2, ...(STATUS_DASH[status] ? { strokeDasharray: STATUS_DASH[status]! } : {}) } };
  }
  if (e.kind === 'peering') {
    const ok = (e.state ?? '').toLowerCase() === 'connected';
    return { className: `peering peering-${(e.state ?? 'unknown').toLowerCase()}`, style: { stroke: ok ? 'var(--peering)' : 'var(--blocked)', strokeWidth: 3, ...(ok ? {} : { strokeDasharray: '10 6' }) } };
  }
  const color = e.kind === 'dnsLink' ? 'var(--dns)' : 'var(--muted)';
  return { className: e.kind, style: { stroke: color, strokeWidth: 1.2, strokeDasharray: '3 4' } };
}

/**
 * Where nodes/Handles.tsx puts the two 1 px handles (centred on the left and right edges), declared
 * so React Flow draws the edges in the same pass as the nodes instead of after measuring every
 * node's handles in the DOM (one fewer render of the whole graph before it is on screen).
 */
function declaredHandles(width: number, height: number): NodeHandle[] {
  return [
    { type: 'target', position: Position.Left, x: -0.5, y: height / 2 - 0.5, width: 1, height: 1 },
    { type: 'source', position: Position.Right, x: width - 0.5, y: height / 2 - 0.5, width: 1, height: 1 },
  ];
}

/** Convert; parents come before children as React Flow requires. */
export function toFlow(model: GraphModel, layout: LayoutResult, selectedId?: string): { nodes: FlowNode[]; edges: FlowEdge[] } {
  const nodes: FlowNode[] = model.nodes.map((g) => {
    const placed = layout[g.id];
    const width = placed?.width ?? g.width;
    const height = placed?.height ?? g.height;
    return {
      id: g.id,
      type: g.kind,
      position: { x: placed?.x ?? g.x, y: placed?.y ?? g.y },
      ...(g.parent ? { parentId: g.parent } : {}),
      width,
      height,
      style: { width, height },
      ...(g.kind !== 'lane' ? { handles: declaredHandles(width, height) } : {}),
      data: { g },
      draggable: false,
      connectable: false,
      selected: g.id === selectedId,
      ...(g.kind === 'lane' || g.kind === 'vnet' || g.kind === 'subnet' ? { zIndex: g.kind === 'lane' ? -3 : g.kind === 'vnet' ? -2 : -1 } : {}),
    };
  });
  const edges: FlowEdge[] = model.edges.map((g) => {
    const { className, style } = edgeStyle(g);
    return {
      id: g.id,
      source: g.source,
      target: g.target,
      className,
      style,
      // Peerings and DNS links join boxes in different lanes: straight lines read better than loops.
      ...(g.kind === 'peering' || g.kind === 'dnsLink' ? { type: 'straight' } : {}),
      zIndex: g.kind === 'flow' ? 10 : 5,
      ...(g.label ? { label: g.label, labelBgPadding: [4, 2] as [number, number], labelBgBorderRadius: 3, labelBgStyle: { fill: 'var(--panel)' }, labelStyle: { fill: 'var(--fg)', fontSize: 11 } } : {}),
      ...(g.kind === 'flow' || g.kind === 'privateLink' ? { markerEnd: { type: MarkerType.ArrowClosed, color: g.kind === 'flow' ? `var(--${g.status ?? 'unknown'})` : 'var(--muted)' } } : {}),
      selected: g.id === selectedId,
      data: { g },
    };
  });
  return { nodes, edges };
}
