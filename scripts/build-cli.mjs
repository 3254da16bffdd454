// Bundles the CLI (src/main/cli) into one CommonJS file so `npx vnetlens` starts fast without a
// TypeScript loader. Runs in `prepare`, i.e. on every `npm ci`/`npm install`.
import { bundleNode } from './bundleNode.mjs';

// Packages (the Azure SDK among them) stay external: runtime dependencies, loaded lazily for `harvest`.
await bundleNode('src/main/cli/index.ts', 'out/cli/vnetlens.cjs', { sourcemap: 'linked' });
