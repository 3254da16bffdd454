/** Search over every node of the estate (not just the visible ones), for the Ctrl+K palette. */
import type { GraphNode } from './types';

export interface SearchHit {
  readonly id: string;
  readonly label: string;
  readonly detail: string;
  readonly kind: string;
}

function kindOf(n: GraphNode): string {
  return n.resourceKind ?? n.kind;
}

/** Best matches first: name prefix, then name substring, then address/type/id substring. */
export function searchNodes(tree: ReadonlyMap<string, GraphNode>, query: string, limit = 20): SearchHit[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const scored: { n: GraphNode; score: number }[] = [];
  for (const n of tree.values()) {
    if (n.kind === 'lane') continue;
    const label = n.label.toLowerCase();
    let score = -1;
    if (label === q) score = 0;
    else if (label.startsWith(q)) score = 1;
    else if (label.includes(q)) score = 2;
    else if ((n.sublabel ?? '').toLowerCase().includes(q) || kindOf(n).toLowerCase().includes(q)) score = 3;
    else if ((n.resourceId ?? '').toLowerCase().includes(q)) score = 4;
    if (score >= 0) scored.push({ n, score });
  }
  scored.sort((a, b) => a.score - b.score || a.n.label.localeCompare(b.n.label));
  return scored.slice(0, limit).map(({ n }) => ({ id: n.id, label: n.label, detail: n.sublabel ?? '', kind: kindOf(n) }));
}

/** The VNet ancestors of a node (to expand them when revealing it). */
export function vnetAncestors(tree: ReadonlyMap<string, GraphNode>, id: string): string[] {
  const out: string[] = [];
  let cur = tree.get(id);
  while (cur) {
    if (cur.kind === 'vnet') out.push(cur.id);
    cur = cur.parent ? tree.get(cur.parent) : undefined;
  }
  return out;
}
