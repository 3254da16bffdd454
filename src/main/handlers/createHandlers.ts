/**
 * The handler functions behind every invoke channel, built from their dependencies. The Electron
 * register file and the browser-mode server bind these same functions; tests call them directly.
 */
import { basename } from 'node:path';
import type { InvokeChannel, RequestOf, ResponseOf } from '../../shared/ipc/contract';
import type { HandlerDeps } from './deps';
import { HandlerError } from './handlerError';
import { readJsonFile } from './readJsonFile';
import { harvestSession } from './harvestSession';
import { pathPolicy } from './exportPathPolicy';
import { exportHandlers } from './exportHandlers';
import { projectHandlers } from './projectHandlers';

/** One async function per invoke channel; failures are thrown as HandlerError. */
export type Handlers = {
  readonly [C in InvokeChannel]: (request: RequestOf<C>) => Promise<ResponseOf<C>>;
};

/** Build the handlers for one host. */
export function createHandlers(deps: HandlerDeps): Handlers {
  const harvest = harvestSession(deps.harvester, deps.emit);
  const paths = pathPolicy(deps.mode);
  const openPath = async (path: string) => {
    const opened = await readJsonFile(path, deps.maxFileBytes);
    await deps.recent.add(path).catch(() => undefined); // a read-only profile must not block opening
    return opened;
  };
  const needDialogs = () => {
    if (!deps.dialogs) throw new HandlerError('unsupported', 'no file dialog in browser mode');
    return deps.dialogs;
  };
  return {
    'app:info': async () => ({
      name: 'VNetLens', version: deps.version, mode: deps.mode, platform: deps.platform,
      ...(deps.initialFile ? { initialFile: deps.initialFile } : {}),
    }),
    'sample:open': async () => {
      const opened = await readJsonFile(deps.samplePath, deps.maxFileBytes);
      return { name: basename(deps.samplePath), content: opened.content };
    },
    'file:open': async () => {
      const path = await needDialogs().pickOpenPath('estate');
      return path ? openPath(path) : undefined;
    },
    'file:openPath': async ({ path }) => openPath(path),
    'recent:list': async () => deps.recent.list(),
    'harvest:listSubscriptions': async (request) => harvest.listSubscriptions(request),
    'harvest:start': async (request) => harvest.start(request),
    'harvest:cancel': async () => ({ cancelled: harvest.cancel() }),
    ...projectHandlers(deps, paths),
    ...exportHandlers(deps, paths),
  };
}
