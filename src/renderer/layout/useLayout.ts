/**
 * Lays out a GraphModel (in the worker when it takes ELK) and returns the latest finished (model,
 * layout) pair, so the canvas always shows a consistent picture while the next layout runs.
 */
import { useEffect, useRef, useState } from 'react';
import type { GraphModel } from '../graph/types';
import type { LayoutResult } from './layoutGraph';
import { layoutInputOf, computeLayout, layoutMsOf } from './layoutClient';
import { markStage } from '../perfMarks';

/** A model with its positions. */
export interface LaidOut {
  readonly model: GraphModel;
  readonly layout: LayoutResult;
  /** ms the worker spent laying out (shown by the bench). */
  readonly ms: number;
}

/** The latest laid-out model, and whether a newer one is being computed. */
export function useLayout(model: GraphModel): { laidOut?: LaidOut; pending: boolean; error?: string } {
  const [laidOut, setLaidOut] = useState<LaidOut>();
  const [error, setError] = useState<string>();
  const latest = useRef(0);
  const [pending, setPending] = useState(false);
  useEffect(() => {
    const mine = ++latest.current;
    setPending(true);
    const t0 = performance.now();
    computeLayout(layoutInputOf(model)).then(
      (layout) => {
        if (mine !== latest.current) return;
        const ms = layoutMsOf(layout) ?? performance.now() - t0;
        performance.measure?.('vnetlens-layout', { start: t0, duration: performance.now() - t0 });
        markStage('layout-done');
        setLaidOut({ model, layout, ms });
        setPending(false);
      },
      (err: unknown) => {
        if (mine !== latest.current) return;
        setError(err instanceof Error ? err.message : String(err));
        setPending(false);
      },
    );
  }, [model]);
  return { ...(laidOut ? { laidOut } : {}), pending, ...(error ? { error } : {}) };
}
