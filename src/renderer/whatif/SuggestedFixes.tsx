/**
 * Suggested fixes for the selected red flow: each verified by re-evaluation, smallest first, with
 * its effect; "Apply" pushes its edits into the pending list.
 */
import type { SuggestedFix } from '../../shared/whatif/suggestFixes';
import { describeEdit } from '../../shared/whatif/describeEdit';

export interface SuggestedFixesProps {
  readonly fixes: readonly SuggestedFix[];
  readonly onApply: (fix: SuggestedFix) => void;
}

/** The list, or a sentence when nothing verified. */
export function SuggestedFixes({ fixes, onApply }: SuggestedFixesProps): React.JSX.Element {
  if (!fixes.length) return <p className="fix-none" data-testid="fix-none">No single change turns this flow green without turning another red.</p>;
  return (
    <ul className="fix-list" data-testid="fix-list">
      {fixes.map((fix, i) => (
        <li key={i} data-testid="fix">
          <strong>{fix.title}</strong>
          <span className="fix-effect">{fix.diff.summary}</span>
          <ul>{fix.edits.map((e, j) => <li key={j}>{describeEdit(e)}</li>)}</ul>
          <button type="button" onClick={() => onApply(fix)} data-testid="fix-apply">Apply</button>
        </li>
      ))}
    </ul>
  );
}
