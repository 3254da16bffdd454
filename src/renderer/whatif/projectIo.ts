/**
 * Project files from the app: save = snapshot + edits (with the undo cursor) + changed assumptions + view, to the path the
 * project came from, a native dialog, or a browser download; open = native dialog or file upload,
 * validated by src/shared/project so a damaged or newer file gets a clear message and nothing else
 * changes.
 */
import { parseProject, ProjectError } from '../../shared/project/parseProject';
import { PROJECT_EXTENSION, newProject, serializeProject, type Project, type ProjectView } from '../../shared/project/projectFile';
import type { DiagramLayout } from '../../shared/export/diagram/diagramTypes';
import { getApi } from '../transport/api';
import { downloadBlob, pickFile } from '../export/download';
import { fromSnapshotFile } from '../state/loadEstate';
import { useApp } from '../state/store';
import { abandonNextEstateStart, ensureWhatIf, startNextEstateWith, useWhatIf } from './whatifStore';

/** `sample-estate.json` → `sample-estate.vnetlens.json`. */
export function projectFileName(estateName: string): string {
  if (estateName.toLowerCase().endsWith(PROJECT_EXTENSION)) return estateName;
  return `${estateName.replace(/\.json$/i, '')}${PROJECT_EXTENSION}`;
}

/** The project as it stands: the estate file, the edit history, what the view shows. */
export function currentProject(layout?: DiagramLayout): Project | undefined {
  const app = useApp.getState();
  const state = ensureWhatIf();
  if (!app.estate || !state) return undefined;
  const focus = app.view.focus && app.view.focus !== 'all' ? app.view.focus : undefined;
  const positions = layout ? Object.fromEntries(layout.nodes.map((n) => [n.id, { x: Math.round(n.x), y: Math.round(n.y) }])) : undefined;
  const view: ProjectView = { collapsed: [...app.view.collapsed], theme: app.theme, ...(focus ? { selectedCompute: focus } : {}), ...(positions ? { positions } : {}) };
  const assumptions = useWhatIf.getState().assumptions;
  return {
    ...newProject(app.estate.file), edits: state.history.edits, cursor: state.history.cursor,
    ...(Object.keys(assumptions).length ? { assumptions } : {}), view,
  };
}

/** Save; returns the sentence for the status line (or undefined when cancelled). Throws with main's message. */
export async function saveProjectFile(project: Project, saveAs = false): Promise<string | undefined> {
  const app = useApp.getState();
  const known = saveAs ? undefined : useWhatIf.getState().projectPath;
  const suggestedName = projectFileName(app.estate?.name ?? 'estate.json');
  const r = await getApi().invoke['project:save']({ project, suggestedName, ...(known ? { path: known } : {}) });
  if (r.ok) {
    if (!r.value) return undefined;
    useWhatIf.getState().setProjectPath(r.value.path);
    return `Project saved to ${r.value.path}`;
  }
  if (r.error.code !== 'unsupported') throw new Error(r.error.message);
  downloadBlob(new Blob([serializeProject(project)], { type: 'application/json' }), suggestedName);
  return `Project downloaded as ${suggestedName}`;
}

/** Open a validated project: its snapshot becomes the estate, its edits the pending list, its view the view. */
export function openProjectData(project: Project, name: string, path?: string): void {
  const app = useApp.getState();
  // Assumptions first, so the load below evaluates under them.
  const problem = startNextEstateWith({ edits: project.edits, cursor: project.cursor }, path, project.assumptions);
  let estate;
  try {
    estate = fromSnapshotFile(project.snapshot, name, path);
  } catch (err) {
    abandonNextEstateStart();
    throw err;
  }
  app.setEstate(estate);
  if (problem && !useWhatIf.getState().notice) useWhatIf.getState().setNotice({ kind: 'error', text: problem });
  const v = project.view;
  const s = useApp.getState();
  if (v.collapsed.length) useApp.setState({ view: { ...s.view, collapsed: new Set(v.collapsed) } });
  if (v.selectedCompute) s.setFocus(v.selectedCompute);
  if (v.theme && v.theme !== 'system' && v.theme !== s.theme) s.toggleTheme();
}

async function fromDialogOrUpload(): Promise<{ project: Project; name: string; path?: string } | undefined> {
  const r = await getApi().invoke['project:open']({});
  if (r.ok) {
    if (!r.value) return undefined;
    // main validated it; validate again here so the renderer never trusts a shape it did not check
    return { project: parseProject(JSON.stringify(r.value.content), r.value.name), name: r.value.name, ...(r.value.path ? { path: r.value.path } : {}) };
  }
  if (r.error.code !== 'unsupported') throw new Error(r.error.message);
  const file = await pickFile(`${PROJECT_EXTENSION},.json,application/json`);
  if (!file) return undefined;
  return { project: parseProject(await file.text(), file.name), name: file.name };
}

/** The "Open project…" action with its busy/error handling. */
export async function openProjectInteractive(): Promise<void> {
  const { setBusy, setError } = useApp.getState();
  setError(undefined);
  try {
    const opened = await fromDialogOrUpload();
    if (!opened) return;
    setBusy(`Evaluating ${opened.name}…`);
    await new Promise((r) => setTimeout(r, 16));
    openProjectData(opened.project, opened.name, opened.path);
  } catch (err) {
    setError(err instanceof ProjectError || err instanceof Error ? err.message : String(err));
  } finally {
    setBusy(undefined);
  }
}
