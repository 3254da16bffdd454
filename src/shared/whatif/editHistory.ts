/**
 * Undo/redo as pure data: the edit list and a cursor (edits before the cursor are applied). Saved as
 * is in project files, so a reopened project can still redo what was undone.
 */
import type { Edit } from './edits';

export interface EditHistory {
  readonly edits: readonly Edit[];
  /** Number of edits in force (0 … edits.length). */
  readonly cursor: number;
}

/** No edits. */
export const EMPTY_HISTORY: EditHistory = { edits: [], cursor: 0 };

/** Add an edit after the cursor; whatever was undone beyond it is dropped (the usual editor rule). */
export function pushEdit(history: EditHistory, edit: Edit): EditHistory {
  return { edits: [...history.edits.slice(0, history.cursor), edit], cursor: history.cursor + 1 };
}

export function canUndo(history: EditHistory): boolean {
  return history.cursor > 0;
}

export function canRedo(history: EditHistory): boolean {
  return history.cursor < history.edits.length;
}

/** One step back (no-op at the start). */
export function undo(history: EditHistory): EditHistory {
  return canUndo(history) ? { ...history, cursor: history.cursor - 1 } : history;
}

/** One step forward (no-op at the end). */
export function redo(history: EditHistory): EditHistory {
  return canRedo(history) ? { ...history, cursor: history.cursor + 1 } : history;
}

/** The pending-changes list: the edits in force. */
export function activeEdits(history: EditHistory): readonly Edit[] {
  return history.edits.slice(0, history.cursor);
}

/** Drop the edit at `index` (within the active part) from the pending list. */
export function removeEdit(history: EditHistory, index: number): EditHistory {
  if (index < 0 || index >= history.cursor) return history;
  const edits = history.edits.slice(0, history.cursor).filter((_, i) => i !== index);
  return { edits, cursor: edits.length };
}
