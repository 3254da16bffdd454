/**
 * What-if speed (issue 5): on a synthetic estate of about 10,000 ARM resources, the time from an
 * edit to recoloured verdicts (applyEdit → incremental evaluator → diffVerdicts), beside a full
 * re-evaluation of the same candidate measured in the same run. Target < 50 ms. Also: suggested
 * fixes for one red flow and the ARM export of an edit list.
 */
import { createEvaluator, evaluateEstate } from '../src/shared/engine/evaluateEstate';
import { buildSnapshot, toSnapshotFile } from '../src/shared/ingest';
import type { Snapshot } from '../src/shared/model/snapshot';
import { syntheticEstate } from '../src/shared/testing/syntheticEstate';
import { armTemplate } from '../src/shared/export/armTemplate';
import { planDeployment } from '../src/shared/export/planDeployment';
import { applyEdit } from '../src/shared/whatif/applyEdit';
import { diffVerdicts, flowKey } from '../src/shared/whatif/diffVerdicts';
import type { ArmChange, Edit } from '../src/shared/whatif/edits';
import { nextFreePriority } from '../src/shared/whatif/fixCandidates';
import { suggestFixes } from '../src/shared/whatif/suggestFixes';
import { fmtMs, line, medianMs, timeMs } from './measure';

/** An allow rule at the next free priority of an NSG that guards compute subnets. */
function ruleEdit(s: Snapshot, i: number): Edit | undefined {
  const nsgs = [...s.nsgs.values()].filter((n) => n.subnetIds.length > 0);
  const nsg = nsgs[(i * 7) % nsgs.length];
  if (!nsg) return undefined;
  // Ahead of every custom outbound rule, so the edit recolours the computes behind this NSG.
  const first = Math.min(4097, ...nsg.securityRules.filter((r) => r.direction === 'Outbound').map((r) => r.priority));
  const priority = nextFreePriority(s, nsg.id, 'Outbound', first) ?? nextFreePriority(s, nsg.id, 'Outbound', 4097);
  if (priority === undefined) return undefined;
  return {
    kind: 'nsgRule.add', nsgId: nsg.id,
    rule: { name: `bench-${i}`, priority, direction: 'Outbound', access: 'Deny', protocol: 'Tcp', sourceAddressPrefixes: ['*'], sourcePortRanges: ['*'], destinationAddressPrefixes: ['AzureMachineLearning'], destinationPortRanges: ['443'] },
  };
}

async function run(): Promise<void> {
  // 1,000 computes (the engine bench's count); VNets scaled so the estate lands near 10,000 resources.
  let vnets = 1100;
  let resources = syntheticEstate({ computes: 1000, vnets, nsgRules: 20, subscriptions: 8, seed: 11 });
  for (let i = 0; i < 3 && Math.abs(resources.length - 10_000) > 200; i++) {
    vnets = Math.min(4096, Math.max(8, Math.round(vnets + (10_000 - resources.length) / 8)));
    resources = syntheticEstate({ computes: 1000, vnets, nsgRules: 20, subscriptions: 8, seed: 11 });
  }
  const snapshot = buildSnapshot(toSnapshotFile(resources, { fileName: 'synthetic' }));
  line('estate', `${resources.length} resources`, `${snapshot.computes.size} computes, ${snapshot.vnets.size} VNets, ${snapshot.nsgs.size} NSGs`);

  const evaluator = createEvaluator();
  let before = evaluator.evaluate(snapshot);
  const full = medianMs(3, () => evaluateEstate(snapshot));
  line('baseline: full evaluation', fmtMs(full));

  const times: number[] = [];
  const parts = { apply: 0, evaluate: 0, diff: 0 };
  let current = snapshot;
  let changed = 0;
  let recomputed = 0;
  const changes: ArmChange[] = [];
  for (let i = 0; i < 21; i++) {
    const edit = ruleEdit(current, i);
    if (!edit) break;
    const a = timeMs(() => applyEdit(current, edit));
    if ('error' in a.value) throw new Error(a.value.error.message);
    const candidate = a.value.snapshot;
    const e = timeMs(() => evaluator.evaluate(candidate));
    recomputed += evaluator.lastRecomputed;
    const d = timeMs(() => diffVerdicts(before, e.value));
    times.push(a.ms + e.ms + d.ms);
    parts.apply += a.ms; parts.evaluate += e.ms; parts.diff += d.ms;
    changed += d.value.flows.length;
    changes.push(...a.value.changes);
    current = candidate;
    before = e.value;
  }
  times.sort((x, y) => x - y);
  const median = times[Math.floor(times.length / 2)] ?? 0;
  const n = Math.max(1, times.length);
  line('edit → recoloured verdicts (median of 21)', fmtMs(median), `target < 50 ms → ${median < 50 ? 'met' : 'NOT met'}`);
  line('  of which apply / evaluate / diff (mean)', `${(parts.apply / n).toFixed(2)} / ${(parts.evaluate / n).toFixed(2)} / ${(parts.diff / n).toFixed(2)} ms`);
  line('  flows recoloured per edit (mean)', (changed / n).toFixed(1), `computes re-evaluated per edit: ${(recomputed / n).toFixed(1)}`);
  const baseline = medianMs(3, () => evaluateEstate(current));
  line('  baseline: full re-evaluation of the candidate', fmtMs(baseline), `ratio ${(baseline / Math.max(median, 0.001)).toFixed(1)}×`);

  const exportMs = medianMs(3, () => armTemplate(planDeployment(current, changes)));
  line(`ARM export of ${changes.length} edits`, fmtMs(exportMs));

  const red = before.computes.flatMap((c) => c.flows.filter((f) => f.status === 'blocked').map((f) => flowKey(c.id, f)))[0];
  if (red) {
    const s = timeMs(() => suggestFixes(current, before, red, { evaluator }));
    line('suggested fixes for one red flow', fmtMs(s.ms), `${s.value.length} verified`);
  } else {
    line('suggested fixes for one red flow', 'n/a', 'no red flow in the estate');
  }
}

/** The `whatif` bench part. */
export const whatifBench = { name: 'whatif', run };
