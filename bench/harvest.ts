/**
 * Harvest bench (issue 3): a synthetic estate of 50 subscriptions and ~10,000 resources served by
 * the fake ARM server with 40 ms latency per request. The server runs in its own process
 * (scripts/fake-arm.mjs) so that its CPU does not share the harvester's event loop. Reports wall
 * time against the lower bound that request count, latency and allowed concurrency impose (target
 * ≤ 1.5×), a sequential baseline measured in the same run (concurrency 1 on 5 subscriptions,
 * extrapolated ×10), ARM vs Resource Graph, and the harvester's peak memory (RSS sampled every 25 ms).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { Agent, get, request } from 'node:https';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { readFileSync } from 'node:fs';
import { harvest, type HarvestDeps } from '../src/main/azure/harvest';
import { staticTokenCredential } from '../src/main/azure/staticTokenCredential';
import type { HarvestRequest } from '../src/shared/harvest/types';
import { generateEstate } from '../test/fakeArm/generator';
import { fmtMs, line } from './measure';

const LATENCY = 40;
const OVERALL = 16;
const PER_SUB = 4;

interface Served { url: string; certPath: string; token: string; cert: string; child: ChildProcess }
interface Stats { requests: number; peak: number; connections: number; paths?: { method: string; path: string }[] }
interface Run { ms: number; cpuMs: number; requests: number; peakRss: number; resources: number; from: number; serverPeak: number }

/** Start `node scripts/fake-arm.mjs` on an estate file; resolves with its first stdout line. */
function serve(estateFile: string): Promise<Served> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['scripts/fake-arm.mjs', '--estate', estateFile, '--latency', String(LATENCY), '--page-size', '100'], { stdio: ['ignore', 'pipe', 'inherit'] });
    let buf = '';
    child.stdout?.on('data', (c: Buffer) => {
      buf += c.toString();
      const nl = buf.indexOf('\n');
      if (nl < 0) return;
      const info = JSON.parse(buf.slice(0, nl)) as { url: string; certPath: string; token: string };
      resolve({ ...info, cert: readFileSync(info.certPath, 'utf8'), child });
    });
    child.on('exit', (code) => reject(new Error(`fake ARM server exited with ${code}`)));
  });
}

function stats(s: Served, pathsSince?: number): Promise<Stats> {
  return new Promise((resolve, reject) => {
    get(`${s.url}/_fake/stats${pathsSince !== undefined ? `?pathsSince=${pathsSince}` : ''}`, { ca: s.cert }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve(JSON.parse(body) as Stats));
    }).on('error', reject);
  });
}

async function measure(s: Served, subs: readonly string[], via: HarvestRequest['via'], overall: number, perSub: number): Promise<Run> {
  const before = await stats(s);
  let peakRss = process.memoryUsage.rss();
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 25);
  const deps: HarvestDeps = { credential: staticTokenCredential(s.token), httpsAgentCa: s.cert, concurrency: { overall, perSubscription: perSub } };
  const cpu = process.cpuUsage();
  const t = performance.now();
  const file = await harvest({ cloud: 'Custom', armEndpoint: s.url, signIn: 'accessToken', subscriptions: subs, all: false, via }, deps);
  const ms = performance.now() - t;
  const used = process.cpuUsage(cpu);
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
  if (file.missing.length || file.warnings.length) throw new Error(`bench harvest was not clean: ${JSON.stringify([...file.missing, ...file.warnings]).slice(0, 300)}`);
  const after = await stats(s);
  return { ms, cpuMs: (used.user + used.system) / 1000, requests: after.requests - before.requests - 1, peakRss, resources: file.resources.length, from: before.requests + 1, serverPeak: after.peak };
}

/**
 * The same requests replayed by a bare https client at the same concurrency: what this server can
 * deliver on this machine right now, whatever the client (the floor when the machine is busy).
 */
async function replay(s: Served, run: Run, concurrency: number): Promise<number> {
  const paths = ((await stats(s, run.from)).paths ?? []).slice(0, run.requests);
  const agent = new Agent({ keepAlive: true, ca: s.cert });
  const one = (p: { method: string; path: string }) => new Promise<void>((resolve, reject) => {
    const req = request(`${s.url}${p.path}`, { method: p.method, agent, headers: { authorization: `Bearer ${s.token}`, 'content-type': 'application/json' } }, (res) => {
      res.resume();
      res.on('end', resolve);
    });
    req.on('error', reject);
    req.end(p.method === 'POST' ? '{}' : undefined);
  });
  let next = 0;
  const t = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < paths.length) await one(paths[next++] ?? { method: 'GET', path: '/' });
  }));
  agent.destroy();
  return performance.now() - t;
}

