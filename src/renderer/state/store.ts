/**
 * The app state (zustand): the loaded estate, the view state that drives the graph, the selection.
 * Components read slices with useShallow; actions live here so nodes carry data, not callbacks.
 */
import { create } from 'zustand';
import { NO_FILTERS, type Filters, type ViewState } from '../graph/types';
import type { LoadedEstate } from './loadEstate';

/** What the inspector shows. */
export type Selection =
  | { readonly kind: 'node'; readonly id: string }
  | { readonly kind: 'edge'; readonly id: string }
  | { readonly kind: 'flow'; readonly compute: number; readonly flow: number };

/**
 * Above this many resources the estate opens as a collapsed overview (VNets with counts and
 * aggregated verdicts): a dozen VNets fully drawn is already too small to read when fitted, and the
 * overview draws (and pans) a tenth of the nodes.
 */
export const COLLAPSED_OVERVIEW_ABOVE = 150;

export interface AppState {
  readonly estate?: LoadedEstate;
  readonly busy?: string;
  readonly error?: string;
  readonly view: ViewState;
  readonly selection?: Selection;
  readonly theme: 'dark' | 'light';
  readonly searchOpen: boolean;
  /** Bumped to ask the canvas to center on a node. */
  readonly centerOn?: { readonly id: string; readonly seq: number };
  setEstate(estate: LoadedEstate | undefined): void;
  setBusy(message: string | undefined): void;
  setError(message: string | undefined): void;
  select(selection: Selection | undefined): void;
  /** Select a node, expand the VNet holding it, and center on it. */
  reveal(id: string, ancestors: readonly string[]): void;
  setFocus(focus: string | undefined): void;
  setOnlyRelevant(on: boolean): void;
  toggleVnet(id: string): void;
  setAllExpanded(expanded: boolean): void;
  expandMany(ids: readonly string[]): void;
  setFilters(filters: Filters): void;
  toggleTheme(): void;
  setSearchOpen(open: boolean): void;
}

function initialView(defaultExpanded: boolean): ViewState {
  return { expanded: new Set(), collapsed: new Set(), defaultExpanded, onlyRelevant: false, filters: NO_FILTERS };
}

/** The view an estate of `size` resources opens on (loadEstate lays it out early). */
export function openingView(size: number): ViewState {
  return initialView(size <= COLLAPSED_OVERVIEW_ABOVE);
}

const prefersLight = typeof window !== 'undefined' && window.matchMedia?.('(prefers-color-scheme: light)').matches;

/** The store hook. */
export const useApp = create<AppState>()((set) => ({
  view: initialView(true),
  theme: prefersLight ? 'light' : 'dark',
  searchOpen: false,
  setEstate: (estate) => set({ estate, selection: undefined, error: undefined, view: openingView(estate?.size ?? 0) }),
  setBusy: (busy) => set({ busy }),
  setError: (error) => set({ error }),
  select: (selection) => set({ selection }),
  reveal: (id, ancestors) => set((s) => {
    const expanded = new Set(s.view.expanded);
    const collapsed = new Set(s.view.collapsed);
    for (const a of ancestors) {
      expanded.add(a);
      collapsed.delete(a);
    }
    return { selection: { kind: 'node', id }, view: { ...s.view, expanded, collapsed }, centerOn: { id, seq: (s.centerOn?.seq ?? 0) + 1 } };
  }),
  setFocus: (focus) => set((s) => ({ view: { ...s.view, ...(focus ? { focus } : { focus: undefined }) } })),
  setOnlyRelevant: (onlyRelevant) => set((s) => ({ view: { ...s.view, onlyRelevant } })),
  toggleVnet: (id) => set((s) => {
    const expanded = new Set(s.view.expanded);
    const collapsed = new Set(s.view.collapsed);
    const isOpen = expanded.has(id) || (s.view.defaultExpanded && !collapsed.has(id));
    if (isOpen) { expanded.delete(id); collapsed.add(id); } else { collapsed.delete(id); expanded.add(id); }
    return { view: { ...s.view, expanded, collapsed } };
  }),
  setAllExpanded: (on) => set((s) => ({ view: { ...s.view, defaultExpanded: on, expanded: new Set(), collapsed: new Set() } })),
  expandMany: (ids) => set((s) => {
    const expanded = new Set(s.view.expanded);
    const collapsed = new Set(s.view.collapsed);
    for (const id of ids) { expanded.add(id); collapsed.delete(id); }
    return { view: { ...s.view, expanded, collapsed } };
  }),
  setFilters: (filters) => set((s) => ({ view: { ...s.view, filters } })),
  toggleTheme: () => set((s) => ({ theme: s.theme === 'dark' ? 'light' : 'dark' })),
  setSearchOpen: (searchOpen) => set({ searchOpen }),
}));
