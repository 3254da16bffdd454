/**
 * Diagram layout → draw.io file (mxfile / mxGraphModel XML): VNets and subnets as containers, the
 * flow overlay as coloured edges (dashed when not allowed) with their requirement labels, and a
 * legend. Editable in draw.io / diagrams.net; each cell keeps its ARM id in `tooltip`.
 */
import type { DiagramLayout, DiagramNode } from './diagramTypes';
import { KIND_FILL, STATUS_STYLE } from './diagramTypes';
import { xmlEscape } from './xmlEscape';

function nodeStyle(n: DiagramNode): string {
  const fill = KIND_FILL[n.kind];
  if (n.kind === 'vnet' || n.kind === 'subnet') {
    return `swimlane;container=1;collapsible=1;startSize=${n.kind === 'vnet' ? 30 : 24};fillColor=${fill};swimlaneFillColor=${fill};strokeColor=${n.kind === 'vnet' ? '#1565c0' : '#90a4ae'};fontStyle=1;align=left;spacingLeft=8;html=1;whiteSpace=wrap;`;
  }
  const shape = n.kind === 'peer' ? 'ellipse;' : 'rounded=1;';
  return `${shape}whiteSpace=wrap;html=1;fillColor=${fill};strokeColor=#607d8b;`;
}

/** The `.drawio` XML text. */
export function toDrawio(layout: DiagramLayout): string {
  const ids = new Map(layout.nodes.map((n, i) => [n.id, `n${i + 1}`]));
  const cells: string[] = ['<mxCell id="0"/>', '<mxCell id="1" parent="0"/>'];
  let maxX = 0, maxY = 0;
  for (const n of layout.nodes) {
    if (!n.parentId) { maxX = Math.max(maxX, n.x + n.width); maxY = Math.max(maxY, n.y + n.height); }
    const label = n.detail ? `${xmlEscape(n.label)}&lt;br&gt;&lt;font style=&quot;font-size:10px&quot;&gt;${xmlEscape(n.detail)}&lt;/font&gt;` : xmlEscape(n.label);
    const parent = n.parentId && ids.has(n.parentId) ? ids.get(n.parentId)! : '1';
    cells.push(`<mxCell id="${ids.get(n.id)}" value="${label}" tooltip="${xmlEscape(n.id)}" style="${nodeStyle(n)}" vertex="1" parent="${parent}"><mxGeometry x="${n.x}" y="${n.y}" width="${n.width}" height="${n.height}" as="geometry"/></mxCell>`);
  }
  layout.edges.forEach((e, i) => {
    const s = STATUS_STYLE[e.status];
    const source = ids.get(e.source);
    const target = ids.get(e.target);
    if (!source || !target) return;
    cells.push(`<mxCell id="e${i + 1}" value="${xmlEscape(e.label)}" tooltip="${xmlEscape(`${e.status}: ${e.label}`)}" style="endArrow=classic;html=1;rounded=0;strokeWidth=2;strokeColor=${s.color};fontColor=${s.color};fontSize=9;${s.dash ? `dashed=1;dashPattern=${s.dash};` : ''}" edge="1" parent="1" source="${source}" target="${target}"><mxGeometry relative="1" as="geometry"/></mxCell>`);
  });
  // legend: a container with one sample edge per status
  const ly = maxY + 40;
  cells.push(`<mxCell id="legend" value="Legend" style="swimlane;container=1;startSize=24;fillColor=#fafafa;fontStyle=1;" vertex="1" parent="1"><mxGeometry x="16" y="${ly}" width="260" height="${24 + 3 * 26 + 10}" as="geometry"/></mxCell>`);
  (Object.keys(STATUS_STYLE) as (keyof typeof STATUS_STYLE)[]).forEach((status, i) => {
    const s = STATUS_STYLE[status];
    const y = 24 + 8 + i * 26 + 8;
    cells.push(`<mxCell id="legend-${status}" value="${s.label} flow" style="endArrow=classic;html=1;strokeWidth=2;strokeColor=${s.color};fontColor=${s.color};labelPosition=right;align=left;${s.dash ? `dashed=1;dashPattern=${s.dash};` : ''}" edge="1" parent="legend"><mxGeometry relative="1" as="geometry"><mxPoint x="12" y="${y}" as="sourcePoint"/><mxPoint x="92" y="${y}" as="targetPoint"/></mxGeometry></mxCell>`);
  });
  const width = Math.max(maxX + 40, 400), height = ly + 140;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<mxfile host="VNetLens" type="device"><diagram id="vnetlens" name="${xmlEscape(layout.title)}">`,
    `<mxGraphModel dx="${width}" dy="${height}" grid="1" gridSize="10" guides="1" tooltips="1" connect="1" arrows="1" fold="1" page="0" pageScale="1" pageWidth="${width}" pageHeight="${height}" math="0" shadow="0"><root>`,
    ...cells,
    '</root></mxGraphModel></diagram></mxfile>',
    '',
  ].join('\n');
}
