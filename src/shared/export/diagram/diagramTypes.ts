/**
 * The pure layout input of the diagram exports: boxes with positions and sizes, and flow edges.
 * The renderer fills it from React Flow's current view; the CLI from gridLayout. Positions are
 * relative to the parent box (React Flow's and draw.io's convention).
 */
import type { FlowStatus } from '../../engine/verdict';

export type DiagramNodeKind = 'vnet' | 'subnet' | 'compute' | 'privateEndpoint' | 'peer';

export interface DiagramNode {
  readonly id: string;
  readonly kind: DiagramNodeKind;
  readonly label: string;
  /** Second line (address prefix, compute kind, …). */
  readonly detail?: string;
  readonly parentId?: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface DiagramEdge {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  /** Worst status of the flows the edge stands for (blocked > unknown > allowed). */
  readonly status: FlowStatus;
  readonly label: string;
}

export interface DiagramLayout {
  readonly title: string;
  readonly nodes: readonly DiagramNode[];
  readonly edges: readonly DiagramEdge[];
}

/** Colour and dash per status: the same legend in every export. */
export const STATUS_STYLE: Readonly<Record<FlowStatus, { readonly color: string; readonly dash: string; readonly label: string }>> = {
  allowed: { color: '#2e7d32', dash: '', label: 'allowed' },
  blocked: { color: '#c62828', dash: '8 4', label: 'blocked' },
  unknown: { color: '#b26a00', dash: '2 4', label: 'unknown' },
};

/** Fill colours of boxes by kind. */
export const KIND_FILL: Readonly<Record<DiagramNodeKind, string>> = {
  vnet: '#e8f1fb', subnet: '#ffffff', compute: '#ede7f6', privateEndpoint: '#e0f2f1', peer: '#f5f5f5',
};
