/**
 * `export:save`: write an export (ARM template, Bicep, draw.io, SVG, or PNG sent as base64) where a
 * dialog says, or at a given path (see exportPathPolicy). Atomic, so a failed write leaves the old file.
 */
import type { HandlerDeps } from './deps';
import type { Handlers } from './createHandlers';
import { writeFileAtomic } from '../files/atomicWrite';
import { HandlerError } from './handlerError';
import { extensionsOf, type PathPolicy } from './exportPathPolicy';

/** The export handler for one host. */
export function exportHandlers(deps: HandlerDeps, paths: PathPolicy): Pick<Handlers, 'export:save'> {
  return {
    'export:save': async ({ content, suggestedName, filters, path, encoding }) => {
      let target: string | undefined;
      if (path) target = paths.check(path, extensionsOf(filters));
      else {
        if (!deps.dialogs) throw new HandlerError('unsupported', 'no file dialog in browser mode');
        target = await deps.dialogs.pickSavePath(suggestedName, filters ?? []);
      }
      if (!target) return undefined;
      const data = encoding === 'base64' ? Buffer.from(content, 'base64') : content;
      try {
        await writeFileAtomic(target, data);
      } catch (err) {
        throw new HandlerError('badInput', `${target}: not saved (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
      }
      paths.remember(target);
      return { path: target };
    },
  };
}
