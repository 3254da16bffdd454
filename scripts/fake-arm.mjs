// `node scripts/fake-arm.mjs [options]`: bundles the fake ARM server (test/fakeArm/serve.ts) with
// esbuild into out/fakeArm/serve.cjs and runs it; options are passed through (see serve.ts).
// `--build-only` just bundles, for callers (e2e) that spawn `node out/fakeArm/serve.cjs` themselves.
import { build } from 'esbuild';
import { spawn } from 'node:child_process';

const outfile = 'out/fakeArm/serve.cjs';
await build({
  entryPoints: ['test/fakeArm/serve.ts'],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  logLevel: 'warning',
});
const args = process.argv.slice(2);
if (!args.includes('--build-only')) {
  const child = spawn(process.execPath, [outfile, ...args], { stdio: 'inherit' });
  const forward = (sig) => child.kill(sig);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code) => process.exit(code ?? 0));
}
