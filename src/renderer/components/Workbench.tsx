/** The main screen once an estate is open: toolbar, canvas, inspector, legend, search palette. */
import { ReactFlowProvider } from '@xyflow/react';
import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../state/store';
import { Inspector } from './inspector/Inspector';
import { Legend } from './Legend';
import { SearchPalette } from './SearchPalette';
import { Toolbar } from './Toolbar';
import { Topology } from './Topology';
import { useShortcuts } from './useShortcuts';
import { WhatIfBar } from '../whatif/WhatIfBar';

/** Workbench for the loaded estate. */
export function Workbench(): React.JSX.Element | null {
  const { estate, searchOpen, error } = useApp(useShallow((s) => ({ estate: s.estate, searchOpen: s.searchOpen, error: s.error })));
  useShortcuts();
  if (!estate) return null;
  return (
    <ReactFlowProvider>
      <div className="workbench" data-testid="workbench">
        <Toolbar estate={estate} />
        <WhatIfBar />
        {error && <div className="error banner" role="alert">{error}</div>}
        <div className="body">
          <Topology estate={estate} />
          <Inspector estate={estate} />
        </div>
        <Legend />
        {searchOpen && <SearchPalette estate={estate} />}
      </div>
    </ReactFlowProvider>
  );
}
