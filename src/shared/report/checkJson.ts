/**
 * `vnetlens check --format json`: the pipeline contract of issue 2 §5. Pipelines and our own UI
 * parse this, so it is a projection with a fixed key set and order, never a dump of the richer
 * EstateVerdict (traces and fault ids stay out).
 */
import type { CheckResult, ComputeVerdict, DecidedBy, EstateVerdict, FlowVerdict } from '../engine/verdict';

/** `decidedBy` as the contract writes it: the engine's own record (firewall fields only when set). */
export type CheckJsonDecidedBy = DecidedBy;

export interface CheckJsonFlow {
  readonly requirement: string;
  readonly direction: FlowVerdict['direction'];
  readonly protocol: FlowVerdict['protocol'];
  readonly port: number;
  readonly peer: string;
  readonly required: boolean;
  readonly status: FlowVerdict['status'];
  readonly decidedBy: CheckJsonDecidedBy;
  readonly explanation: string;
}

export interface CheckJsonCheck {
  readonly id: string;
  readonly status: CheckResult['status'];
  readonly message: string;
}

export interface CheckJsonCompute {
  readonly id: string;
  readonly name: string;
  readonly kind: ComputeVerdict['kind'];
  readonly publicIp: boolean;
  readonly subnetId: string;
  readonly flows: readonly CheckJsonFlow[];
  readonly checks: readonly CheckJsonCheck[];
}

/** The whole document `vnetlens check --format json` prints. */
export interface CheckJson {
  readonly schemaVersion: 1;
  readonly computes: readonly CheckJsonCompute[];
  readonly assumptions: readonly { readonly id: string; readonly value: string }[];
  readonly summary: { readonly allowed: number; readonly blocked: number; readonly unknown: number; readonly failedChecks: number };
}

// Order matters: it is the order the issue lists them in, and JSON readers diff on it.
const DECIDED_BY_KEYS = [
  'layer', 'resourceId', 'name', 'priority',
  'policyId', 'ruleCollectionGroup', 'ruleCollectionGroupPriority', 'ruleCollection', 'ruleCollectionPriority',
] as const satisfies readonly (keyof DecidedBy)[];

function decidedBy(d: DecidedBy): CheckJsonDecidedBy {
  const out: Record<string, unknown> = {};
  for (const key of DECIDED_BY_KEYS) {
    if (d[key] !== undefined) out[key] = d[key];
  }
  return out as unknown as CheckJsonDecidedBy;
}

function flow(f: FlowVerdict): CheckJsonFlow {
  return {
    requirement: f.requirement,
    direction: f.direction,
    protocol: f.protocol,
    port: f.port,
    peer: f.peer,
    required: f.required,
    status: f.status,
    decidedBy: decidedBy(f.decidedBy),
    explanation: f.explanation,
  };
}

function compute(c: ComputeVerdict): CheckJsonCompute {
  return {
    id: c.id,
    name: c.name,
    kind: c.kind,
    publicIp: c.publicIp,
    subnetId: c.subnetId,
    flows: c.flows.map(flow),
    checks: c.checks.map((k) => ({ id: k.id, status: k.status, message: k.message })),
  };
}

/** Project an engine verdict onto exactly the issue 2 §5 JSON contract. */
export function toCheckJson(v: EstateVerdict): CheckJson {
  return {
    schemaVersion: 1,
    computes: v.computes.map(compute),
    assumptions: v.assumptions.map((a) => ({ id: a.id, value: a.value })),
    summary: {
      allowed: v.summary.allowed,
      blocked: v.summary.blocked,
      unknown: v.summary.unknown,
      failedChecks: v.summary.failedChecks,
    },
  };
}
