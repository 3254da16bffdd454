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
  // Until we know whether there is an initial file (main.tsx prefetches it), and while it opens, no
  // welcome screen (only the busy line): nothing to click yet, and the CPU goes to opening the file.
  const [opening, setOpening] = useState(initialFileComing);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  useEffect(() => {
    void openInitialFile().finally(() => setOpening(false));
  }, [openInitialFile]);
  if (estate) return <Workbench />;
  if (opening) return <main className="welcome" data-testid="opening">{busy && <p className="busy">{busy}</p>}</main>;
  return <Welcome />;
}
