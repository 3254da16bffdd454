/** What-if: edits, their application with structural sharing, history, verdict diffs, suggested fixes. */
export type * from './edits';
export { applyEdit, applyEdits, isApplied, type ApplyResult, type ApplyManyResult } from './applyEdit';
export { EMPTY_HISTORY, activeEdits, canRedo, canUndo, pushEdit, redo, removeEdit, undo, type EditHistory } from './editHistory';
export { diffVerdicts, flowKey, type CheckChange, type FlowChange, type VerdictDiff } from './diffVerdicts';
export { suggestFixes, type FlowRef, type SuggestedFix, type SuggestOptions } from './suggestFixes';
export { editSchema } from './editSchema';
export { ARM_TYPES, childId, newResourceId } from './ids';
export { pushWhatIf, redoWhatIf, removeWhatIf, startWhatIf, undoWhatIf, type WhatIfState } from './whatIfState';
export { describeEdit } from './describeEdit';
