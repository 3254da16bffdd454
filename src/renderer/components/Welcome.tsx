/** The welcome screen: sample, open a file (dialog or upload / path), harvest, recent files. */
import { useEffect, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { RecentFile } from '../../shared/ipc/contract';
import { getApi } from '../transport/api';
import { useApp } from '../state/store';
import { useAppInfo } from '../state/useAppInfo';
import { useOpenActions } from '../state/useOpenActions';
import { HarvestPanel } from './HarvestPanel';
import { OpenProjectCard } from '../whatif/OpenProjectCard';

/** Shown until an estate is open. */
export function Welcome(): React.JSX.Element {
  const { busy, error, theme, toggleTheme } = useApp(useShallow((s) => ({ busy: s.busy, error: s.error, theme: s.theme, toggleTheme: s.toggleTheme })));
  const info = useAppInfo();
  const { openSample, openDialog, openPath, openUpload } = useOpenActions();
  const [recent, setRecent] = useState<readonly RecentFile[]>([]);
  const [path, setPath] = useState('');
  const [harvesting, setHarvesting] = useState(false);
  const upload = useRef<HTMLInputElement>(null);

  useEffect(() => {
    void getApi().invoke['recent:list']({}).then((r) => r.ok && setRecent(r.value));
  }, []);

  return (
    <main className="welcome" data-testid="welcome">
      <header className="welcome-head">
        <h1>VNetLens</h1>
        <p>Will my Azure ML training compute work in this VNet? Every required flow, allowed or blocked, and why.</p>
        <button className="ghost" onClick={toggleTheme} title="Switch theme">{theme === 'dark' ? '☀ Light' : '☾ Dark'}</button>
      </header>
      {error && <div className="error" role="alert" data-testid="error">{error}</div>}
      {busy && <div className="busy" data-testid="busy">{busy}</div>}
      {harvesting ? <HarvestPanel onClose={() => setHarvesting(false)} /> : (
        <section className="cards">
          <div className="card">
            <h2>Try the sample</h2>
            <p>A hub-and-spoke estate with a no-public-IP cluster that has a blocked flow.</p>
            <button data-testid="open-sample" onClick={() => void openSample()}>Open the sample estate</button>
          </div>
          <div className="card">
            <h2>Open a file</h2>
            <p>An ARM JSON dump (array, list response, Resource Graph) or a VNetLens snapshot.</p>
            {info?.mode === 'electron'
              ? <button data-testid="open-file" onClick={() => void openDialog()}>Choose a file…</button>
              : <>
                <button data-testid="open-file" onClick={() => upload.current?.click()}>Upload a file…</button>
                <input ref={upload} data-testid="file-input" type="file" accept=".json,application/json" hidden
                  onChange={(e) => { const f = e.target.files?.[0]; if (f) void openUpload(f); e.target.value = ''; }} />
                <form className="row" onSubmit={(e) => { e.preventDefault(); if (path.trim()) void openPath(path.trim()); }}>
                  <input data-testid="open-path" placeholder="or a path on this machine" value={path} onChange={(e) => setPath(e.target.value)} />
                  <button type="submit" className="ghost">Open</button>
                </form>
              </>}
          </div>
          <div className="card">
            <h2>Harvest from Azure</h2>
            <p>Sign in, pick subscriptions, read every network resource the checks need.</p>
            <button data-testid="open-harvest" onClick={() => setHarvesting(true)}>Harvest…</button>
          </div>
          <OpenProjectCard />
          <div className="card recent">
            <h2>Recent files</h2>
            {recent.length === 0 ? <p className="muted">None yet.</p> : (
              <ul data-testid="recent-list">
                {recent.map((r) => (
                  <li key={r.path}><button className="link" title={r.path} onClick={() => void openPath(r.path)}>{r.name}</button> <span className="muted">{new Date(r.openedAt).toLocaleString()}</span></li>
                ))}
              </ul>
            )}
          </div>
        </section>
      )}
      <footer className="muted">{info ? `${info.name} ${info.version} · ${info.mode === 'browser' ? 'browser mode (127.0.0.1 only)' : 'desktop'}` : ''}</footer>
    </main>
  );
}
