/** A compute: its summary, failed checks (with the resource at fault), and all its flows. */
import { useMemo } from 'react';
import type { ComputeVerdict } from '../../../shared/engine/verdict';
import { lastSegment } from '../../../shared/model/armId';
import { countVerdicts } from '../../graph/annotate';
import type { LoadedEstate } from '../../state/loadEstate';
import { VerdictPills } from '../nodes/VerdictPills';
import { FlowList } from './FlowList';
import { useSelectResource } from './useSelectResource';
import { ComputeWhatIf } from '../../whatif/ComputeWhatIf';
import { ComputeAssumptions } from '../../assumptions/ComputeAssumptions';

/** Inspector body for compute `index`. */
export function ComputeInspector({ estate, index }: { estate: LoadedEstate; index: number }): React.JSX.Element {
  const c: ComputeVerdict = estate.verdict.computes[index]!;
  const selectResource = useSelectResource(estate);
  const refs = useMemo(() => c.flows.map((_, flow) => ({ compute: index, flow })), [c, index]);
  const failed = c.checks.filter((k) => k.status !== 'pass');
  return (
    <div data-testid="compute-inspector" data-compute={c.name}>
      <h3>⚙ {c.name}</h3>
      <p className="muted">{c.kind} · {c.publicIp ? 'public IP' : 'no public IP'} · {c.region}</p>
      <p className="muted small">subnet {c.subnetId ? lastSegment(c.subnetId) : '(none: managed)'}</p>
      <VerdictPills v={countVerdicts(c.flows, c.checks)} />
      <ComputeAssumptions compute={c} />
      <ComputeWhatIf compute={c} />
      {failed.length > 0 && (
        <>
          <h4>Checks</h4>
          <ul className="checks" data-testid="checks">
            {failed.map((k) => (
              <li key={k.id} className={`check ${k.status}`}>
                <span className="pill fault">{k.status === 'fail' ? '⚠ fail' : 'warn'}</span> {k.message}
                {k.resourceId && <div><button className="link small" onClick={() => selectResource(k.resourceId)}>Select {lastSegment(k.resourceId)}</button></div>}
              </li>
            ))}
          </ul>
        </>
      )}
      <h4>Required flows</h4>
      <FlowList verdict={estate.verdict} refs={refs} />
    </div>
  );
}
