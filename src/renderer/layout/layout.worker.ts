/** The layout worker: ELK runs here so a big estate never blocks the UI thread. */
import ELK from 'elkjs/lib/elk.bundled.js';
import { layoutGraph, type LayoutInput } from './layoutGraph';

const elk = new ELK();

self.onmessage = (event: MessageEvent<{ id: number; input: LayoutInput }>) => {
  const { id, input } = event.data;
  layoutGraph(input, elk).then(
    (result) => self.postMessage({ id, result }),
    (err: unknown) => self.postMessage({ id, error: err instanceof Error ? err.message : String(err) }),
  );
};
