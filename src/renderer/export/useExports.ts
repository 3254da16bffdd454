/**
 * The app's exports: ARM template and Bicep of the pending edits (shared exportEdits), and the
 * diagram of the current view (React Flow's boxes → shared draw.io / SVG writers, PNG via canvas).
 */
import { useCallback } from 'react';
import { useReactFlow } from '@xyflow/react';
import { diagramGraph } from '../../shared/export/diagram/diagramGraph';
import type { DiagramLayout } from '../../shared/export/diagram/diagramTypes';
import { toDrawio } from '../../shared/export/diagram/drawio';
import { toSvg } from '../../shared/export/diagram/svg';
import { exportEdits } from '../../shared/export/exportEdits';
import { idKey } from '../../shared/model/armId';
import { activeEdits } from '../../shared/whatif/editHistory';
import { peerNode } from '../graph/flowEdges';
import { useApp } from '../state/store';
import { ensureWhatIf } from '../whatif/whatifStore';
import { diagramFromView, type ViewBox } from './diagramFromView';
import { saveExport, type ExportFile } from './saveExport';
import { svgToPng } from './svgToPng';

/** The export formats the menu offers. */
export type ExportFormat = 'arm' | 'bicep' | 'drawio' | 'svg' | 'png';

const stem = (name: string): string => name.replace(/\.vnetlens\.json$/i, '').replace(/\.json$/i, '');

/** Build and save exports for the open estate. */
export function useExports() {
  const rf = useReactFlow();

  const layout = useCallback((): DiagramLayout | undefined => {
    const estate = useApp.getState().estate;
    if (!estate) return undefined;
    const graph = diagramGraph(estate.snapshot, estate.verdict);
    const boxes = new Map<string, ViewBox>();
    for (const n of rf.getNodes()) {
      const p = rf.getInternalNode(n.id)?.internals.positionAbsolute ?? n.position;
      boxes.set(n.id, { x: p.x, y: p.y, width: n.measured?.width ?? n.width ?? 0, height: n.measured?.height ?? n.height ?? 0 });
    }
    // Flow peers: the canvas names them as the overlay does (ext|tag|…, ext|fqdn|…), the diagram by peer text.
    const aliases = new Map<string, string>();
    for (const c of estate.verdict.computes) {
      for (const f of c.flows) {
        const id = `peer:${f.peer.toLowerCase()}`;
        if (!aliases.has(id)) aliases.set(id, peerNode(f, estate.tree).id);
        if (f.peerResourceId) aliases.set(idKey(f.peerResourceId), idKey(f.peerResourceId));
      }
    }
    return diagramFromView(graph, boxes, aliases, stem(estate.name));
  }, [rf]);

  const files = useCallback(async (format: ExportFormat): Promise<ExportFile[]> => {
    const estate = useApp.getState().estate;
    const state = ensureWhatIf();
    if (!estate || !state) return [];
    const name = stem(estate.name);
    if (format === 'arm' || format === 'bicep') {
      const r = exportEdits(estate.file, state.base, activeEdits(state.history));
      if ('error' in r) throw new Error(`edit ${r.index + 1} cannot be exported: ${r.error.message}`);
      if (format === 'arm') return [{ name: `${name}-whatif.json`, mime: 'application/json', filters: [{ name: 'ARM template', extensions: ['json'] }], content: `${JSON.stringify(r.template, null, 2)}\n` }];
      return Object.entries(r.bicep).map(([file, content]) => ({ name: file, mime: 'text/plain', filters: [{ name: 'Bicep', extensions: ['bicep'] }], content }));
    }
    const l = layout();
    if (!l) return [];
    if (format === 'drawio') return [{ name: `${name}.drawio`, mime: 'application/xml', filters: [{ name: 'draw.io diagram', extensions: ['drawio'] }], content: toDrawio(l) }];
    const svg = toSvg(l);
    if (format === 'svg') return [{ name: `${name}.svg`, mime: 'image/svg+xml', filters: [{ name: 'SVG image', extensions: ['svg'] }], content: svg }];
    return [{ name: `${name}.png`, mime: 'image/png', filters: [{ name: 'PNG image', extensions: ['png'] }], content: await svgToPng(svg) }];
  }, [layout]);

  /** Save every file of `format`; the sentences say where each went. */
  const exportAs = useCallback(async (format: ExportFormat): Promise<string[]> => {
    const out: string[] = [];
    for (const f of await files(format)) {
      const o = await saveExport(f);
      if (o.kind === 'saved') out.push(`${f.name} saved to ${o.path}`);
      else if (o.kind === 'downloaded') out.push(`${f.name} downloaded`);
    }
    return out;
  }, [files]);

  return { exportAs, layout };
}
