/**
 * On a compute: the appliances its unknown flows stop at, how many flows each, and the action to
 * assume one allows everything (all its flows re-evaluated at once). Nothing when there are none.
 */
import type { ComputeVerdict } from '../../shared/engine/verdict';
import { setAssumptions, useWhatIf } from '../whatif/whatifStore';
import { applianceStoppingFlow, withApplianceAllowed } from './applianceAssumption';
import './assumptions.css';

/** Appliance IP → how many of the compute's flows stop there, in first-seen order. */
export function appliancesStopping(compute: ComputeVerdict): Map<string, number> {
  const out = new Map<string, number>();
  for (const f of compute.flows) {
    const ip = applianceStoppingFlow(f);
    if (ip) out.set(ip, (out.get(ip) ?? 0) + 1);
  }
  return out;
}

/** The compute-level appliance note. */
export function ComputeAssumptions({ compute }: { compute: ComputeVerdict }): React.JSX.Element | null {
  const overrides = useWhatIf((s) => s.assumptions);
  const stops = appliancesStopping(compute);
  if (stops.size === 0) return null;
  return (
    <div className="flow-assumptions" data-testid="compute-assumptions">
      {[...stops].map(([ip, n]) => (
        <div key={ip}>
          {n} {n === 1 ? 'flow stops' : 'flows stop'} at appliance <strong>{ip}</strong>, which is not an Azure Firewall in the snapshot (its rules are unknown).{' '}
          <button type="button" className="ghost small" data-testid="compute-assume-appliance" data-ip={ip}
            onClick={() => setAssumptions(withApplianceAllowed(overrides, ip, true), `Assumed appliance ${ip} allows all`)}>Assume {ip} allows all</button>
        </div>
      ))}
    </div>
  );
}
