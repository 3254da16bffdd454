/**
 * The handler functions behind every invoke channel, built from their dependencies. The Electron
 * register file and the browser-mode server bind these same functions; tests call them directly.
 */
import { basename } from 'node:path';
import { writeFile, rename } from 'node:fs/promises';
import type { InvokeChannel, RequestOf, ResponseOf } from '../../shared/ipc/contract';
import type { HandlerDeps } from './deps';
import { HandlerError } from './handlerError';
import { readJsonFile } from './readJsonFile';
import { harvestSession } from './harvestSession';

/** One async function per invoke channel; failures are thrown as HandlerError. */
export type Handlers = {
  readonly [C in InvokeChannel]: (request: RequestOf<C>) => Promise<ResponseOf<C>>;
};

async function writeAtomically(path: string, content: string): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, content);
  await rename(tmp, path);
}

/** Build the handlers for one host. */
export function createHandlers(deps: HandlerDeps): Handlers {
  const harvest = harvestSession(deps.harvester, deps.emit);
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
    'project:save': async ({ project, suggestedName }) => {
      const path = await needDialogs().pickSavePath(suggestedName, [{ name: 'VNetLens project', extensions: ['vnetlens.json', 'json'] }]);
      if (!path) return undefined;
      await writeAtomically(path, JSON.stringify(project, null, 2));
      return { path };
    },
    'project:open': async () => {
      const path = await needDialogs().pickOpenPath('project');
      return path ? openPath(path) : undefined;
    },
    'export:save': async ({ content, suggestedName, filters }) => {
      const path = await needDialogs().pickSavePath(suggestedName, filters ?? []);
      if (!path) return undefined;
      await writeAtomically(path, content);
      return { path };
    },
  };
}
