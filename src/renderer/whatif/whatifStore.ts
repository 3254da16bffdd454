/**
 * The what-if slice (zustand): one WhatIfState per open estate, driven by ONE long-lived evaluator so
 * each edit re-evaluates only the computes it touches. Every change is published into the app store's
 * `estate` (snapshot, verdict, tree), so the graph and the inspector draw the candidate without
 * knowing about what-if. A new estate in the app store starts a fresh state.
 */
import { create } from 'zustand';
import type { SnapshotFile } from '../../shared/model/snapshotFile';
import { describeEdit } from '../../shared/whatif/describeEdit';
import { EMPTY_HISTORY, type EditHistory } from '../../shared/whatif/editHistory';
import type { Edit, EditError } from '../../shared/whatif/edits';
import { pushWhatIf, redoWhatIf, removeWhatIf, startWhatIf, undoWhatIf, type WhatIfState } from '../../shared/whatif/whatIfState';
import { buildTree } from '../graph/buildGraph';
import type { LoadedEstate } from '../state/loadEstate';
import { useApp } from '../state/store';

import { whatIfEvaluator } from './evaluator';

export { whatIfEvaluator };

export interface WhatIfSlice {
  /** Undefined until the estate's base has been evaluated by the shared evaluator. */
  readonly state?: WhatIfState;
  /** The estate file the state belongs to. */
  readonly file?: SnapshotFile;
  /** Where the project was opened from or last saved to (saves go there without asking). */
  readonly projectPath?: string;
  /** Last note for the user (saved, downloaded, refused edit…). */
  readonly notice?: { readonly kind: 'info' | 'error'; readonly text: string };
  setNotice(notice: WhatIfSlice['notice']): void;
  setProjectPath(path: string | undefined): void;
}

/** The store hook. */
export const useWhatIf = create<WhatIfSlice>()((set) => ({
  setNotice: (notice) => set({ notice }),
  setProjectPath: (projectPath) => set({ projectPath }),
}));

/** History (and project path) to start the next opened estate with: set by "open project". */
let pendingStart: { readonly history: EditHistory; readonly projectPath?: string } | undefined;

/** Make the next `setEstate` start from these edits. */
export function startNextEstateWith(history: EditHistory, projectPath?: string): void {
  pendingStart = { history, ...(projectPath ? { projectPath } : {}) };
}

function publish(state: WhatIfState): void {
  const estate = useApp.getState().estate;
  if (!estate || estate.snapshot === state.snapshot) return;
  const next: LoadedEstate = { ...estate, snapshot: state.snapshot, verdict: state.verdict, tree: buildTree(state.snapshot, state.verdict) };
  useApp.setState({ estate: next });
}

function begin(estate: LoadedEstate): WhatIfState | undefined {
  const start = pendingStart;
  pendingStart = undefined;
  const history = start?.history ?? EMPTY_HISTORY;
  let r = startWhatIf(estate.snapshot, whatIfEvaluator, history);
  let notice: WhatIfSlice['notice'];
  if ('error' in r) {
    // Keep the edits that still apply; say which one did not.
    const kept = { edits: history.edits.slice(0, r.index), cursor: Math.min(history.cursor, r.index) };
    notice = { kind: 'error', text: `Edit ${r.index + 1} (${describeEdit(history.edits[r.index]!)}) no longer applies: ${r.error.message} It and the edits after it were dropped.` };
    r = startWhatIf(estate.snapshot, whatIfEvaluator, kept);
    if ('error' in r) return undefined;
  }
  useWhatIf.setState({ state: r, file: estate.file, projectPath: start?.projectPath, notice });
  publish(r);
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

// A different estate (opened, harvested, closed) ends the old what-if session. Starting is deferred a
// tick so the first paint of a big estate is not held up by evaluating its base a second time.
useApp.subscribe((s, prev) => {
  if (s.estate?.file === prev.estate?.file) return;
  useWhatIf.setState({ state: undefined, file: undefined, projectPath: undefined, notice: undefined });
  if (s.estate) {
    const eager = pendingStart !== undefined;
    if (eager) ensureWhatIf();
    else setTimeout(() => void ensureWhatIf(), 0);
  }
});
