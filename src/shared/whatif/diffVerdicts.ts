/**
 * Before/after effect of edits: which flows and checks changed status. Flows are matched on the
 * key the engine guarantees unique (compute id + requirement + protocol + port + peer).
 */
import type { EstateVerdict, FlowStatus, FlowVerdict } from '../engine/verdict';
import { idKey } from '../model';

/** The identity of one flow across verdicts. */
export function flowKey(computeId: string, flow: Pick<FlowVerdict, 'requirement' | 'protocol' | 'port' | 'peer'>): string {
  return [idKey(computeId), flow.requirement, flow.protocol, flow.port, flow.peer.toLowerCase()].join('|');
}

export interface FlowChange {
  readonly key: string;
  readonly computeId: string;
  readonly computeName: string;
  readonly requirement: string;
  /** undefined: the flow did not exist on that side (e.g. a compute lost its public IP). */
  readonly before?: FlowStatus;
  readonly after?: FlowStatus;
  readonly beforeFlow?: FlowVerdict;
  readonly afterFlow?: FlowVerdict;
}

export interface CheckChange {
  readonly computeId: string;
  readonly checkId: string;
  readonly before?: 'pass' | 'fail' | 'warn';
  readonly after?: 'pass' | 'fail' | 'warn';
}

export interface VerdictDiff {
  readonly flows: readonly FlowChange[];
  readonly checks: readonly CheckChange[];
  /** blocked → allowed */
  readonly redToGreen: number;
  /** allowed → blocked */
  readonly greenToRed: number;
  /** any change into or out of unknown */
  readonly unknownChanged: number;
  readonly added: number;
  readonly removed: number;
  /** e.g. "turns 3 red flows green, 0 green red". */
  readonly summary: string;
}

type ComputeV = EstateVerdict['computes'][number];

function flowsByKey(computes: readonly ComputeV[]): Map<string, { compute: ComputeV; flow: FlowVerdict }> {
  const out = new Map<string, { compute: ComputeV; flow: FlowVerdict }>();
  for (const compute of computes) for (const flow of compute.flows) out.set(flowKey(compute.id, flow), { compute, flow });
  return out;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * Per-flow and per-check status changes between two verdicts of (nearly) the same estate. A compute
 * verdict that is the same object on both sides (the incremental evaluator's cache hit) is skipped
 * without looking at its flows, which keeps the diff proportional to what the edit touched.
 */
export function diffVerdicts(before: EstateVerdict, after: EstateVerdict): VerdictDiff {
  const beforeById = new Map(before.computes.map((c) => [idKey(c.id), c]));
  const afterIds = new Set<string>();
  const touchedBefore: ComputeV[] = [];
  const touchedAfter: ComputeV[] = [];
  for (const c of after.computes) {
    const key = idKey(c.id);
    afterIds.add(key);
    const old = beforeById.get(key);
    if (old === c) continue;
    touchedAfter.push(c);
    if (old) touchedBefore.push(old);
  }
  for (const [key, c] of beforeById) if (!afterIds.has(key)) touchedBefore.push(c);

  const a = flowsByKey(touchedBefore);
  const b = flowsByKey(touchedAfter);
  const flows: FlowChange[] = [];
  for (const [key, x] of a) {
    const y = b.get(key);
    if (y && y.flow.status === x.flow.status) continue;
    flows.push({
      key, computeId: x.compute.id, computeName: x.compute.name, requirement: x.flow.requirement,
      before: x.flow.status, beforeFlow: x.flow, ...(y ? { after: y.flow.status, afterFlow: y.flow } : {}),
    });
  }
  for (const [key, y] of b) {
    if (a.has(key)) continue;
    flows.push({ key, computeId: y.compute.id, computeName: y.compute.name, requirement: y.flow.requirement, after: y.flow.status, afterFlow: y.flow });
  }
  const checks: CheckChange[] = [];
  const beforeChecks = new Map(touchedBefore.flatMap((c) => c.checks.map((k) => [`${idKey(c.id)}|${k.id}`, { c, k }] as const)));
  const afterChecks = new Map(touchedAfter.flatMap((c) => c.checks.map((k) => [`${idKey(c.id)}|${k.id}`, { c, k }] as const)));
  for (const [key, x] of beforeChecks) {
    const y = afterChecks.get(key);
    if (y?.k.status !== x.k.status) checks.push({ computeId: x.c.id, checkId: x.k.id, before: x.k.status, ...(y ? { after: y.k.status } : {}) });
  }
  for (const [key, y] of afterChecks) if (!beforeChecks.has(key)) checks.push({ computeId: y.c.id, checkId: y.k.id, after: y.k.status });

  const redToGreen = flows.filter((f) => f.before === 'blocked' && f.after === 'allowed').length;
  const greenToRed = flows.filter((f) => f.before === 'allowed' && f.after === 'blocked').length;
  const unknownChanged = flows.filter((f) => f.before && f.after && (f.before === 'unknown') !== (f.after === 'unknown')).length;
  const added = flows.filter((f) => !f.before).length;
  const removed = flows.filter((f) => !f.after).length;
  const parts = [`turns ${plural(redToGreen, 'red flow')} green, ${greenToRed} green red`];
  if (unknownChanged) parts.push(`${unknownChanged} into or out of unknown`);
  if (added) parts.push(`${plural(added, 'new flow')}`);
  if (removed) parts.push(`${plural(removed, 'flow')} no longer required`);
  const fixedChecks = checks.filter((c) => c.before === 'fail' && c.after === 'pass').length;
  const brokeChecks = checks.filter((c) => c.before !== 'fail' && c.after === 'fail').length;
  if (fixedChecks || brokeChecks) parts.push(`checks: ${fixedChecks} fixed, ${brokeChecks} broken`);
  return { flows, checks, redToGreen, greenToRed, unknownChanged, added, removed, summary: parts.join('; ') };
}
