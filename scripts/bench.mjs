// `npm run bench [part…]`: bundles bench/index.ts with esbuild and runs it. Prints figures beside a
// baseline measured in the same run; never asserts (speed is not a unit-test property here).
import { spawnSync } from 'node:child_process';
import { bundleNode } from './bundleNode.mjs';

await bundleNode('bench/index.ts', 'out/bench/index.cjs');
const r = spawnSync(process.execPath, ['--expose-gc', 'out/bench/index.cjs', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
