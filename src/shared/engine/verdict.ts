/**
 * What the engine answers. `EstateVerdict` is a superset of the `vnetlens check --format json`
 * contract (issue 2 §5): report/checkJson.ts projects it onto exactly that shape; the renderer and
 * what-if read the richer records (ordered traces, ids of the resources at fault).
 */

/** Compute kinds as the JSON contract names them. */
export type ComputeKind =
  | 'ComputeCluster' | 'ComputeInstance' | 'Serverless' | 'AttachedVirtualMachine' | 'HDInsight' | 'Databricks';

export type FlowStatus = 'allowed' | 'blocked' | 'unknown';

/** The layer that decided a flow; `firewall` and `adminRule` come with issue 6. */
export type Layer =
  | 'nsg' | 'route' | 'peering' | 'dns' | 'outbound' | 'asymmetry' | 'privateEndpoint' | 'prerequisite'
  | 'firewall' | 'adminRule';

export interface DecidedBy {
  readonly layer: Layer;
  readonly resourceId?: string;
  /** Rule or route name. */
  readonly name?: string;
  readonly priority?: number;
  /** Firewall policy decisions also name where the rule sits (issue 6). */
  readonly policyId?: string;
  readonly ruleCollectionGroup?: string;
  readonly ruleCollectionGroupPriority?: number;
  readonly ruleCollection?: string;
  readonly ruleCollectionPriority?: number;
}

/** One step of a flow's ordered trace (Batfish style): what was looked at and what it said. */
export interface TraceStep {
  readonly layer: Layer;
  /** `pass` lets the flow on, `block` stops it, `unknown` cannot tell, `info` only explains. */
  readonly outcome: 'pass' | 'block' | 'unknown' | 'info';
  readonly resourceId?: string;
  readonly name?: string;
  readonly priority?: number;
  readonly detail: string;
}

export type Protocol = 'Tcp' | 'Udp' | 'Any';

export interface FlowVerdict {
  /** Catalogue id, e.g. `O1`, `I1`, `P9`, `F14`. */
  readonly requirement: string;
  readonly direction: 'Inbound' | 'Outbound';
  readonly protocol: Protocol;
  readonly port: number;
  /** A service tag (`Storage.westeurope`), an FQDN, or the ARM id of a resource. */
  readonly peer: string;
  readonly required: boolean;
  readonly status: FlowStatus;
  readonly decidedBy: DecidedBy;
  readonly explanation: string;
  readonly trace: readonly TraceStep[];
  /** ARM id of the resource the flow goes to (a private endpoint's target, a firewall), if any. */
  readonly peerResourceId?: string;
}

export interface CheckResult {
  /** e.g. `subnet-capacity`, `dns-zone-linked:privatelink.api.azureml.ms`. */
  readonly id: string;
  readonly status: 'pass' | 'fail' | 'warn';
  readonly message: string;
  /** The resource at fault, for the inspector's "select it" link. */
  readonly resourceId?: string;
}

export interface ComputeVerdict {
  /** ARM id; serverless: `<workspace id>/serverless`. */
  readonly id: string;
  readonly name: string;
  readonly kind: ComputeKind;
  readonly publicIp: boolean;
  readonly subnetId: string;
  readonly workspaceId: string;
  readonly region: string;
  readonly flows: readonly FlowVerdict[];
  readonly checks: readonly CheckResult[];
}

export interface AssumptionValue {
  readonly id: string;
  readonly value: string;
  readonly description: string;
}

export interface VerdictSummary {
  readonly allowed: number;
  readonly blocked: number;
  readonly unknown: number;
  readonly failedChecks: number;
}

export interface EstateVerdict {
  readonly schemaVersion: 1;
  readonly computes: readonly ComputeVerdict[];
  readonly assumptions: readonly AssumptionValue[];
  readonly summary: VerdictSummary;
}
