/**
 * The engine's entry points. `evaluateEstate` answers once; `createEvaluator` keeps each compute's
 * verdict with the log of what it read, so evaluating a what-if candidate re-evaluates only the
 * computes whose inputs changed (issue 2: one NSG rule change in < 16 ms on 1,000 computes).
 */
import { idKey } from '../model/armId';
import type { Snapshot } from '../model/snapshot';
import { TagIndex } from '../servicetags/tagIndex';
import { DEFAULT_ASSUMPTIONS, describeAssumptions, type Assumptions } from './assumptions';
import { evaluateCompute } from './computeFlows';
import { computeTargets, type ComputeTarget } from './computeTargets';
import { createContext } from './context';
import type { DependencyLog } from './dependencyLog';
import type { ComputeVerdict, EstateVerdict, VerdictSummary } from './verdict';

interface CacheEntry {
  readonly target: ComputeTarget;
  readonly log: DependencyLog;
  readonly verdict: ComputeVerdict;
}

export interface Evaluator {
  readonly assumptions: Assumptions;
  evaluate(snapshot: Snapshot): EstateVerdict;
  /** How many computes the last `evaluate` actually re-evaluated (the rest came from the cache). */
  readonly lastRecomputed: number;
}

/** A target is the same when the records it was derived from are the same objects. */
function sameTarget(a: ComputeTarget, b: ComputeTarget): boolean {
  return a.compute === b.compute && a.workspace === b.workspace && a.subnetId === b.subnetId
    && a.nics.length === b.nics.length && a.nics.every((n, i) => n === b.nics[i]);
}

/** An evaluator that reuses verdicts across snapshots that share records. */
export function createEvaluator(assumptions: Assumptions = DEFAULT_ASSUMPTIONS): Evaluator {
  let cache = new Map<string, CacheEntry>();
  let inputs: { missing: unknown; serviceTags: unknown; provenance: unknown } | undefined;
  let tags = TagIndex.empty();
  let recomputed = 0;
  const assumptionList = describeAssumptions(assumptions).map(({ id, value, description }) => ({ id, value, description }));

  return {
    assumptions,
    get lastRecomputed() { return recomputed; },
    evaluate(snapshot: Snapshot): EstateVerdict {
      if (!inputs || inputs.missing !== snapshot.missing || inputs.serviceTags !== snapshot.serviceTags || inputs.provenance !== snapshot.provenance) {
        cache = new Map();
        tags = TagIndex.from(snapshot.serviceTags);
        inputs = { missing: snapshot.missing, serviceTags: snapshot.serviceTags, provenance: snapshot.provenance };
      }
      const ctx = createContext(snapshot, assumptions, tags);
      const next = new Map<string, CacheEntry>();
      const computes: ComputeVerdict[] = [];
      recomputed = 0;
      for (const target of computeTargets(snapshot)) {
        const key = idKey(target.id);
        const hit = cache.get(key);
        let entry: CacheEntry;
        if (hit && sameTarget(hit.target, target) && hit.log.stillValid(snapshot)) {
          entry = hit;
        } else {
          const { value, log } = ctx.track(() => evaluateCompute(ctx, target));
          entry = { target, log, verdict: value };
          recomputed++;
        }
        next.set(key, entry);
        computes.push(entry.verdict);
      }
      cache = next;
      return { schemaVersion: 1, computes, assumptions: assumptionList, summary: summarize(computes) };
    },
  };
}

/** Evaluate every compute of a snapshot once. */
export function evaluateEstate(snapshot: Snapshot, assumptions: Assumptions = DEFAULT_ASSUMPTIONS): EstateVerdict {
  return createEvaluator(assumptions).evaluate(snapshot);
}

/** Counts for the summary line and the CLI exit code. */
export function summarize(computes: readonly ComputeVerdict[]): VerdictSummary {
  let allowed = 0, blocked = 0, unknown = 0, failedChecks = 0;
  for (const c of computes) {
    for (const f of c.flows) {
      if (f.status === 'allowed') allowed++;
      else if (f.status === 'blocked') blocked++;
      else unknown++;
    }
    for (const k of c.checks) if (k.status === 'fail') failedChecks++;
  }
  return { allowed, blocked, unknown, failedChecks };
}

/** Exit-code rule of `vnetlens check`: a blocked required flow or a failed check is a finding. */
export function hasFindings(v: EstateVerdict): boolean {
  return v.computes.some((c) => c.flows.some((f) => f.required && f.status === 'blocked') || c.checks.some((k) => k.status === 'fail'));
}
