/**
 * The assumptions in effect, and a way to change them: one row per named assumption of the engine
 * (the same list every report prints), its value as the verdicts on screen used it, and an editor
 * (checkbox, choice, or the `--assume` text). A change re-evaluates at once (whatifStore).
 */
import { useState } from 'react';
import type { AssumptionValue } from '../../shared/engine/verdict';
import { DEFAULT_ASSUMPTIONS } from '../../shared/engine/assumptions';
import type { AssumptionOverrides } from '../whatif/evaluator';
import { setAssumptions } from '../whatif/whatifStore';
import { choicesOf } from './assumptionChoices';
import './assumptions.css';

const DEFAULTS = DEFAULT_ASSUMPTIONS as unknown as Readonly<Record<string, unknown>>;

/** One assumption's editor: commits on change (checkbox, select) or on Enter / leaving the field (text). */
function Editor({ a, onCommit }: { a: AssumptionValue; onCommit: (value: string) => void }): React.JSX.Element {
  const [draft, setDraft] = useState(a.value);
  const choices = choicesOf(a.id);
  if (typeof DEFAULTS[a.id] === 'boolean') {
    return <input type="checkbox" aria-label={a.id} data-testid={`assumption-input-${a.id}`} checked={a.value === 'true'} onChange={(e) => onCommit(String(e.target.checked))} />;
  }
  if (choices) {
    return (
      <select aria-label={a.id} data-testid={`assumption-input-${a.id}`} value={a.value} onChange={(e) => onCommit(e.target.value)}>
        {choices.map((c) => <option key={c} value={c}>{c}</option>)}
      </select>
    );
  }
  const commit = () => {
    if (draft !== a.value) onCommit(draft);
  };
  return (
    <input aria-label={a.id} data-testid={`assumption-input-${a.id}`} value={draft} placeholder={Array.isArray(DEFAULTS[a.id]) ? 'comma-separated' : ''}
      onChange={(e) => setDraft(e.target.value)} onBlur={commit} onKeyDown={(e) => { if (e.key === 'Enter') commit(); }} />
  );
}

/** The list; `overrides` marks what differs from the defaults. */
export function AssumptionsPanel({ inEffect, overrides }: { inEffect: readonly AssumptionValue[]; overrides: AssumptionOverrides }): React.JSX.Element {
  const [error, setError] = useState<{ id: string; text: string }>();
  const change = (id: string, value: string) => {
    const { [id]: _old, ...rest } = overrides;
    const text = setAssumptions({ ...rest, [id]: value }, `Assumption ${id} = ${value || '(none)'}`);
    setError(text ? { id, text } : undefined);
  };
  const changed = Object.keys(overrides).length;
  return (
    <section className="assumptions-panel" data-testid="assumptions-panel" aria-label="Assumptions">
      <header>
        <h3>Assumptions ({changed ? `${changed} changed` : 'all defaults'})</h3>
        <button type="button" className="ghost small" data-testid="assumptions-reset" disabled={!changed} onClick={() => { setError(undefined); setAssumptions({}, 'Assumptions reset to the defaults'); }}>Reset all</button>
      </header>
      <p className="muted small">Points Azure does not document precisely. The verdicts depend on them; reports list them. Saved with the project.</p>
      <ul>
        {inEffect.map((a) => (
          <li key={`${a.id}=${a.value}`} data-testid="assumption" data-id={a.id} data-changed={a.id in overrides}>
            <div className="a-head"><code>{a.id}</code><Editor a={a} onCommit={(v) => change(a.id, v)} /></div>
            <div className="small muted">{a.description}</div>
            {error?.id === a.id && <div className="wi-error small" role="alert">{error.text}</div>}
          </li>
        ))}
      </ul>
    </section>
  );
}
