// Bundles the CLI (src/main/cli) into one CommonJS file so `npx vnetlens` starts fast without a
// TypeScript loader. Runs in `prepare`, i.e. on every `npm ci`/`npm install`.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/main/cli/index.ts'],
  outfile: 'out/cli/vnetlens.cjs',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'linked',
  // The Azure SDK stays external: it is a runtime dependency and loads lazily, only for `harvest`.
  packages: 'external',
  logLevel: 'warning',
});
