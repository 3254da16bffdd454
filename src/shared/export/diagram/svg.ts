/**
 * Diagram layout → standalone SVG (the renderer rasterizes it for PNG). Positions are resolved to
 * absolute coordinates by walking parents; edges run between box centres, clipped to the box edges.
 */
import type { DiagramLayout, DiagramNode } from './diagramTypes';
import { KIND_FILL, STATUS_STYLE } from './diagramTypes';
import { xmlEscape } from './xmlEscape';

interface Box { x: number; y: number; w: number; h: number }

function absolute(layout: DiagramLayout): Map<string, Box> {
  const byId = new Map(layout.nodes.map((n) => [n.id, n]));
  const out = new Map<string, Box>();
  const resolve = (n: DiagramNode, depth = 0): Box => {
    const done = out.get(n.id);
    if (done) return done;
    const parent = n.parentId && depth < 16 ? byId.get(n.parentId) : undefined;
    const p = parent ? resolve(parent, depth + 1) : { x: 0, y: 0 };
    const box = { x: p.x + n.x, y: p.y + n.y, w: n.width, h: n.height };
    out.set(n.id, box);
    return box;
  };
  layout.nodes.forEach((n) => resolve(n));
  return out;
}

/** Where the segment from the centre of `b` towards (tx, ty) leaves the box. */
function exitPoint(b: Box, tx: number, ty: number): [number, number] {
  const cx = b.x + b.w / 2, cy = b.y + b.h / 2;
  const dx = tx - cx, dy = ty - cy;
  if (dx === 0 && dy === 0) return [cx, cy];
  const s = Math.min(Math.abs((b.w / 2) / (dx || 1e-9)), Math.abs((b.h / 2) / (dy || 1e-9)));
  return [cx + dx * s, cy + dy * s];
}

const r = (n: number): string => String(Math.round(n * 10) / 10);

/** The SVG document text. */
export function toSvg(layout: DiagramLayout): string {
  const boxes = absolute(layout);
  let width = 400, height = 200;
  for (const b of boxes.values()) { width = Math.max(width, b.x + b.w + 24); height = Math.max(height, b.y + b.h + 24); }
  const legendY = height + 8;
  height = legendY + 100;
  const parts: string[] = [];
  const depth = (n: DiagramNode): number => (n.kind === 'vnet' ? 0 : n.kind === 'subnet' ? 1 : 2);
  for (const n of [...layout.nodes].sort((a, b) => depth(a) - depth(b))) {
    const b = boxes.get(n.id)!;
    const container = n.kind === 'vnet' || n.kind === 'subnet';
    const rx = n.kind === 'peer' ? b.h / 2 : 6;
    parts.push(`<g class="node ${n.kind}" data-id="${xmlEscape(n.id)}"><title>${xmlEscape(n.id)}</title>`
      + `<rect x="${r(b.x)}" y="${r(b.y)}" width="${r(b.w)}" height="${r(b.h)}" rx="${r(rx)}" fill="${KIND_FILL[n.kind]}" stroke="${n.kind === 'vnet' ? '#1565c0' : '#90a4ae'}"/>`
      + `<text x="${r(b.x + 8)}" y="${r(b.y + (container ? 18 : b.h / 2 - 2))}" font-weight="${container ? 'bold' : 'normal'}" font-size="12">${xmlEscape(n.label)}</text>`
      + (n.detail ? `<text x="${r(b.x + 8)}" y="${r(b.y + (container ? 32 : b.h / 2 + 12))}" font-size="10" fill="#555">${xmlEscape(n.detail)}</text>` : '')
      + '</g>');
  }
  for (const e of layout.edges) {
    const a = boxes.get(e.source), b = boxes.get(e.target);
    if (!a || !b) continue;
    const [x1, y1] = exitPoint(a, b.x + b.w / 2, b.y + b.h / 2);
    const [x2, y2] = exitPoint(b, a.x + a.w / 2, a.y + a.h / 2);
    const s = STATUS_STYLE[e.status];
    parts.push(`<g class="edge ${e.status}"><title>${xmlEscape(`${e.status}: ${e.label}`)}</title><line x1="${r(x1)}" y1="${r(y1)}" x2="${r(x2)}" y2="${r(y2)}" stroke="${s.color}" stroke-width="2"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''} marker-end="url(#arrow-${e.status})"/>`
      + `<text x="${r((x1 + x2) / 2)}" y="${r((y1 + y2) / 2 - 4)}" font-size="9" fill="${s.color}" text-anchor="middle">${xmlEscape(e.label)}</text></g>`);
  }
  const legend = (Object.keys(STATUS_STYLE) as (keyof typeof STATUS_STYLE)[]).map((status, i) => {
    const s = STATUS_STYLE[status];
    const y = legendY + 30 + i * 20;
    return `<line x1="24" y1="${y}" x2="84" y2="${y}" stroke="${s.color}" stroke-width="2"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/><text x="92" y="${y + 4}" font-size="11">${s.label} flow</text>`;
  });
  const markers = (Object.keys(STATUS_STYLE) as (keyof typeof STATUS_STYLE)[]).map((status) =>
    `<marker id="arrow-${status}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="${STATUS_STYLE[status].color}"/></marker>`);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${r(width)}" height="${r(height)}" viewBox="0 0 ${r(width)} ${r(height)}" font-family="Segoe UI, Helvetica, Arial, sans-serif">`,
    `<title>${xmlEscape(layout.title)}</title>`,
    `<defs>${markers.join('')}</defs>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    ...parts,
    `<g class="legend"><rect x="16" y="${legendY}" width="220" height="90" rx="6" fill="#fafafa" stroke="#bdbdbd"/><text x="24" y="${legendY + 16}" font-size="12" font-weight="bold">Legend</text>${legend.join('')}</g>`,
    '</svg>',
    '',
  ].join('\n');
}
