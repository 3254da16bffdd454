/**
 * The shape of one requirement row of Microsoft's "secure a training environment with virtual
 * networks" guidance (our digest: ../shared/docs/azure-semantics.md §5). The catalogue is data: the
 * engine, the UI inspector and the SARIF rules all read the same rows.
 */
import type { ComputeKind, Protocol } from '../engine/verdict';

/** One port a row needs; the engine evaluates one flow per entry. */
export interface PortSpec {
  readonly protocol: Protocol;
  readonly port: number;
}

/** Who the compute talks to. `{region}` in a tag is replaced by the workspace region as ARM writes it. */
export type Peer =
  | { readonly type: 'serviceTag'; readonly tag: string }
  | { readonly type: 'fqdn'; readonly fqdns: readonly string[] }
  /** Workspace dependencies, each reached through its private endpoint when it has one. */
  | { readonly type: 'dependency'; readonly dependencies: readonly Dependency[] }
  | { readonly type: 'none' };

export type Dependency = 'workspace' | 'storage-blob' | 'storage-file' | 'keyvault' | 'acr';

/** Public-IP mode of the compute a row applies to. */
export type IpMode = 'public' | 'noPublic';

/**
 * When a situational row applies. `always` rows follow `necessity`; the others are evaluated only
 * when the condition holds for the compute (and then carry `required` as the row says).
 */
export type Condition =
  | 'always'
  | 'hbiWorkspace'
  | 'firewallOnPath'          // FQDN rows: only meaningful where an Azure Firewall decides
  | 'dependencyHasPrivateEndpoint'
  | 'workspaceHasPrivateEndpoint'
  | 'legacyBatch'
  | 'never';                  // documented rows the engine reports as checks, not flows

export interface Requirement {
  /** Stable id: I1–I4, O1–O13, F1–F14, P1–P12, X1–X4, DB1–DB3, VM1, MN1. */
  readonly id: string;
  readonly title: string;
  readonly kind: 'flow' | 'check';
  readonly direction?: 'Inbound' | 'Outbound';
  readonly ports: readonly PortSpec[];
  readonly peer: Peer;
  readonly appliesTo: readonly ComputeKind[];
  readonly ipModes: readonly IpMode[];
  /** `required` rows block the compute; `situational` ones are reported with required=false. */
  readonly necessity: 'required' | 'situational' | 'legacy';
  readonly condition: Condition;
  readonly purpose: string;
  /** Source tags of the digest, e.g. `S21, S25, S26`. */
  readonly source: string;
  /** Section of ../shared/docs/azure-semantics.md, e.g. `§5.4.2`. */
  readonly section: string;
  /** Check id(s) this row is reported under, for check rows. */
  readonly checkIds?: readonly string[];
}
