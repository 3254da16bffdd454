/**
 * Named performance marks for the stages between "file chosen" and "graph on screen", so the render
 * bench (bench/render.ts) can say where the time goes. Only the first mark of each name per page
 * load is read, so later re-renders cost nothing measurable.
 */

/** The stages, in order. */
export type PerfStage = 'file-read' | 'evaluated' | 'graph-built' | 'layout-done' | 'graph-ready';

/** Mark a stage (no-op where the Performance API is missing). */
export function markStage(stage: PerfStage): void {
  globalThis.performance?.mark?.(`vnetlens-${stage}`);
}
