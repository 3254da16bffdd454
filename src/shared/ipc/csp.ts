/**
 * The Content-Security-Policy both hosts send with the renderer (Electron's app:// protocol and the
 * browser-mode server). React Flow positions nodes with inline styles, hence style-src 'unsafe-inline';
 * ELK runs in a worker, hence worker-src blob: for bundlers that inline it.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
