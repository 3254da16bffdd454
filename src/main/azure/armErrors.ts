/**
 * Turns SDK/HTTP failures into short, secret-free text for warnings and MissingScope reasons:
 * `403 AuthorizationFailed: …`. Anything that looks like a bearer token or a JWT is blanked, since
 * error objects carry the request (and its Authorization header) around.
 */
import { isRestError } from '@azure/core-rest-pipeline';

/** What a failure was, for deciding (403 → missing) and for telling. */
export interface FailureInfo {
  readonly status?: number;
  readonly code?: string;
  readonly message: string;
  readonly aborted: boolean;
}

/** Remove bearer tokens and JWT-like strings from a message. */
export function redact(text: string): string {
  return text
    .replace(/Bearer\s+[A-Za-z0-9._~+/=-]+/gi, 'Bearer [redacted]')
    .replace(/eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g, '[redacted-jwt]');
}

/** Classify a thrown value. */
export function describeFailure(err: unknown): FailureInfo {
  const aborted = err instanceof Error && (err.name === 'AbortError' || /aborted/i.test(err.message) && !isRestError(err));
  if (isRestError(err)) {
    const details = (err as { details?: { error?: { code?: string; message?: string } } }).details?.error;
    const code = details?.code ?? err.code;
    const message = redact(oneLine(details?.message ?? err.message));
    return { ...(err.statusCode !== undefined ? { status: err.statusCode } : {}), ...(code ? { code } : {}), message, aborted: false };
  }
  return { message: redact(oneLine(err instanceof Error ? err.message : String(err))), aborted };
}

/** `403 AuthorizationFailed: message` */
export function failureText(f: FailureInfo): string {
  return [f.status, f.code].filter((x) => x !== undefined && x !== '').join(' ') + (f.status !== undefined || f.code ? ': ' : '') + f.message;
}

function oneLine(s: string): string {
  const line = s.replace(/\s+/g, ' ').trim();
  return line.length > 300 ? `${line.slice(0, 297)}…` : line;
}
