/**
 * Which paths the renderer may name directly (no dialog) for saves and project opens. Browser mode
 * has no native dialog, so any absolute path with an expected extension goes (the caller already
 * holds the per-launch token, and `file:openPath` reads any path too). In Electron only a path main
 * handed out before (a dialog pick, an opened project) goes, so a compromised renderer cannot pick
 * arbitrary files to write.
 */
import { extname, isAbsolute, resolve } from 'node:path';
import { HandlerError } from './handlerError';

/** Remembers handed-out paths and vets renderer-given ones. */
export interface PathPolicy {
  remember(path: string): void;
  /** The absolute path to use; HandlerError('forbidden' | 'badRequest') otherwise. */
  check(path: string, extensions: readonly string[]): string;
}

/** The policy for one host. */
export function pathPolicy(mode: 'electron' | 'browser'): PathPolicy {
  const handedOut = new Set<string>();
  return {
    remember: (path) => void handedOut.add(resolve(path)),
    check(path, extensions) {
      if (!isAbsolute(path)) throw new HandlerError('badRequest', `${path}: give an absolute path`);
      const full = resolve(path);
      const lower = full.toLowerCase();
      if (extensions.length && !extensions.some((e) => lower.endsWith(e.toLowerCase()))) {
        throw new HandlerError('badRequest', `${full}: expected a ${extensions.join(' or ')} file, not ${extname(full) || 'a file without extension'}`);
      }
      if (mode === 'electron' && !handedOut.has(full)) throw new HandlerError('forbidden', `${full}: choose the file in a dialog first`);
      return full;
    },
  };
}

/** `.json` from `[{ extensions: ['json'] }]`; `*` means anything. */
export function extensionsOf(filters: readonly { readonly extensions: readonly string[] }[] | undefined): string[] {
  const all = (filters ?? []).flatMap((f) => f.extensions);
  return all.includes('*') ? [] : all.map((e) => `.${e.replace(/^\./, '')}`);
}
