/** What one edit family's handler returns: the ARM changes it made to the draft, or why it could not. */
import type { ArmChange, EditError } from './edits';

export type HandlerResult = { readonly changes: readonly ArmChange[] } | { readonly error: EditError };

/** Shorthand for a failed edit. */
export function fail(field: string, message: string): HandlerResult {
  return { error: { field, message } };
}
