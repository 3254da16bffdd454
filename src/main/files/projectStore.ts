/**
 * Load and save project files. Saving never overwrites a file this build could not read (damaged,
 * newer version, not a project): the user's data stays intact and the error says why.
 */
import { readFile } from 'node:fs/promises';
import { parseProject, ProjectError } from '../../shared/project/parseProject';
import { serializeProject, type Project } from '../../shared/project/projectFile';
import { writeFileAtomic } from './atomicWrite';

/** Read and validate a project; throws ProjectError (bad content) or a clear Error (unreadable file). */
export async function loadProject(path: string): Promise<Project> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new Error(code === 'ENOENT' ? `${path}: no such file` : `${path}: cannot read (${code ?? (err as Error).message})`);
  }
  return parseProject(text, path);
}

export interface SaveOptions {
  /** Replace even a file that is not a readable project of this version (after the user confirmed). */
  readonly overwriteUnreadable?: boolean;
}

/** Save atomically. Refuses to replace an existing file it cannot read as a project, unless told to. */
export async function saveProject(path: string, project: Project, options: SaveOptions = {}): Promise<void> {
  if (!options.overwriteUnreadable) {
    let existing: string | undefined;
    try {
      existing = await readFile(path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw new Error(`${path}: cannot check the existing file before saving (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); nothing was written.`);
    }
    if (existing !== undefined) {
      try {
        parseProject(existing, path);
      } catch (err) {
        if (err instanceof ProjectError) {
          throw new ProjectError(path, err.kind, `not saved: the existing file could not be read (${err.message.slice(path.length + 2)}) and would be lost. Save under another name.`);
        }
        throw err;
      }
    }
  }
  await writeFileAtomic(path, serializeProject(project));
}
