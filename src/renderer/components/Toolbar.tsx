/** The toolbar: overlay focus, relevance, filters, expand/collapse, fit, search, theme, close. */
import { useMemo } from 'react';
import { useReactFlow } from '@xyflow/react';
import { useShallow } from 'zustand/react/shallow';
import { idKey } from '../../shared/model/armId';
import { laneParts } from '../graph/ids';
import type { ResourceKind } from '../graph/types';
import type { LoadedEstate } from '../state/loadEstate';
import { useApp } from '../state/store';
import { VerdictPills } from './nodes/VerdictPills';

const KINDS: readonly [ResourceKind, string][] = [
  ['compute', 'Computes'], ['privateEndpoint', 'Private endpoints'], ['firewall', 'Firewalls'], ['natGateway', 'NAT gateways'],
  ['dnsZone', 'DNS zones'], ['workspace', 'Workspaces'], ['target', 'Private-link targets'],
];

const one = (v: string): Set<string> => (v ? new Set([v]) : new Set());

/** Toolbar over the canvas. */
export function Toolbar({ estate }: { estate: LoadedEstate }): React.JSX.Element {
  const s = useApp(useShallow((st) => ({
    view: st.view, theme: st.theme, setFocus: st.setFocus, setOnlyRelevant: st.setOnlyRelevant, setFilters: st.setFilters,
    setAllExpanded: st.setAllExpanded, toggleTheme: st.toggleTheme, setSearchOpen: st.setSearchOpen, setEstate: st.setEstate,
  })));
  const rf = useReactFlow();
  const lanes = useMemo(() => [...estate.tree.values()].filter((n) => n.kind === 'lane').map((n) => laneParts(n.id)), [estate]);
  const subs = [...new Set(lanes.map((l) => l.subscriptionId))].sort();
  const regions = [...new Set(lanes.map((l) => l.region))].sort();
  const f = s.view.filters;
  const first = (set: ReadonlySet<string>) => [...set][0] ?? '';
  return (
    <div className="toolbar" data-testid="toolbar">
      <strong className="title" title={estate.path ?? estate.name}>{estate.name}</strong>
      <VerdictPills v={{ ...estate.verdict.summary }} />
      <label>Flows of
        <select data-testid="compute-picker" value={s.view.focus ?? ''} onChange={(e) => s.setFocus(e.target.value || undefined)}>
          <option value="">(none)</option>
          <option value="all">all computes</option>
          {estate.verdict.computes.map((c) => <option key={c.id} value={idKey(c.id)}>{c.name} ({c.kind})</option>)}
        </select>
      </label>
      <label title="Hide everything the focused compute does not depend on">
        <input type="checkbox" data-testid="only-relevant" checked={s.view.onlyRelevant} disabled={!s.view.focus || s.view.focus === 'all'}
          onChange={(e) => s.setOnlyRelevant(e.target.checked)} /> only what matters
      </label>
      <select aria-label="Subscription filter" data-testid="filter-subscription" value={first(f.subscriptions)} onChange={(e) => s.setFilters({ ...f, subscriptions: one(e.target.value) })}>
        <option value="">all subscriptions</option>
        {subs.map((x) => <option key={x} value={x}>{x.slice(0, 8)}…</option>)}
      </select>
      <select aria-label="Region filter" data-testid="filter-region" value={first(f.regions)} onChange={(e) => s.setFilters({ ...f, regions: one(e.target.value) })}>
        <option value="">all regions</option>
        {regions.map((x) => <option key={x} value={x}>{x}</option>)}
      </select>
      <select aria-label="Type filter" data-testid="filter-type" value={first(f.kinds)} onChange={(e) => s.setFilters({ ...f, kinds: one(e.target.value) as Set<ResourceKind> })}>
        <option value="">all types</option>
        {KINDS.map(([k, l]) => <option key={k} value={k}>{l}</option>)}
      </select>
      <span className="spacer" />
      <button className="ghost" data-testid="expand-all" onClick={() => s.setAllExpanded(true)}>Expand all</button>
      <button className="ghost" data-testid="collapse-all" onClick={() => s.setAllExpanded(false)}>Collapse all</button>
      <button className="ghost" data-testid="fit" onClick={() => void rf.fitView({ padding: 0.08, duration: 200 })}>Fit</button>
      <button className="ghost" data-testid="open-search" onClick={() => s.setSearchOpen(true)} title="Search (Ctrl+K or /)">⌕ Search</button>
      <button className="ghost" data-testid="theme" onClick={s.toggleTheme}>{s.theme === 'dark' ? '☀' : '☾'}</button>
      <button className="ghost" data-testid="close-estate" onClick={() => s.setEstate(undefined)} title="Back to the welcome screen">✕</button>
    </div>
  );
}
