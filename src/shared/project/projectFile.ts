/**
 * The project file (`*.vnetlens.json`): a snapshot, the what-if edit list with its undo cursor, the
 * named assumptions the user changed, and the view. Versioned by `schemaVersion` so older builds can refuse newer files clearly.
 */
import type { SnapshotFile } from '../model';
import type { Edit } from '../whatif/edits';

export const PROJECT_FORMAT = 'vnetlens-project';
export const PROJECT_SCHEMA_VERSION = 1;
/** The file name suffix the app and CLI look for. */
export const PROJECT_EXTENSION = '.vnetlens.json';

/** What the diagram showed when the project was saved. */
export interface ProjectView {
  readonly selectedCompute?: string;
  /** Ids of collapsed groups (VNets) in the diagram. */
  readonly collapsed: readonly string[];
  /** Node id → top-left position (React Flow coordinates, relative to the parent). */
  readonly positions?: Readonly<Record<string, { readonly x: number; readonly y: number }>>;
  readonly theme?: 'light' | 'dark' | 'system';
}

export interface Project {
  readonly format: typeof PROJECT_FORMAT;
  readonly schemaVersion: number;
  readonly snapshot: SnapshotFile;
  readonly edits: readonly Edit[];
  /** Edits in force: edits.slice(0, cursor); the rest can be redone. */
  readonly cursor: number;
  /**
   * Named assumptions that differ from the defaults, id → value as `vnetlens check --assume id=value`
   * takes them (e.g. `allowAllAppliances: "10.0.0.4"`). Absent = all defaults.
   */
  readonly assumptions?: Readonly<Record<string, string>>;
  readonly view: ProjectView;
}

/** A fresh project around a snapshot file. */
export function newProject(snapshot: SnapshotFile): Project {
  return { format: PROJECT_FORMAT, schemaVersion: PROJECT_SCHEMA_VERSION, snapshot, edits: [], cursor: 0, view: { collapsed: [] } };
}

/** The text written to disk (stable key order, trailing newline). */
export function serializeProject(project: Project): string {
  return `${JSON.stringify(project, null, 2)}\n`;
}
