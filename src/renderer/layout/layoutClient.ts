/**
 * The UI thread's side of layout. A graph that needs no ELK (every peered group is a hub and its
 * spokes, see needsElk) is laid out right here in a few ms, without waiting for the worker; anything
 * else goes to the worker: one worker, requests numbered, only the latest request's answer is used
 * by callers (they compare ids), so a fast series of view changes never queues work. The last
 * request is remembered by content, so a layout started early (while the engine evaluates, see
 * prelayout) is picked up by the canvas instead of being computed twice.
 */
import type { GraphModel } from '../graph/types';
import { layoutGraph, needsElk, type LayoutInput, type LayoutResult } from './layoutGraph';

let worker: Worker | undefined;
let nextId = 1;
const pending = new Map<number, { resolve: (r: LayoutResult) => void; reject: (e: Error) => void }>();
const workerMs = new WeakMap<LayoutResult, number>();

/** How long the worker (or the UI thread) spent on `result` (the bench's layout figure; waiting in line excluded). */
export function layoutMsOf(result: LayoutResult): number | undefined {
  return workerMs.get(result);
}

function getWorker(): Worker {
  if (!worker) {
    worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<{ id: number; result?: LayoutResult; ms?: number; error?: string }>) => {
      const p = pending.get(event.data.id);
      if (!p) return;
      pending.delete(event.data.id);
      if (event.data.result && event.data.ms !== undefined) workerMs.set(event.data.result, event.data.ms);
      if (event.data.result) p.resolve(event.data.result);
      else p.reject(new Error(event.data.error ?? 'layout failed'));
    };
  }
  return worker;
}

/** What the layout reads of a model (sizes, nesting, edge kinds). */
export function layoutInputOf(model: GraphModel): LayoutInput {
  return {
    nodes: model.nodes.map((n) => ({ id: n.id, kind: n.kind, width: n.width, height: n.height, ...(n.parent ? { parent: n.parent } : {}) })),
    edges: model.edges.map((e) => ({ source: e.source, target: e.target, kind: e.kind })),
  };
}

let last: { key: string; result: Promise<LayoutResult> } | undefined;

async function layoutHere(input: LayoutInput): Promise<LayoutResult> {
  const t0 = performance.now();
  const running = layoutGraph(input); // without ELK it runs to the end before returning
  const ms = performance.now() - t0;
  const result = await running;
  workerMs.set(result, ms);
  return result;
}

/** Lay out (off the UI thread when ELK is needed); the same input as the previous call shares its answer. */
export function computeLayout(input: LayoutInput): Promise<LayoutResult> {
  const key = JSON.stringify(input);
  if (last?.key === key) return last.result;
  const id = nextId++;
  const result = needsElk(input) ? new Promise<LayoutResult>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    getWorker().postMessage({ id, input });
  }) : layoutHere(input);
  last = { key, result };
  result.catch(() => { if (last?.result === result) last = undefined; });
  return result;
}
