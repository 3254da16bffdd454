/**
 * Suggested fixes for a red flow: candidate edits (fixCandidates), each verified by re-evaluating
 * the candidate snapshot. A fix is offered only when the flow turns green and no other flow turns
 * red; smallest first (fewest edits, then fewest ARM resources to deploy).
 */
import { createEvaluator, type Evaluator } from '../engine/evaluateEstate';
import type { EstateVerdict, FlowVerdict } from '../engine/verdict';
import type { Snapshot } from '../model';
import { idKey } from '../model';
import { applyEdits } from './applyEdit';
import { diffVerdicts, flowKey, type VerdictDiff } from './diffVerdicts';
import type { ArmChange, Edit } from './edits';
import { fixCandidates } from './fixCandidates';

/** Which flow to fix: its compute and the flow's identity (or a key from flowKey). */
export type FlowRef = string | { readonly computeId: string; readonly flow: Pick<FlowVerdict, 'requirement' | 'protocol' | 'port' | 'peer'> };

export interface SuggestedFix {
  readonly title: string;
  readonly edits: readonly Edit[];
  readonly changes: readonly ArmChange[];
  /** Effect of the fix on the whole estate (summary: "turns 3 red flows green, 0 green red"). */
  readonly diff: VerdictDiff;
  readonly snapshot: Snapshot;
  readonly verdict: EstateVerdict;
}

export interface SuggestOptions {
  /** Reuse the app's evaluator (its cache makes each candidate cheap). */
  readonly evaluator?: Evaluator;
}

/** Verified fixes for one flow, smallest first; empty when none is known or none verifies. */
export function suggestFixes(snapshot: Snapshot, verdict: EstateVerdict, flowRef: FlowRef, options: SuggestOptions = {}): SuggestedFix[] {
  const key = typeof flowRef === 'string' ? flowRef : flowKey(flowRef.computeId, flowRef.flow);
  let found: { compute: EstateVerdict['computes'][number]; flow: FlowVerdict } | undefined;
  for (const compute of verdict.computes) {
    if (!key.startsWith(idKey(compute.id) + '|')) continue;
    const flow = compute.flows.find((f) => flowKey(compute.id, f) === key);
    if (flow) found = { compute, flow };
  }
  if (!found || found.flow.status === 'allowed') return [];
  const evaluator = options.evaluator ?? createEvaluator();
  const fixes: SuggestedFix[] = [];
  const seen = new Set<string>();
  for (const candidate of fixCandidates(snapshot, found.compute, found.flow)) {
    const sig = JSON.stringify(candidate.edits);
    if (seen.has(sig)) continue;
    seen.add(sig);
    const applied = applyEdits(snapshot, candidate.edits);
    if ('error' in applied) continue;
    const after = evaluator.evaluate(applied.snapshot);
    const diff = diffVerdicts(verdict, after);
    const target = diff.flows.find((f) => f.key === key);
    if (target?.after !== 'allowed') continue;
    if (diff.flows.some((f) => f.after === 'blocked' && f.before !== 'blocked')) continue;
    fixes.push({ title: candidate.title, edits: candidate.edits, changes: applied.changes, diff, snapshot: applied.snapshot, verdict: after });
  }
  return fixes.sort((a, b) => a.edits.length - b.edits.length || a.changes.length - b.changes.length || b.diff.redToGreen - a.diff.redToGreen);
}
