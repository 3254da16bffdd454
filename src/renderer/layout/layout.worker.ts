/** The layout worker: ELK runs here so a big estate never blocks the UI thread. */
import ELK from 'elkjs/lib/elk.bundled.js';
import { layoutGraph, type LayoutInput } from './layoutGraph';

const elk = new ELK();
// ELK's first layout pays for its start-up (~1 s here); pay it now, while the estate that needs this
// worker is still being evaluated on the UI thread (the worker starts at prelayout).
void elk.layout({ id: 'warm-up', children: [{ id: 'a', width: 10, height: 10 }, { id: 'b', width: 10, height: 10 }], edges: [{ id: 'e', sources: ['a'], targets: ['b'] }] });

self.onmessage = (event: MessageEvent<{ id: number; input: LayoutInput }>) => {
  const { id, input } = event.data;
  const t0 = performance.now();
  layoutGraph(input, elk).then(
    (result) => self.postMessage({ id, result, ms: performance.now() - t0 }),
    (err: unknown) => self.postMessage({ id, error: err instanceof Error ? err.message : String(err) }),
  );
};
