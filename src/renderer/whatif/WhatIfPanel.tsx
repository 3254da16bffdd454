/**
 * The pending-changes panel: the edit list with undo/redo/remove, the effect of the last step and
 * of all edits. Props only (no store), so the app mounts it wherever it keeps its WhatIfState.
 */
import type { WhatIfState } from '../../shared/whatif/whatIfState';
import { describeEdit } from '../../shared/whatif/describeEdit';
import { canRedo, canUndo } from '../../shared/whatif/editHistory';

export interface WhatIfPanelProps {
  readonly state: WhatIfState;
  readonly onUndo: () => void;
  readonly onRedo: () => void;
  readonly onRemove: (index: number) => void;
  readonly onExport: () => void;
}

/** Pending changes with their effect. */
export function WhatIfPanel({ state, onUndo, onRedo, onRemove, onExport }: WhatIfPanelProps): React.JSX.Element {
  const { history } = state;
  return (
    <section className="whatif-panel" data-testid="whatif-panel" aria-label="Pending changes">
      <header>
        <h3>Pending changes ({history.cursor})</h3>
        <button type="button" onClick={onUndo} disabled={!canUndo(history)} data-testid="whatif-undo">Undo</button>
        <button type="button" onClick={onRedo} disabled={!canRedo(history)} data-testid="whatif-redo">Redo</button>
        <button type="button" onClick={onExport} disabled={history.cursor === 0} data-testid="whatif-export">Export…</button>
      </header>
      {state.lastStep && <p className="whatif-effect" data-testid="whatif-last-step">Last change {state.lastStep.summary}.</p>}
      <p className="whatif-effect" data-testid="whatif-total">All changes {state.total.summary}.</p>
      <ol className="whatif-edits">
        {history.edits.map((edit, i) => (
          <li key={i} className={i < history.cursor ? 'active' : 'undone'} data-testid="whatif-edit">
            <span>{describeEdit(edit)}</span>
            {i < history.cursor && <button type="button" onClick={() => onRemove(i)} aria-label={`Remove ${describeEdit(edit)}`}>✕</button>}
          </li>
        ))}
      </ol>
    </section>
  );
}
