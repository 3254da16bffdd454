/**
 * The what-if bar under the toolbar: exports (ARM template, Bicep, draw.io, SVG, PNG), project
 * save / open, the pending-changes count that opens the panel, the assumptions panel, and the last notice. Owns the undo /
 * redo shortcuts while the workbench is up.
 */
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useExports, type ExportFormat } from '../export/useExports';
import { currentProject, openProjectInteractive, saveProjectFile } from './projectIo';
import { useWhatIfShortcuts } from './useWhatIfShortcuts';
import { WhatIfPanel } from './WhatIfPanel';
import { AssumptionsPanel } from '../assumptions/AssumptionsPanel';
import { useApp } from '../state/store';
import { ensureWhatIf, redoEdit, removeEdit, undoEdit, useWhatIf } from './whatifStore';
import './whatif.css';

const FORMATS: readonly [ExportFormat, string][] = [['arm', 'ARM template (JSON)'], ['bicep', 'Bicep'], ['drawio', 'draw.io diagram'], ['svg', 'SVG image'], ['png', 'PNG image']];

/** Bar + floating pending-changes panel. */
export function WhatIfBar(): React.JSX.Element {
  const { state, notice, projectPath, setNotice, assumptions } = useWhatIf(useShallow((s) => ({ state: s.state, notice: s.notice, projectPath: s.projectPath, setNotice: s.setNotice, assumptions: s.assumptions })));
  const inEffect = useApp((s) => s.estate?.verdict.assumptions);
  const [panelOpen, setPanelOpen] = useState(true);
  const [assumptionsOpen, setAssumptionsOpen] = useState(false);
  const changedAssumptions = Object.keys(assumptions).length;
  const [menuOpen, setMenuOpen] = useState(false);
  const [working, setWorking] = useState(false);
  const { exportAs, layout } = useExports();
  useWhatIfShortcuts();

  const run = async (what: string, job: () => Promise<string | string[] | undefined>) => {
    setWorking(true);
    setMenuOpen(false);
    try {
      const r = await job();
      const text = Array.isArray(r) ? r.join('; ') : r;
      if (text) setNotice({ kind: 'info', text });
    } catch (err) {
      setNotice({ kind: 'error', text: `${what}: ${err instanceof Error ? err.message : String(err)}` });
    } finally {
      setWorking(false);
    }
  };
  const save = (saveAs: boolean) => run('Save project', async () => {
    const project = currentProject(layout());
    return project ? saveProjectFile(project, saveAs) : undefined;
  });
  const pending = state?.history.cursor ?? 0;

  return (
    <div className="whatif-bar" data-testid="whatif-bar">
      <button type="button" className={`ghost${pending ? ' wi-pending' : ''}`} data-testid="whatif-toggle" onClick={() => { ensureWhatIf(); setPanelOpen(!panelOpen); }}
        title="Pending what-if changes (Ctrl+Z / Ctrl+Shift+Z)">
        Changes ({pending})
      </button>
      <button type="button" className={`ghost${changedAssumptions ? ' a-changed' : ''}`} data-testid="assumptions-toggle" aria-expanded={assumptionsOpen}
        onClick={() => setAssumptionsOpen(!assumptionsOpen)} title="The assumptions the verdicts depend on">
        Assumptions{changedAssumptions ? ` (${changedAssumptions} changed)` : ''}
      </button>
      <div className="wi-menu">
        <button type="button" className="ghost" data-testid="export-menu" disabled={working} onClick={() => setMenuOpen(!menuOpen)} aria-expanded={menuOpen}>Export ▾</button>
        {menuOpen && (
          <ul role="menu" className="wi-menu-list" data-testid="export-menu-list">
            {FORMATS.map(([f, label]) => (
              <li key={f}><button type="button" role="menuitem" data-testid={`export-${f}`} onClick={() => void run(`Export ${label}`, () => exportAs(f))}>{label}</button></li>
            ))}
          </ul>
        )}
      </div>
      <button type="button" className="ghost" data-testid="project-save" disabled={working} onClick={() => void save(false)} title={projectPath ? `Save to ${projectPath}` : 'Save the project (snapshot, edits, view)'}>Save project</button>
      <button type="button" className="ghost" data-testid="project-save-as" disabled={working} onClick={() => void save(true)}>Save as…</button>
      <button type="button" className="ghost" data-testid="project-open" disabled={working} onClick={() => void openProjectInteractive()}>Open project…</button>
      {notice && <span className={`wi-notice ${notice.kind}`} data-testid="whatif-notice" role={notice.kind === 'error' ? 'alert' : 'status'}>{notice.text}
        <button type="button" className="link small" aria-label="Dismiss" onClick={() => setNotice(undefined)}>✕</button></span>}
      {assumptionsOpen && inEffect && (
        <div className="assumptions-float"><AssumptionsPanel inEffect={inEffect} overrides={assumptions} /></div>
      )}
      {state && panelOpen && state.history.edits.length > 0 && (
        <div className="wi-float">
          <WhatIfPanel state={state} onUndo={undoEdit} onRedo={redoEdit} onRemove={removeEdit} onExport={() => setMenuOpen(true)} />
        </div>
      )}
    </div>
  );
}
