/** The right-hand inspector: whatever is selected (compute, flow, edge, resource). */
import { useShallow } from 'zustand/react/shallow';
import { idKey } from '../../../shared/model/armId';
import type { LoadedEstate } from '../../state/loadEstate';
import { useApp } from '../../state/store';
import { ComputeInspector } from './ComputeInspector';
import { FlowDetail } from './FlowDetail';
import { FlowList } from './FlowList';
import { ResourceInspector } from './ResourceInspector';
import { buildGraph } from '../../graph/buildGraph';
import { useMemo } from 'react';

function EdgeInspector({ estate, id }: { estate: LoadedEstate; id: string }): React.JSX.Element {
  const view = useApp((s) => s.view);
  const edge = useMemo(() => buildGraph(estate.tree, estate.snapshot, estate.verdict, view).edges.find((e) => e.id === id), [estate, view, id]);
  if (!edge) return <p className="muted">Nothing selected.</p>;
  if (edge.kind === 'flow' && edge.flows) {
    return (<div data-testid="edge-inspector"><h3>Flows to {estate.tree.get(edge.target)?.label ?? edge.target.split('|').pop()}</h3><FlowList verdict={estate.verdict} refs={edge.flows} /></div>);
  }
  return (<div data-testid="edge-inspector"><h3>{edge.kind}</h3><p>{estate.tree.get(edge.source)?.label} ↔ {estate.tree.get(edge.target)?.label ?? edge.target}</p>{edge.state && <p>State: <strong>{edge.state}</strong></p>}</div>);
}

/** The inspector panel. */
export function Inspector({ estate }: { estate: LoadedEstate }): React.JSX.Element {
  const { selection } = useApp(useShallow((s) => ({ selection: s.selection })));
  let body: React.JSX.Element;
  if (!selection) {
    body = <p className="muted">Click a compute to see its flows, or any resource, flow or peering to inspect it. Search with Ctrl+K or /.</p>;
  } else if (selection.kind === 'flow') {
    body = <FlowDetail estate={estate} computeIndex={selection.compute} flowIndex={selection.flow} />;
  } else if (selection.kind === 'edge') {
    body = <EdgeInspector estate={estate} id={selection.id} />;
  } else {
    const ci = estate.verdict.computes.findIndex((c) => idKey(c.id) === selection.id);
    const node = estate.tree.get(selection.id);
    body = ci >= 0 ? <ComputeInspector estate={estate} index={ci} /> : node ? <ResourceInspector estate={estate} node={node} /> : <p className="muted">{selection.id}</p>;
  }
  return <aside className="inspector" data-testid="inspector">{body}</aside>;
}
