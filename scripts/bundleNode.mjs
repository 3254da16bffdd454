// The one esbuild setup for our Node entry points (CLI, bench, fake ARM server): a CommonJS bundle
// for Node 20 with npm packages left external (they load from node_modules at run time).
import { build } from 'esbuild';

/** Bundle `entry` into `outfile`; `extra` adds esbuild options (e.g. sourcemap). */
export function bundleNode(entry, outfile, extra = {}) {
  return build({ entryPoints: [entry], outfile, bundle: true, platform: 'node', target: 'node20', format: 'cjs', packages: 'external', logLevel: 'warning', ...extra });
}