/** Lower bound: every request costs LATENCY and at most `c` run at once (the dependency chain is shorter). */
const bound = (requests: number, c: number) => Math.ceil(requests / c) * LATENCY;
const mb = (b: number) => `${(b / 1048576).toFixed(0)} MB`;

async function run(): Promise<void> {
  const estate = generateEstate({ subscriptions: 50, vnetsPerSubscription: 4, subnetsPerVnet: 8, workspacesPerSubscription: 3, computesPerWorkspace: 2, extraNicsPerSubscription: 114 });
  const subs = estate.subscriptions.map((s) => s.subscriptionId);
  const estateFile = join(mkdtempSync(join(tmpdir(), 'bench-harvest-')), 'estate.json');
  writeFileSync(estateFile, JSON.stringify(estate));
  const server = await serve(estateFile);
  try {
    line('estate', `${estate.resources.length} res`, `${subs.length} subscriptions, ${LATENCY} ms per request, pages of 100`);
    // The bound assumes free CPU; a load average above the core count means CPU-starved timings.
    line('machine load average (1 min)', loadavg()[0]?.toFixed(1) ?? '?', 'a figure above the core count means CPU-starved timings');
    const rssBefore = process.memoryUsage.rss();
    await measure(server, subs.slice(0, 1), 'arm', OVERALL, PER_SUB); // warm-up: loads the SDK, opens connections

    const arm = await measure(server, subs, 'arm', OVERALL, PER_SUB);
    const armBound = bound(arm.requests, OVERALL);
    line(`ARM, concurrency ${OVERALL} (${PER_SUB}/subscription)`, fmtMs(arm.ms), `${arm.requests} requests, ${arm.resources} resources out, harvester CPU ${fmtMs(arm.cpuMs)}`);
    line('  lower bound ⌈requests/concurrency⌉ × latency', fmtMs(armBound), `ratio ${(arm.ms / armBound).toFixed(2)}× (target ≤ 1.5×)`);
    const floor = await replay(server, arm, OVERALL);
    line('  same requests, bare https client, same concurrency', fmtMs(floor), `ratio ${(arm.ms / floor).toFixed(2)}× (server-limited floor on this machine now)`);

    const graph = await measure(server, subs, 'resource-graph', OVERALL, PER_SUB);
    const graphBound = bound(graph.requests, OVERALL);
    line('Resource Graph + ARM for what it lacks', fmtMs(graph.ms), `${graph.requests} requests, ${graph.resources} resources out, harvester CPU ${fmtMs(graph.cpuMs)}`);
    line('  lower bound', fmtMs(graphBound), `ratio ${(graph.ms / graphBound).toFixed(2)}×; ${(arm.ms / graph.ms).toFixed(2)}× faster than ARM`);

    const seqSubs = subs.slice(0, 5);
    const seq = await measure(server, seqSubs, 'arm', 1, 1);
    const factor = subs.length / seqSubs.length;
    line('sequential baseline (concurrency 1)', fmtMs(seq.ms * factor), `measured ${fmtMs(seq.ms)} on ${seqSubs.length} subscriptions (${seq.requests} requests) ×${factor}`);
    line('  speed-up of the bounded-concurrent harvest', `${((seq.ms * factor) / arm.ms).toFixed(1)}×`, '');
    line('harvester peak RSS', mb(Math.max(arm.peakRss, graph.peakRss)), `before: ${mb(rssBefore)}; ARM ${mb(arm.peakRss)}, Resource Graph ${mb(graph.peakRss)}`);
    const s = await stats(server);
    // The server counts a request until its response is flushed, so a busy machine can show a little more.
    line('peak requests in flight at the server (ARM run)', String(arm.serverPeak), `allowed ${OVERALL}; whole bench: ${s.connections} TLS connections for ${s.requests} requests`);
  } finally {
    server.child.kill('SIGTERM');
  }
}

/** The bench part. */
export const harvestBench = { name: 'harvest', run };
