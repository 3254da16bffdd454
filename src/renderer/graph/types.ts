/**
 * The renderer's graph model: what the picture shows, independent of React Flow. Pure functions turn
 * Snapshot + EstateVerdict + ViewState into a GraphModel; layout adds positions; toFlow makes React
 * Flow nodes. Node ids are stable strings (ARM id keys for resources) so selection survives re-layout.
 */
import type { FlowStatus } from '../../shared/engine/verdict';

export type NodeKind = 'lane' | 'vnet' | 'subnet' | 'resource' | 'external';

/** What a resource node stands for (drives its icon and inspector section). */
export type ResourceKind =
  | 'compute' | 'privateEndpoint' | 'firewall' | 'natGateway' | 'dnsZone' | 'workspace' | 'target';

/** A small tag on a subnet (NSG, route table, NAT, delegation, free addresses). */
export interface Badge {
  readonly kind: 'nsg' | 'routeTable' | 'nat' | 'delegation' | 'free' | 'fault';
  readonly text: string;
  readonly title: string;
}

/** Aggregated verdicts of the computes inside a node (collapsed VNets, compute nodes). */
export interface VerdictCounts {
  readonly allowed: number;
  readonly blocked: number;
  readonly unknown: number;
  readonly failedChecks: number;
}

export interface GraphNode {
  readonly id: string;
  readonly kind: NodeKind;
  /** Id of the enclosing node (lane, VNet or subnet). */
  readonly parent?: string;
  readonly label: string;
  readonly sublabel?: string;
  /** ARM id (original spelling) when the node is a resource. */
  readonly resourceId?: string;
  readonly resourceKind?: ResourceKind;
  readonly badges: readonly Badge[];
  /** Checks failing on this resource (as the resource at fault, or as the compute). */
  readonly faults: number;
  readonly verdicts?: VerdictCounts;
  /** VNets only: collapsed into one box showing counts. */
  readonly collapsed?: boolean;
  readonly counts?: { readonly subnets: number; readonly resources: number; readonly computes: number; readonly privateEndpoints: number };
  /** Declared up front: React Flow never measures. */
  width: number;
  height: number;
  /** Position relative to the parent, filled in by sizing (inner) or layout (lanes, top level). */
  x: number;
  y: number;
}

export type EdgeKind = 'peering' | 'flow' | 'privateLink' | 'dnsLink' | 'natLink';

/** A flow of one compute, by position in the verdict: (compute index, flow index). */
export interface FlowRef {
  readonly compute: number;
  readonly flow: number;
}

export interface GraphEdge {
  readonly id: string;
  readonly kind: EdgeKind;
  readonly source: string;
  readonly target: string;
  readonly label?: string;
  /** Flow edges: worst status of the flows bundled here (blocked > unknown > allowed). */
  readonly status?: FlowStatus;
  readonly flows?: readonly FlowRef[];
  /** Peering edges: the state (Connected solid; Initiated/Disconnected dashed red). */
  readonly state?: string;
}

export interface GraphModel {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
}

/** Filters the user sets; empty set = no filter. */
export interface Filters {
  readonly subscriptions: ReadonlySet<string>;
  readonly regions: ReadonlySet<string>;
  readonly kinds: ReadonlySet<ResourceKind>;
}

/** Everything besides the data that changes what is drawn. */
export interface ViewState {
  /** VNet node ids shown expanded; `defaultExpanded` applies to the rest. */
  readonly expanded: ReadonlySet<string>;
  readonly collapsed: ReadonlySet<string>;
  readonly defaultExpanded: boolean;
  /** Compute node id whose flows to draw, 'all', or undefined for no overlay. */
  readonly focus?: string;
  /** Hide what does not matter to the focused compute. */
  readonly onlyRelevant: boolean;
  readonly filters: Filters;
}

/** An empty filter set. */
export const NO_FILTERS: Filters = { subscriptions: new Set(), regions: new Set(), kinds: new Set() };
