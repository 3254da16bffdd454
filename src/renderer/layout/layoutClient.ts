/**
 * The UI thread's side of the layout worker: one worker, requests numbered, only the latest request's
 * answer is used by callers (they compare ids), so a fast series of view changes never queues work.
 */
import type { LayoutInput, LayoutResult } from './layoutGraph';

let worker: Worker | undefined;
let nextId = 1;
const pending = new Map<number, { resolve: (r: LayoutResult) => void; reject: (e: Error) => void }>();

function getWorker(): Worker {
  if (!worker) {
    worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<{ id: number; result?: LayoutResult; error?: string }>) => {
      const p = pending.get(event.data.id);
      if (!p) return;
      pending.delete(event.data.id);
      if (event.data.result) p.resolve(event.data.result);
      else p.reject(new Error(event.data.error ?? 'layout failed'));
    };
  }
  return worker;
}

/** Start the worker (and ELK's warm-up) early, before the first estate arrives. */
export function prewarmLayout(): void {
  getWorker();
}

/** Lay out off the UI thread. */
export function layoutInWorker(input: LayoutInput): Promise<LayoutResult> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    getWorker().postMessage({ id, input });
  });
}
