/**
 * The what-if state the app keeps (e.g. in a zustand store): base snapshot, edit history, the
 * candidate snapshot and its verdicts, the effect of the last step and the total effect against
 * the base. Pure functions over plain data; pass one long-lived evaluator so each step re-evaluates
 * only what the edit touched.
 */
import type { Evaluator } from '../engine/evaluateEstate';
import type { EstateVerdict } from '../engine/verdict';
import type { Snapshot } from '../model';
import { applyEdit, applyEdits } from './applyEdit';
import { diffVerdicts, type VerdictDiff } from './diffVerdicts';
import { activeEdits, canRedo, canUndo, EMPTY_HISTORY, pushEdit, redo as redoHistory, removeEdit, undo as undoHistory, type EditHistory } from './editHistory';
import type { ArmChange, Edit, EditError } from './edits';

export interface WhatIfState {
  readonly base: Snapshot;
  readonly baseVerdict: EstateVerdict;
  readonly history: EditHistory;
  /** The candidate: base + active edits. */
  readonly snapshot: Snapshot;
  readonly verdict: EstateVerdict;
  /** ARM changes of the active edits (for the export). */
  readonly changes: readonly ArmChange[];
  /** Effect of the last push/undo/redo ("turns 1 red flow green, 0 green red"). */
  readonly lastStep?: VerdictDiff;
  /** Effect of all active edits against the base. */
  readonly total: VerdictDiff;
}

function build(base: Snapshot, baseVerdict: EstateVerdict, history: EditHistory, evaluator: Evaluator, previous?: WhatIfState): WhatIfState | { error: EditError; index: number } {
  const applied = applyEdits(base, activeEdits(history));
  if ('error' in applied) return applied;
  const verdict = evaluator.evaluate(applied.snapshot);
  return {
    base, baseVerdict, history, snapshot: applied.snapshot, verdict, changes: applied.changes,
    ...(previous ? { lastStep: diffVerdicts(previous.verdict, verdict) } : {}),
    total: diffVerdicts(baseVerdict, verdict),
  };
}

/** Start from a snapshot (and the edits of a reopened project). */
export function startWhatIf(base: Snapshot, evaluator: Evaluator, history: EditHistory = EMPTY_HISTORY): WhatIfState | { error: EditError; index: number } {
  return build(base, evaluator.evaluate(base), history, evaluator);
}

/** Add an edit; a failing edit leaves the state as it was and returns the error for the form. */
export function pushWhatIf(state: WhatIfState, edit: Edit, evaluator: Evaluator): WhatIfState | { error: EditError } {
  const r = applyEdit(state.snapshot, edit);
  if ('error' in r) return { error: r.error };
  const verdict = evaluator.evaluate(r.snapshot);
  return {
    ...state, history: pushEdit(state.history, edit), snapshot: r.snapshot, verdict, changes: [...state.changes, ...r.changes],
    lastStep: diffVerdicts(state.verdict, verdict), total: diffVerdicts(state.baseVerdict, verdict),
  };
}

function rebuilt(state: WhatIfState, history: EditHistory, evaluator: Evaluator): WhatIfState {
  const next = build(state.base, state.baseVerdict, history, evaluator, state);
  // Edits that applied once apply again from the same base; keep the state if that ever fails.
  return 'error' in next ? state : next;
}

/** Step back one edit. */
export function undoWhatIf(state: WhatIfState, evaluator: Evaluator): WhatIfState {
  return canUndo(state.history) ? rebuilt(state, undoHistory(state.history), evaluator) : state;
}

/** Step forward one edit. */
export function redoWhatIf(state: WhatIfState, evaluator: Evaluator): WhatIfState {
  return canRedo(state.history) ? rebuilt(state, redoHistory(state.history), evaluator) : state;
}

/** Drop one pending edit; refused (error) when a later edit depends on it. */
export function removeWhatIf(state: WhatIfState, index: number, evaluator: Evaluator): WhatIfState | { error: EditError; index: number } {
  return build(state.base, state.baseVerdict, removeEdit(state.history, index), evaluator, state);
}
