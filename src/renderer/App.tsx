/** Top level: the welcome screen until an estate is open, then the workbench. */
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useApp } from './state/store';
import { Welcome } from './components/Welcome';
import { Workbench } from './components/Workbench';
import { useOpenActions } from './state/useOpenActions';

/** The app. */
export function App(): React.JSX.Element {
  const { estate, theme } = useApp(useShallow((s) => ({ estate: s.estate, theme: s.theme })));
  const { openInitialFile } = useOpenActions();
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  useEffect(() => {
    void openInitialFile();
  }, [openInitialFile]);
  return estate ? <Workbench /> : <Welcome />;
}
