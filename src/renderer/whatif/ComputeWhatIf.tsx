/** The what-if edit a compute offers itself: switch its public IP (a no-public-IP cluster changes which flows it needs). */
import type { ComputeVerdict } from '../../shared/engine/verdict';
import { pushEdits, useWhatIf } from './whatifStore';

/** One button, with the refusal shown when the edit does not apply (e.g. serverless compute). */
export function ComputeWhatIf({ compute }: { compute: ComputeVerdict }): React.JSX.Element {
  const setNotice = useWhatIf((s) => s.setNotice);
  const toggle = () => {
    const err = pushEdits([{ kind: 'compute.setPublicIp', computeId: compute.id, enabled: !compute.publicIp }]);
    if (err) setNotice({ kind: 'error', text: `${compute.name}: ${err.message}` });
  };
  return (
    <div className="wi-row">
      <button type="button" className="ghost small" data-testid="toggle-public-ip" onClick={toggle}>
        What if: public IP {compute.publicIp ? 'off' : 'on'}
      </button>
    </div>
  );
}
