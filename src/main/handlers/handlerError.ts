/** A failure a handler reports as a Result error (code + user-readable message), never as a crash. */
import type { IpcErrorCode } from '../../shared/ipc/result';

/** Thrown inside handlers; the binding turns it into `{ ok: false, error }`. */
export class HandlerError extends Error {
  constructor(readonly code: IpcErrorCode, message: string) {
    super(message);
    this.name = 'HandlerError';
  }
}
