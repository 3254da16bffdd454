/**
 * Sizes and inner positions, bottom-up and without ELK: resources in a grid inside their subnet,
 * subnets in a grid inside their VNet. Only the boxes inside lanes (VNets, lane-level resources)
 * are left for ELK to place, which keeps layout cheap (SEPARATE_CHILDREN in spirit).
 */
import type { GraphNode } from './types';

/** Node sizes in px, declared up front so React Flow never has to measure. */
export const SIZE = {
  resource: { w: 196, h: 50 },
  external: { w: 200, h: 46 },
  collapsedVnet: { w: 260, h: 118 },
  pad: 12,
  gap: 10,
  subnetHeader: 52,
  vnetHeader: 46,
  minSubnet: { w: 240, h: 72 },
} as const;

function grid(items: GraphNode[], cols: number, top: number): { w: number; h: number } {
  const colW: number[] = [];
  const rowH: number[] = [];
  items.forEach((c, i) => {
    colW[i % cols] = Math.max(colW[i % cols] ?? 0, c.width);
    rowH[Math.floor(i / cols)] = Math.max(rowH[Math.floor(i / cols)] ?? 0, c.height);
  });
  items.forEach((c, i) => {
    const col = i % cols;
    const row = Math.floor(i / cols);
    c.x = SIZE.pad + colW.slice(0, col).reduce((a, b) => a + b + SIZE.gap, 0);
    c.y = top + rowH.slice(0, row).reduce((a, b) => a + b + SIZE.gap, 0);
  });
  const w = SIZE.pad * 2 + colW.reduce((a, b) => a + b, 0) + SIZE.gap * Math.max(0, colW.length - 1);
  const h = top + rowH.reduce((a, b) => a + b, 0) + SIZE.gap * Math.max(0, rowH.length - 1) + SIZE.pad;
  return { w, h };
}

/** Give every visible node below lane level its size and its position within its parent. */
export function sizeNodes(visible: Map<string, GraphNode>): void {
  const kids = new Map<string, GraphNode[]>();
  for (const n of visible.values()) if (n.parent && visible.has(n.parent)) (kids.get(n.parent) ?? kids.set(n.parent, []).get(n.parent)!).push(n);
  const sorted = (id: string) => (kids.get(id) ?? []).sort((a, b) => a.label.localeCompare(b.label));
  for (const n of visible.values()) {
    if (n.kind === 'resource') { n.width = SIZE.resource.w; n.height = SIZE.resource.h; }
    if (n.kind === 'external') { n.width = SIZE.external.w; n.height = SIZE.external.h; }
  }
  for (const n of visible.values()) {
    if (n.kind !== 'subnet') continue;
    const items = sorted(n.id);
    const { w, h } = grid(items, Math.min(3, Math.max(1, items.length)), SIZE.subnetHeader);
    n.width = Math.max(SIZE.minSubnet.w, w);
    n.height = items.length ? h : SIZE.minSubnet.h;
  }
  for (const n of visible.values()) {
    if (n.kind !== 'vnet') continue;
    if (n.collapsed) { n.width = SIZE.collapsedVnet.w; n.height = SIZE.collapsedVnet.h; continue; }
    const items = sorted(n.id);
    const { w, h } = grid(items, Math.min(3, Math.ceil(Math.sqrt(items.length)) || 1), SIZE.vnetHeader);
    n.width = Math.max(SIZE.collapsedVnet.w, w);
    n.height = Math.max(SIZE.collapsedVnet.h, h);
  }
}
