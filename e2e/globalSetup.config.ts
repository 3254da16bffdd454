/**
 * Starts what the e2e tests drive: a fake ARM server (HTTPS, self-signed, from test/fakeArm) with a
 * generated two-subscription estate, and the bundled CLI's `serve`, whose first stdout line is the
 * app URL. Passes URLs to the tests through the environment; returns the teardown.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { generateEstate } from '../test/fakeArm/generator';
import { startFakeArm } from '../test/fakeArm/server';

/** Read the first stdout line of `serve` (its URL), or fail with what it printed. */
function firstLine(child: ReturnType<typeof spawn>): Promise<string> {
  return new Promise((resolve, reject) => {
    let stderr = '';
    child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
    const rl = createInterface({ input: child.stdout! });
    rl.once('line', (line) => resolve(line.trim()));
    child.once('exit', (code) => reject(new Error(`vnetlens serve exited ${code}: ${stderr}`)));
    setTimeout(() => reject(new Error(`vnetlens serve printed no URL in 20 s: ${stderr}`)), 20_000);
  });
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  const dir = mkdtempSync(join(tmpdir(), 'vnetlens-e2e-'));
  const estate = generateEstate({ subscriptions: 2, seed: 'e2e' });
  // Latency makes the progress bar observable; still a few seconds in all.
  const arm = await startFakeArm({ estate, latencyMs: 25 });
  const caFile = join(dir, 'fake-arm-ca.pem');
  writeFileSync(caFile, arm.certPem);

  const serve = spawn(process.execPath, ['out/cli/vnetlens.cjs', 'serve'], {
    env: { ...process.env, NODE_EXTRA_CA_CERTS: caFile, AZURE_ACCESS_TOKEN: arm.token, VNETLENS_DATA_DIR: join(dir, 'data') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await firstLine(serve);
  if (!/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{16,}$/.test(url)) throw new Error(`unexpected first line from serve: ${url}`);
  const vnets = estate.resources.filter((r) => r.type.toLowerCase() === 'microsoft.network/virtualnetworks').map((r) => r.name ?? '');
  process.env.VNETLENS_E2E_URL = url;
  process.env.VNETLENS_E2E_ARM = arm.url;
  process.env.VNETLENS_E2E_VNETS = JSON.stringify(vnets);
  process.env.VNETLENS_E2E_DIR = dir;

  return async () => {
    serve.kill('SIGTERM');
    await arm.close();
  };
}
