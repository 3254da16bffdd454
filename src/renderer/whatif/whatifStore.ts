/**
 * The what-if slice (zustand): one WhatIfState per open estate, driven by ONE long-lived evaluator so
 * each edit re-evaluates only the computes it touches. Every change is published into the app store's
 * `estate` (snapshot, verdict, tree), so the graph and the inspector draw the candidate without
 * knowing about what-if. A new estate in the app store starts a fresh state.
 *
 * The named assumptions belong here too: like the edits, they are part of the project (saved with
 * it, back to the defaults for a newly opened estate), and changing one re-evaluates at once.
 */
import { create } from 'zustand';
import type { SnapshotFile } from '../../shared/model/snapshotFile';
import { describeEdit } from '../../shared/whatif/describeEdit';
import { EMPTY_HISTORY, type EditHistory } from '../../shared/whatif/editHistory';
import type { Edit, EditError } from '../../shared/whatif/edits';
import { pushWhatIf, redoWhatIf, removeWhatIf, startWhatIf, undoWhatIf, type WhatIfState } from '../../shared/whatif/whatIfState';
import { diffVerdicts } from '../../shared/whatif/diffVerdicts';
import { buildTree } from '../graph/buildGraph';
import type { LoadedEstate } from '../state/loadEstate';
import { useApp } from '../state/store';

import { evaluatorOverrides, sameOverrides, setEvaluatorOverrides, whatIfEvaluator, type AssumptionOverrides } from './evaluator';

export { whatIfEvaluator };

export interface WhatIfSlice {
  /** Undefined until the estate's base has been evaluated by the shared evaluator. */
  readonly state?: WhatIfState;
  /** The estate file the state belongs to. */
  readonly file?: SnapshotFile;
  /** Where the project was opened from or last saved to (saves go there without asking). */
  readonly projectPath?: string;
  /** The assumption overrides the verdicts were computed under (mirrors evaluator.ts, for rendering). */
  readonly assumptions: AssumptionOverrides;
  /** Last note for the user (saved, downloaded, refused edit…). */
  readonly notice?: { readonly kind: 'info' | 'error'; readonly text: string };
  setNotice(notice: WhatIfSlice['notice']): void;
  setProjectPath(path: string | undefined): void;
}

/** The store hook. */
export const useWhatIf = create<WhatIfSlice>()((set) => ({
  assumptions: {},
  setNotice: (notice) => set({ notice }),
  setProjectPath: (projectPath) => set({ projectPath }),
}));

/** History, project path and assumptions to start the next opened estate with: set by "open project". */
let pendingStart: { readonly history: EditHistory; readonly projectPath?: string; readonly assumptions?: AssumptionOverrides } | undefined;

/**
 * Make the next `setEstate` start from these edits (and assumptions). Call it before the estate is
 * loaded: the assumptions take effect at once, so the load evaluates under them (one pass, not two).
 * Returns a sentence when the assumptions do not apply (then the defaults are used).
 */
export function startNextEstateWith(history: EditHistory, projectPath?: string, assumptions: AssumptionOverrides = {}): string | undefined {
  let problem: string | undefined;
  try {
    setEvaluatorOverrides(assumptions);
  } catch (err) {
    problem = `The project's assumptions do not apply (${(err as Error).message}); the defaults are used.`;
    setEvaluatorOverrides({});
  }
  pendingStart = { history, ...(projectPath ? { projectPath } : {}), assumptions: evaluatorOverrides() };
  return problem;
}

/** The estate named by startNextEstateWith did not load: back to the open estate's assumptions. */
export function abandonNextEstateStart(): void {
  pendingStart = undefined;
  setEvaluatorOverrides(useWhatIf.getState().assumptions);
}

/** Put the state's verdicts on screen; `force` when the snapshot is the same but the verdicts are not (new assumptions). */
function publish(state: WhatIfState, force = false): void {
  const estate = useApp.getState().estate;
  if (!estate || (!force && estate.snapshot === state.snapshot)) return;
  const next: LoadedEstate = { ...estate, snapshot: state.snapshot, verdict: state.verdict, tree: buildTree(state.snapshot, state.verdict) };
  useApp.setState({ estate: next });
}

