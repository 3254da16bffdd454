// `npm run bench [part…]`: bundles bench/index.ts with esbuild and runs it. Prints figures beside a
// baseline measured in the same run; never asserts (speed is not a unit-test property here).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';

await build({
  entryPoints: ['bench/index.ts'],
  outfile: 'out/bench/index.cjs',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  logLevel: 'warning',
});
const r = spawnSync(process.execPath, ['--expose-gc', 'out/bench/index.cjs', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
