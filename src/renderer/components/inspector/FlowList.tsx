/** A list of flows (blocked first), each row opening the flow's detail. */
import type { EstateVerdict } from '../../../shared/engine/verdict';
import { STATUS_ICON } from '../../graph/flowEdges';
import type { FlowRef } from '../../graph/types';
import { useApp } from '../../state/store';

const ORDER = { blocked: 0, unknown: 1, allowed: 2 } as const;

/** Rows for `refs`. */
export function FlowList({ verdict, refs }: { verdict: EstateVerdict; refs: readonly FlowRef[] }): React.JSX.Element {
  const select = useApp((s) => s.select);
  const rows = refs.map((r) => ({ r, f: verdict.computes[r.compute]?.flows[r.flow] })).filter((x) => x.f)
    .sort((a, b) => ORDER[a.f!.status] - ORDER[b.f!.status] || a.f!.requirement.localeCompare(b.f!.requirement));
  return (
    <ul className="flows" data-testid="flow-list">
      {rows.map(({ r, f }) => (
        <li key={`${r.compute}-${r.flow}`}>
          <button className={`flow-row ${f!.status}`} data-testid="flow-row" data-status={f!.status} data-requirement={f!.requirement}
            onClick={() => select({ kind: 'flow', compute: r.compute, flow: r.flow })}>
            <span className={`status ${f!.status}`}>{STATUS_ICON[f!.status]}</span>
            <span className="req">{f!.requirement}</span>
            <span className="port">{f!.direction === 'Inbound' ? '←' : '→'} {f!.protocol}/{f!.port}</span>
            <span className="peer" title={f!.peer}>{f!.peer.split('/').pop()}</span>
            {!f!.required && <span className="muted small">situational</span>}
          </button>
        </li>
      ))}
    </ul>
  );
}
