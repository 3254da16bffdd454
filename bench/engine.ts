/**
 * Engine throughput (issue 2): a synthetic estate of 1,000 computes, 300 VNets and NSGs of 200
 * rules. Full check time and flows per second; then the time to re-evaluate after one NSG rule
 * changes, with the incremental evaluator, beside a full re-evaluation measured in the same run.
 * Targets: full estate < 0.5 s, one-rule re-evaluation < 16 ms. "Full estate" is measured on a freshly
 * ingested snapshot (cold per-record caches, checked right after its ingest, as one `vnetlens check`
 * sees it) and again on the same snapshot; the process end to end is printed too.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { idKey } from '../src/shared/model/armId';
import type { NetworkSecurityGroup } from '../src/shared/model/resources';
import type { Snapshot } from '../src/shared/model/snapshot';
import { buildSnapshot, toSnapshotFile } from '../src/shared/ingest';
import { createEvaluator, evaluateEstate } from '../src/shared/engine/evaluateEstate';
import { syntheticEstate } from '../src/shared/testing/syntheticEstate';
import { fmtMs, line, medianMs, timeMs } from './measure';

/** A candidate snapshot with one custom rule of `nsg` re-prioritized (structural sharing). */
function withRuleChange(s: Snapshot, nsg: NetworkSecurityGroup, i: number): Snapshot {
  const rules = nsg.securityRules.map((r, j) => (j === i % nsg.securityRules.length ? { ...r, access: r.access === 'Allow' ? 'Deny' as const : 'Allow' as const } : r));
  const nsgs = new Map(s.nsgs);
  nsgs.set(idKey(nsg.id), { ...nsg, securityRules: rules });
  return { ...s, nsgs };
}

/** Wall time of one `vnetlens check` process on the estate written to a temp file (needs `npm run build:cli`). */
function cliCheck(resources: unknown[]): { ms: number; status: number | null } | undefined {
  const bin = join(__dirname, '../cli/vnetlens.cjs');
  if (!existsSync(bin)) return undefined;
  const file = join(mkdtempSync(join(tmpdir(), 'vnetlens-bench-')), 'estate.json');
  writeFileSync(file, JSON.stringify(resources));
  const t = timeMs(() => spawnSync(process.execPath, [bin, 'check', file, '--format', 'json'], { stdio: 'ignore' }));
  return { ms: t.ms, status: t.value.status };
}

async function run(): Promise<void> {
  const { value: resources, ms: genMs } = timeMs(() => syntheticEstate({ computes: 1000, vnets: 300, nsgRules: 200, subscriptions: 10, seed: 7 }));
  const { value: snapshot, ms: ingestMs } = timeMs(() => buildSnapshot(toSnapshotFile(resources, { fileName: 'synthetic' })));
  line('estate', `${resources.length} resources`, `${snapshot.computes.size} computes, ${snapshot.vnets.size} VNets, ${snapshot.nsgs.size} NSGs (generated in ${fmtMs(genMs)})`);
  line('ingest (ARM JSON → snapshot)', fmtMs(ingestMs));

  // JIT warm-up first: the figures are the engine's, not V8's compile time (the end-to-end
  // `vnetlens check` line below includes that). A fresh snapshot runs code a repeat never does (every
  // per-record cache misses), so the warm-up checks two fresh snapshots as well as the bench one.
  const fresh = () => buildSnapshot(toSnapshotFile(structuredClone(resources), { fileName: 'synthetic' }));
  const first = evaluateEstate(snapshot);
  for (let i = 0; i < 2; i++) evaluateEstate(fresh());
  // Fresh: a freshly ingested snapshot (new records, so every per-record cache — parsed NSG rules,
  // prepared routes, resolved endpoints — starts empty), checked right after its ingest, as one
  // `vnetlens check` run does. Session 2 forced a full GC between ingest and check; on this VM that
  // alone slows the next half second of work by about 40% (the GC evicts the just-built snapshot from
  // the CPU caches; walking any 128 MB does the same), so that way is printed too, for comparison.
  const freshRuns = (forceGc: boolean): number[] => Array.from({ length: 5 }, () => {
    const s = fresh();
    if (forceGc) (globalThis as { gc?: () => void }).gc?.();
    return timeMs(() => evaluateEstate(s)).ms;
  });
  const coldTimes = freshRuns(false);
  const gcTimes = freshRuns(true);
  const median5 = (xs: number[]) => [...xs].sort((a, b) => a - b)[2] ?? NaN;
  const cold = median5(coldTimes);
  const afterGc = median5(gcTimes);
  const flows = first.computes.reduce((n, c) => n + c.flows.length, 0);
  const full = medianMs(5, () => evaluateEstate(snapshot));
  const runs = (xs: number[]) => `runs: ${xs.map((t) => t.toFixed(0)).join(', ')} ms`;
  line('full check, fresh snapshot (median of 5)', fmtMs(cold), `target < 500 ms → ${cold < 500 ? 'met' : 'NOT met'} (${runs(coldTimes)})`);
  line('  same, after a forced full GC (session 2 way)', fmtMs(afterGc), runs(gcTimes));
  line('full check, same snapshot again (median of 5)', fmtMs(full), `target < 500 ms → ${full < 500 ? 'met' : 'NOT met'}`);
  line('flows evaluated', String(flows), `${Math.round(flows / (cold / 1000)).toLocaleString('en')} flows/s (fresh)`);
  const cli = cliCheck(resources);
  if (cli) line('`vnetlens check --format json` end to end', fmtMs(cli.ms), `process start + read + ingest + check + JSON (exit ${cli.status})`);

  // Incremental: one NSG rule changes; only computes that read that NSG are re-evaluated.
  const evaluator = createEvaluator();
  evaluator.evaluate(snapshot);
  const nsgs = [...snapshot.nsgs.values()].filter((n) => n.securityRules.length > 0 && n.subnetIds.length > 0);
  const times: number[] = [];
  let recomputed = 0;
  let current = snapshot;
  for (let i = 0; i < 21; i++) {
    const nsg = nsgs[(i * 7) % nsgs.length];
    if (!nsg) break;
    const next = withRuleChange(current, current.nsgs.get(idKey(nsg.id)) ?? nsg, i * 13);
    const t = timeMs(() => evaluator.evaluate(next));
    times.push(t.ms);
    recomputed += evaluator.lastRecomputed;
    current = next;
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] ?? 0;
  const baseline = medianMs(3, () => evaluateEstate(current));
  line('one NSG rule changed → re-evaluated (median of 21)', fmtMs(median), `target < 16 ms → ${median < 16 ? 'met' : 'NOT met'}`);
  line('  computes re-evaluated per change (mean)', (recomputed / Math.max(1, times.length)).toFixed(1), `of ${first.computes.length}`);
  line('  baseline: full re-evaluation of the candidate', fmtMs(baseline), `ratio ${(baseline / Math.max(median, 0.001)).toFixed(1)}× faster incrementally`);
  const mem = process.memoryUsage();
  line('heap used / rss', `${Math.round(mem.heapUsed / 1e6)} / ${Math.round(mem.rss / 1e6)} MB`);
}

/** The `engine` bench part. */
export const engineBench = { name: 'engine', run };
