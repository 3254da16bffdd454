/**
 * Standalone fake ARM server, for the app's e2e test and for trying `vnetlens harvest` by hand.
 * Start it with `node scripts/fake-arm.mjs [options]` (bundles this file with esbuild, then runs it).
 * Prints one JSON line on stdout — { url, port, certPath, token, subscriptions } — then serves until
 * SIGINT/SIGTERM. Harvest from it with:
 *   NODE_EXTRA_CA_CERTS=<certPath> AZURE_ACCESS_TOKEN=<token> vnetlens harvest --arm-endpoint <url> --all
 * Options: --subscriptions N (3) --latency MS (0) --page-size N (50) --port N (0 = any)
 *          --token T (env FAKE_ARM_TOKEN or 'fake-arm-token') --estate FILE (a FakeEstate JSON)
 *          --faults FILE (FaultRule[] JSON; `url` strings are substrings) --firewall
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { makeCert } from './cert';
import type { FakeEstate } from './estate';
import type { FaultRule } from './faults';
import { generateEstate } from './generator';
import { startFakeArm } from './server';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      subscriptions: { type: 'string', default: '3' },
      latency: { type: 'string', default: '0' },
      'page-size': { type: 'string', default: '50' },
      port: { type: 'string', default: '0' },
      token: { type: 'string', default: process.env.FAKE_ARM_TOKEN ?? 'fake-arm-token' },
      estate: { type: 'string' },
      faults: { type: 'string' },
      firewall: { type: 'boolean', default: false },
    },
  });
  const estate: FakeEstate = values.estate
    ? (JSON.parse(readFileSync(values.estate, 'utf8')) as FakeEstate)
    : generateEstate({ subscriptions: Number(values.subscriptions), firewall: values.firewall });
  const faults = values.faults ? (JSON.parse(readFileSync(values.faults, 'utf8')) as FaultRule[]) : [];
  const cert = await makeCert();
  const dir = mkdtempSync(join(tmpdir(), 'fake-arm-'));
  const certPath = join(dir, 'cert.pem');
  writeFileSync(certPath, cert.cert);
  const server = await startFakeArm({
    estate, cert, faults, token: values.token,
    latencyMs: Number(values.latency), pageSize: Number(values['page-size']), port: Number(values.port),
  });
  process.stdout.write(`${JSON.stringify({ url: server.url, port: server.port, certPath, token: server.token, subscriptions: estate.subscriptions.map((s) => s.subscriptionId) })}\n`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`fake-arm: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
