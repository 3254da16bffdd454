// `node scripts/fake-arm.mjs [options]`: bundles the fake ARM server (test/fakeArm/serve.ts) with
// esbuild into out/fakeArm/serve.cjs and runs it; options are passed through (see serve.ts).
// `--build-only` just bundles, for callers (e2e) that spawn `node out/fakeArm/serve.cjs` themselves.
import { spawn } from 'node:child_process';
import { bundleNode } from './bundleNode.mjs';

const outfile = 'out/fakeArm/serve.cjs';
await bundleNode('test/fakeArm/serve.ts', outfile);
const args = process.argv.slice(2);
if (!args.includes('--build-only')) {
  const child = spawn(process.execPath, [outfile, ...args], { stdio: 'inherit' });
  const forward = (sig) => child.kill(sig);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code) => process.exit(code ?? 0));
}
