/** Allowed / blocked / unknown counts with icons (readable without colour). */
import type { VerdictCounts } from '../../graph/types';

/** Pills for non-zero counts. */
export function VerdictPills({ v }: { v: VerdictCounts | undefined }): React.JSX.Element | null {
  if (!v) return null;
  return (
    <span className="pills">
      {v.blocked > 0 && <span className="pill blocked" title={`${v.blocked} blocked flows`}>✕ {v.blocked}</span>}
      {v.unknown > 0 && <span className="pill unknown" title={`${v.unknown} flows unknown`}>? {v.unknown}</span>}
      {v.allowed > 0 && <span className="pill allowed" title={`${v.allowed} flows allowed`}>✓ {v.allowed}</span>}
      {v.failedChecks > 0 && <span className="pill fault" title={`${v.failedChecks} failed checks`}>⚠ {v.failedChecks}</span>}
    </span>
  );
}
