/** Puts verdicts on the tree: counts on each compute, fault badges on the resources at fault. */
import type { EstateVerdict } from '../../shared/engine/verdict';
import { idKey } from '../../shared/model/armId';
import type { Snapshot } from '../../shared/model/snapshot';
import { resolveNodeId } from './resolveNode';
import type { GraphNode, VerdictCounts } from './types';

/** Counts of a set of flows and checks. */
export function countVerdicts(flows: readonly { status: string }[], checks: readonly { status: string }[]): VerdictCounts {
  let allowed = 0, blocked = 0, unknown = 0;
  for (const f of flows) {
    if (f.status === 'allowed') allowed++;
    else if (f.status === 'blocked') blocked++;
    else unknown++;
  }
  return { allowed, blocked, unknown, failedChecks: checks.filter((c) => c.status === 'fail').length };
}

/** Sum counts. */
export function addCounts(a: VerdictCounts | undefined, b: VerdictCounts | undefined): VerdictCounts | undefined {
  if (!a) return b;
  if (!b) return a;
  return { allowed: a.allowed + b.allowed, blocked: a.blocked + b.blocked, unknown: a.unknown + b.unknown, failedChecks: a.failedChecks + b.failedChecks };
}

/** New tree with verdict counts on computes and fault counts on the nodes at fault. */
export function annotate(nodes: Map<string, GraphNode>, snapshot: Snapshot, verdict: EstateVerdict | undefined): Map<string, GraphNode> {
  if (!verdict) return nodes;
  const out = new Map(nodes);
  const bump = (id: string | undefined, patch: (n: GraphNode) => GraphNode) => {
    const n = id ? out.get(id) : undefined;
    if (n && id) out.set(id, patch(n));
  };
  for (const c of verdict.computes) {
    const counts = countVerdicts(c.flows, c.checks);
    bump(idKey(c.id), (n) => ({ ...n, verdicts: counts, faults: n.faults + counts.failedChecks }));
    for (const check of c.checks) {
      if (check.status !== 'fail' || !check.resourceId || idKey(check.resourceId) === idKey(c.id)) continue;
      bump(resolveNodeId(snapshot, out, check.resourceId), (n) => ({ ...n, faults: n.faults + 1 }));
    }
  }
  return out;
}
