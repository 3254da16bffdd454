/**
 * `vnetlens harvest` as a process (the bundled CLI), against the fake server with faults, then
 * `vnetlens check` on its output. The certificate is trusted through NODE_EXTRA_CA_CERTS and the
 * token comes from AZURE_ACCESS_TOKEN, as in automation.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SnapshotFile } from '../../src/shared/model/snapshotFile';
import { makeCert } from '../fakeArm/cert';
import { generateEstate } from '../fakeArm/generator';
import type { FakeArmServer } from '../fakeArm/server';
import { startServer } from './fixture';

const root = resolve(__dirname, '../..');
const cli = join(root, 'out/test-harvest-cli/vnetlens.cjs');
const estate = generateEstate({ subscriptions: 3 });
const subs = estate.subscriptions.map((s) => s.subscriptionId);
const dir = mkdtempSync(join(tmpdir(), 'vnetlens-harvest-cli-'));
const certPath = join(dir, 'fake-arm.pem');
let server: FakeArmServer;

interface Run { code: number | null; stdout: string; stderr: string }

/** Run the CLI asynchronously (the fake server lives in this process). */
function runCli(args: string[], env: Record<string, string>, onStderr?: (chunk: string, kill: (sig: NodeJS.Signals) => void) => void): Promise<Run> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd: dir, env: { PATH: process.env.PATH ?? '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString();
      onStderr?.(c.toString(), (sig) => child.kill(sig));
    });
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

beforeAll(async () => {
  // A private bundle, so this test never races `npm run build:cli` over out/cli.
  await build({ entryPoints: [join(root, 'src/main/cli/index.ts')], outfile: cli, bundle: true, platform: 'node', target: 'node20', format: 'cjs', packages: 'external', logLevel: 'warning' });
  server = await startServer(estate, await makeCert(), { token: 'cli-token-7d2e1b' });
  writeFileSync(certPath, server.certPem);
});
afterAll(() => server.close());

describe('vnetlens harvest (process)', () => {
  const env = () => ({ AZURE_ACCESS_TOKEN: server.token, NODE_EXTRA_CA_CERTS: certPath });

  it('writes a snapshot despite a 403 subscription, a 429 and a malformed page; check accepts it', async () => {
    server.faults.set([
      { kind: 'forbidden', subscriptionId: subs[2] },
      { kind: 'throttle', url: '/routeTables', subscriptionId: subs[0], times: 1, retryAfterSeconds: 1 },
      { kind: 'malformed', url: /natGateways/i, subscriptionId: subs[1] },
    ]);
    const out = join(dir, 'estate.snapshot.json');
    const r = await runCli(['harvest', '--arm-endpoint', server.url, '--subscription', ...subs, '--out', out, '--retry-delay-ms', '20'], env());
    expect(r.code, r.stderr).toBe(0);
    const file = JSON.parse(readFileSync(out, 'utf8')) as SnapshotFile;
    expect(file.provenance.subscriptions).toEqual(subs);
    expect(file.missing.map((m) => [m.kind, m.subscriptionId, m.resourceType])).toEqual(expect.arrayContaining([
      ['subscription', subs[2], undefined],
      ['resourceType', subs[1], 'Microsoft.Network/natGateways'],
    ]));
    expect(file.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['throttled', 'malformedPage', 'subscriptionUnreadable']));
    expect(r.stderr).toContain('harvested');
    expect(r.stderr).toContain('missing (2)');
    for (const text of [r.stdout, r.stderr, readFileSync(out, 'utf8')]) expect(text).not.toContain(server.token);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    // Last step: the check command reads the harvested file (0 = all green, 1 = findings; 2 = unusable).
    server.faults.set([]);
    const check = await runCli(['check', out], {});
    expect(check.code, check.stderr).not.toBe(2);
    expect([0, 1]).toContain(check.code);
  });

  it('exits 2 on bad flags and on a refused token, without echoing the token', async () => {
    server.faults.set([]);
    const none = await runCli(['harvest', '--arm-endpoint', server.url], env());
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('--subscription');
    const http = await runCli(['harvest', '--arm-endpoint', server.url.replace('https', 'http'), '--all'], env());
    expect(http.code).toBe(2);
    expect(http.stderr).toContain('https');
    const noToken = await runCli(['harvest', '--arm-endpoint', server.url, '--all', '--sign-in', 'access-token'], { NODE_EXTRA_CA_CERTS: certPath });
    expect(noToken.code).toBe(2);
    expect(noToken.stderr).toContain('AZURE_ACCESS_TOKEN');
    const wrong = await runCli(['harvest', '--arm-endpoint', server.url, '--all', '--out', join(dir, 'never.json')], { AZURE_ACCESS_TOKEN: 'wrong-token-55', NODE_EXTRA_CA_CERTS: certPath });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('401');
    expect(wrong.stderr).not.toContain('wrong-token-55');
    expect(existsSync(join(dir, 'never.json'))).toBe(false);
  });

  it('exits 130 on Ctrl-C and leaves no file', async () => {
    server.faults.set([{ kind: 'latency', ms: 200 }]);
    const out = join(dir, 'cancelled.json');
    let sent = false;
    const r = await runCli(['harvest', '--arm-endpoint', server.url, '--all', '--out', out], env(), (chunk, kill) => {
      if (!sent && chunk.includes('done')) {
        sent = true;
        kill('SIGINT');
      }
    });
    expect(sent).toBe(true);
    expect(r.code).toBe(130);
    expect(r.stderr).toContain('cancelled');
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.startsWith('.cancelled'))).toEqual([]);
  });
});