function begin(estate: LoadedEstate): WhatIfState | undefined {
  const start = pendingStart;
  pendingStart = undefined;
  const history = start?.history ?? EMPTY_HISTORY;
  // A newly opened estate starts from the default assumptions, a project from its own; if the load
  // evaluated under others (the user changed some on the previous estate), re-evaluate here.
  const reassumed = !sameOverrides(start?.assumptions ?? {}, evaluatorOverrides());
  if (reassumed) setEvaluatorOverrides(start?.assumptions ?? {});
  let r = startWhatIf(estate.snapshot, whatIfEvaluator, history);
  let notice: WhatIfSlice['notice'];
  if ('error' in r) {
    // Keep the edits that still apply; say which one did not.
    const kept = { edits: history.edits.slice(0, r.index), cursor: Math.min(history.cursor, r.index) };
    notice = { kind: 'error', text: `Edit ${r.index + 1} (${describeEdit(history.edits[r.index]!)}) no longer applies: ${r.error.message} It and the edits after it were dropped.` };
    r = startWhatIf(estate.snapshot, whatIfEvaluator, kept);
    if ('error' in r) return undefined;
  }
  useWhatIf.setState({ state: r, file: estate.file, projectPath: start?.projectPath, notice, assumptions: evaluatorOverrides() });
  publish(r, reassumed);
  return r;
}

/** The state for the open estate, evaluating its base on first use. */
export function ensureWhatIf(): WhatIfState | undefined {
  const estate = useApp.getState().estate;
  if (!estate) return undefined;
  const s = useWhatIf.getState();
  if (s.state && s.file === estate.file) return s.state;
  return begin(estate);
}

function commit(next: WhatIfState): void {
  useWhatIf.setState({ state: next });
  publish(next);
}

/** Push edits one by one; stops at the first refused edit and returns its error (state keeps the rest). */
export function pushEdits(edits: readonly Edit[]): EditError | undefined {
  let state = ensureWhatIf();
  if (!state) return { field: '', message: 'No estate is open.' };
  for (const edit of edits) {
    const r = pushWhatIf(state, edit, whatIfEvaluator);
    if ('error' in r) {
      commit(state);
      return r.error;
    }
    state = r;
  }
  commit(state);
  return undefined;
}

/** Undo one edit. */
export function undoEdit(): void {
  const s = ensureWhatIf();
  if (s) commit(undoWhatIf(s, whatIfEvaluator));
}

/** Redo one edit. */
export function redoEdit(): void {
  const s = ensureWhatIf();
  if (s) commit(redoWhatIf(s, whatIfEvaluator));
}

/** Remove pending edit `index`; refused when a later edit depends on it. */
export function removeEdit(index: number): void {
  const s = ensureWhatIf();
  if (!s) return;
  const r = removeWhatIf(s, index, whatIfEvaluator);
  if ('error' in r) {
    useWhatIf.setState({ notice: { kind: 'error', text: `Cannot remove that change: edit ${r.index + 1} depends on it (${r.error.message})` } });
    return;
  }
  commit(r);
}

/**
 * Evaluate under other assumptions from now on, and re-evaluate the open estate (its base and its
 * edits) at once. Returns the engine's message for an unknown id or a bad value; nothing changes then.
 */
export function setAssumptions(next: AssumptionOverrides, label = 'Assumptions changed'): string | undefined {
  // Begin the session first: beginning settles the assumptions an estate starts with.
  const state = ensureWhatIf();
  try {
    setEvaluatorOverrides(next);
  } catch (err) {
    return (err as Error).message;
  }
  useWhatIf.setState({ assumptions: evaluatorOverrides() });
  if (!state) return undefined;
  const r = startWhatIf(state.base, whatIfEvaluator, state.history);
  if ('error' in r) return r.error.message; // edits that applied once apply again from the same base
  useWhatIf.setState({ state: r, notice: { kind: 'info', text: `${label}: ${diffVerdicts(state.verdict, r.verdict).summary}.` } });
  publish(r, true);
  return undefined;
}

// A different estate (opened, harvested, closed) ends the old what-if session. Starting is deferred a
// tick so the first paint of a big estate is not held up by evaluating its base a second time.
useApp.subscribe((s, prev) => {
  if (s.estate?.file === prev.estate?.file) return;
  useWhatIf.setState({ state: undefined, file: undefined, projectPath: undefined, notice: undefined });
  if (s.estate) {
    // Eager too when the verdicts on screen used assumptions this estate does not start with.
    const eager = pendingStart !== undefined || Object.keys(evaluatorOverrides()).length > 0;
    if (eager) ensureWhatIf();
    else setTimeout(() => void ensureWhatIf(), 0);
  }
});
