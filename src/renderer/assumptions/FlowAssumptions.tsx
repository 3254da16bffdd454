/**
 * Where a flow's verdict rests on an assumption, the flow inspector says so: "this flow stops at
 * appliance 10.x" with the action to assume it allows everything (re-evaluated at once), "passed
 * because appliance 10.x is assumed to allow everything" with the way back, and the other
 * assumptions the trace cites with their values.
 */
import type { AssumptionValue, FlowVerdict } from '../../shared/engine/verdict';
import { setAssumptions, useWhatIf } from '../whatif/whatifStore';
import { applianceAssumedForFlow, applianceStoppingFlow, assumptionsNamedBy, withApplianceAllowed } from './applianceAssumption';
import './assumptions.css';

/** The assumption notes of one flow; nothing when its verdict rests on none. */
export function FlowAssumptions({ flow, inEffect }: { flow: FlowVerdict; inEffect: readonly AssumptionValue[] }): React.JSX.Element | null {
  const overrides = useWhatIf((s) => s.assumptions);
  const stopsAt = applianceStoppingFlow(flow);
  const assumed = applianceAssumedForFlow(flow, overrides);
  const named = assumptionsNamedBy(flow, inEffect.map((a) => a.id)).filter((id) => !(id === 'allowAllAppliances' && (stopsAt || assumed)));
  if (!stopsAt && !assumed && named.length === 0) return null;
  const allow = (ip: string, on: boolean) => setAssumptions(withApplianceAllowed(overrides, ip, on), on ? `Assumed appliance ${ip} allows all` : `No longer assuming appliance ${ip} allows all`);
  return (
    <div className="flow-assumptions" data-testid="flow-assumptions">
      {stopsAt && (
        <>
          <span>The verdict stops at appliance <strong>{stopsAt}</strong>: it is not an Azure Firewall in the snapshot, so its rules are unknown.</span>
          <button type="button" data-testid="assume-appliance" onClick={() => allow(stopsAt, true)}>Assume appliance {stopsAt} allows all</button>
        </>
      )}
      {assumed && (
        <>
          <span data-testid="appliance-assumed">Assumption in effect: appliance <strong>{assumed}</strong> allows all traffic (<code>allowAllAppliances</code>).</span>
          <button type="button" className="ghost" data-testid="unassume-appliance" onClick={() => allow(assumed, false)}>Stop assuming it</button>
        </>
      )}
      {named.length > 0 && (
        <span data-testid="flow-assumptions-named">Rests on {named.length === 1 ? 'the assumption' : 'the assumptions'}{' '}
          {named.map((id, i) => <span key={id}>{i ? ', ' : ''}<code>{id}</code> = <strong>{inEffect.find((a) => a.id === id)?.value}</strong></span>)}
          {' '}(change under Assumptions).</span>
      )}
    </div>
  );
}
