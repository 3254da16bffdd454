/**
 * Open a project for use: load and validate the file, then build its snapshot with ingest. The CLI
 * and the main-process handlers share it; errors name the project file.
 */
import { buildSnapshot, IngestError } from '../../shared/ingest';
import type { Snapshot } from '../../shared/model';
import { ProjectError } from '../../shared/project/parseProject';
import type { Project } from '../../shared/project/projectFile';
import { loadProject } from './projectStore';

export interface OpenedProject {
  readonly path: string;
  readonly project: Project;
  /** The snapshot before any edit. */
  readonly base: Snapshot;
}

/** Load `path` and build its base snapshot; throws ProjectError (content) or Error (unreadable). */
export async function openProject(path: string): Promise<OpenedProject> {
  const project = await loadProject(path);
  try {
    return { path, project, base: buildSnapshot(project.snapshot, { fileName: path }) };
  } catch (err) {
    if (err instanceof IngestError) throw new ProjectError(path, 'invalid', `$.snapshot: ${err.message}`);
    throw err;
  }
}
