/**
 * The value every invoke channel resolves to. Electron's `ipcMain.handle` keeps only an error's
 * message across the boundary, so failures travel as data with a stable code the renderer can branch on.
 */

/** Error codes a handler may answer with; the renderer branches on these, never on messages. */
export type IpcErrorCode =
  | 'badRequest' | 'notFound' | 'badInput' | 'unsupported' | 'cancelled' | 'busy' | 'forbidden' | 'internal';

/** A failure the user can read: `message` names the file/field/resource concerned. */
export interface IpcError {
  readonly code: IpcErrorCode;
  readonly message: string;
}

/** Success or failure of one invoke call. */
export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: IpcError };

/** Build a success. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** Build a failure. */
export function fail<T = never>(code: IpcErrorCode, message: string): Result<T> {
  return { ok: false, error: { code, message } };
}
