/**
 * What is drawn: filters (subscription, region, type), "only what matters to this compute", and
 * collapsed VNets (their contents hidden, counted and summarised on the VNet box). Everything hidden
 * inside a collapsed VNet is represented by the VNet, so edges to it still show.
 */
import { laneParts } from './ids';
import { addCounts } from './annotate';
import type { GraphNode, ViewState } from './types';

/** Is this VNet drawn expanded? */
export function isExpanded(view: ViewState, vnetId: string): boolean {
  return view.expanded.has(vnetId) || (view.defaultExpanded && !view.collapsed.has(vnetId));
}

/** The visible nodes (parents before children) and a map from any node id to the visible node standing for it. */
export interface Visibility {
  readonly visible: Map<string, GraphNode>;
  /** Nearest visible self-or-ancestor; undefined when filtered out entirely. */
  representative(id: string): string | undefined;
}

/** Apply filters, relevance and collapse to the full tree. */
export function computeVisibility(all: ReadonlyMap<string, GraphNode>, view: ViewState, relevant: ReadonlySet<string> | undefined): Visibility {
  const children = new Map<string, string[]>();
  for (const n of all.values()) if (n.parent) (children.get(n.parent) ?? children.set(n.parent, []).get(n.parent)!).push(n.id);

  const { subscriptions, regions, kinds } = view.filters;
  const laneShown = (id: string) => {
    const { subscriptionId, region } = laneParts(id);
    return (!subscriptions.size || subscriptions.has(subscriptionId)) && (!regions.size || regions.has(region));
  };
  // Bottom-up "kept": a node stays when it passes its own test or any descendant stays.
  const kept = new Set<string>();
  const keep = (id: string): boolean => {
    const n = all.get(id)!;
    if (n.kind === 'lane' && !laneShown(id)) return false;
    let any = false;
    for (const c of children.get(id) ?? []) if (keep(c)) any = true;
    let self: boolean;
    if (n.kind === 'resource') self = (!kinds.size || (n.resourceKind !== undefined && kinds.has(n.resourceKind))) && (!relevant || relevant.has(id));
    else if (n.kind === 'lane') self = any;
    else self = !relevant || relevant.has(id) || any;
    if (self || any) kept.add(id);
    return self || any;
  };
  for (const n of all.values()) if (!n.parent) keep(n.id);

  const visible = new Map<string, GraphNode>();
  const hiddenBy = new Map<string, string>();
  for (const n of all.values()) {
    if (!kept.has(n.id)) continue;
    const parentHider = n.parent ? hiddenBy.get(n.parent) : undefined;
    if (parentHider) {
      hiddenBy.set(n.id, parentHider);
      continue;
    }
    if (n.kind === 'vnet' && !isExpanded(view, n.id)) {
      hiddenBy.set(n.id, n.id); // the VNet itself is visible; mark so its descendants map to it
      visible.set(n.id, collapsedVnet(n, all, children, kept));
      continue;
    }
    visible.set(n.id, n);
  }
  return {
    visible,
    representative(id: string) {
      if (visible.has(id) && !(hiddenBy.get(id) && hiddenBy.get(id) !== id)) return id;
      const hider = hiddenBy.get(id);
      if (hider) return hider;
      return id.startsWith('ext|') ? id : undefined;
    },
  };
}

function collapsedVnet(n: GraphNode, all: ReadonlyMap<string, GraphNode>, children: ReadonlyMap<string, string[]>, kept: ReadonlySet<string>): GraphNode {
  let subnets = 0, resources = 0, computes = 0, privateEndpoints = 0, faults = n.faults;
  let verdicts = n.verdicts;
  const walk = (id: string) => {
    for (const c of children.get(id) ?? []) {
      if (!kept.has(c)) continue;
      const child = all.get(c)!;
      if (child.kind === 'subnet') subnets++;
      if (child.kind === 'resource') resources++;
      if (child.resourceKind === 'compute') computes++;
      if (child.resourceKind === 'privateEndpoint') privateEndpoints++;
      faults += child.faults;
      verdicts = addCounts(verdicts, child.verdicts);
      walk(c);
    }
  };
  walk(n.id);
  return { ...n, collapsed: true, counts: { subnets, resources, computes, privateEndpoints }, faults, ...(verdicts ? { verdicts } : {}) };
}
