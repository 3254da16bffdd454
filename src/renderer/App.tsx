/** Top level: the welcome screen until an estate is open, then the workbench. */
import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useApp } from './state/store';
import { Welcome } from './components/Welcome';
import { Workbench } from './components/Workbench';
import { useOpenActions } from './state/useOpenActions';
import { initialFileComing } from './state/initialFile';

/** The app. */
export function App(): React.JSX.Element {
  const { estate, theme, busy } = useApp(useShallow((s) => ({ estate: s.estate, theme: s.theme, busy: s.busy })));
  const { openInitialFile } = useOpenActions();
  // While the initial file (prefetched by main.tsx) is on its way, a one-line placeholder instead of
  // the welcome screen: nothing to click yet, and the CPU goes to opening the file.
  const [opening, setOpening] = useState(initialFileComing);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  useEffect(() => {
    void openInitialFile().finally(() => setOpening(false));
  }, [openInitialFile]);
  if (estate) return <Workbench />;
  if (opening) return <main className="welcome" data-testid="opening"><p className="busy">{busy ?? 'Opening…'}</p></main>;
  return <Welcome />;
}
