/** The search palette (Ctrl+K or '/'): type, arrow to a hit, Enter reveals and selects it. */
import { useMemo, useState } from 'react';
import { searchNodes, vnetAncestors } from '../graph/search';
import type { LoadedEstate } from '../state/loadEstate';
import { useApp } from '../state/store';

/** Modal search over every resource of the estate. */
export function SearchPalette({ estate }: { estate: LoadedEstate }): React.JSX.Element {
  const [q, setQ] = useState('');
  const [active, setActive] = useState(0);
  const hits = useMemo(() => searchNodes(estate.tree, q), [estate, q]);
  const choose = (i: number) => {
    const hit = hits[i];
    if (!hit) return;
    const s = useApp.getState();
    // Reveal the node itself: expand every VNet around it, including itself when it is a VNet.
    s.reveal(hit.id, vnetAncestors(estate.tree, hit.id));
    if (hit.kind === 'compute') s.setFocus(hit.id);
    s.setSearchOpen(false);
  };
  return (
    <div className="palette-backdrop" onClick={() => useApp.getState().setSearchOpen(false)}>
      <div className="palette" role="dialog" aria-label="Search" data-testid="search" onClick={(e) => e.stopPropagation()}>
        <input
          autoFocus
          data-testid="search-input"
          placeholder="Search VNets, subnets, computes, endpoints, zones… (name, address, id)"
          value={q}
          onChange={(e) => { setQ(e.target.value); setActive(0); }}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') { e.preventDefault(); setActive((a) => Math.min(a + 1, hits.length - 1)); }
            if (e.key === 'ArrowUp') { e.preventDefault(); setActive((a) => Math.max(a - 1, 0)); }
            if (e.key === 'Enter') { e.preventDefault(); choose(active); }
            if (e.key === 'Escape') useApp.getState().setSearchOpen(false);
          }}
        />
        <ul className="hits">
          {hits.map((h, i) => (
            <li key={h.id} className={i === active ? 'active' : ''} data-testid="search-hit" onMouseEnter={() => setActive(i)} onClick={() => choose(i)}>
              <span className="kind">{h.kind}</span> <strong>{h.label}</strong> <span className="muted small">{h.detail}</span>
            </li>
          ))}
          {q && hits.length === 0 && <li className="muted">No match.</li>}
        </ul>
      </div>
    </div>
  );
}
