/**
 * `project:save` / `project:open` over src/main/files: atomic saves that never replace a file this
 * build cannot read (damaged, newer, not a project), and opens that say clearly why a file is refused.
 */
import { basename } from 'node:path';
import { loadProject, saveProject } from '../files/projectStore';
import { parseProject, ProjectError } from '../../shared/project/parseProject';
import type { Project } from '../../shared/project/projectFile';
import type { HandlerDeps } from './deps';
import type { Handlers } from './createHandlers';
import { HandlerError } from './handlerError';
import type { PathPolicy } from './exportPathPolicy';

const PROJECT_FILTERS = [{ name: 'VNetLens project', extensions: ['vnetlens.json', 'json'] }];

function needDialogs(deps: HandlerDeps) {
  if (!deps.dialogs) throw new HandlerError('unsupported', 'no file dialog in browser mode');
  return deps.dialogs;
}

/** The renderer's project passes the same validation as a project read from disk. */
function validated(project: unknown, name: string): Project {
  try {
    return parseProject(JSON.stringify(project), name || 'project');
  } catch (err) {
    throw new HandlerError('badRequest', err instanceof Error ? err.message : String(err));
  }
}

/** The project handlers for one host. */
export function projectHandlers(deps: HandlerDeps, paths: PathPolicy): Pick<Handlers, 'project:save' | 'project:open'> {
  return {
    'project:save': async ({ project, suggestedName, path }) => {
      const p = validated(project, suggestedName);
      const target = path ? paths.check(path, ['.json']) : await needDialogs(deps).pickSavePath(suggestedName, PROJECT_FILTERS);
      if (!target) return undefined;
      try {
        await saveProject(target, p);
      } catch (err) {
        throw new HandlerError('badInput', err instanceof Error ? err.message : String(err));
      }
      paths.remember(target);
      return { path: target };
    },
    'project:open': async ({ path }) => {
      const target = path ? paths.check(path, ['.json']) : await needDialogs(deps).pickOpenPath('project');
      if (!target) return undefined;
      let project: Project;
      try {
        project = await loadProject(target);
      } catch (err) {
        if (err instanceof ProjectError) throw new HandlerError('badInput', err.message);
        throw new HandlerError('notFound', err instanceof Error ? err.message : String(err));
      }
      paths.remember(target);
      return { name: basename(target), path: target, content: project };
    },
  };
}
