/**
 * The NSG evaluator's contract with the flow orchestration: the flow, the context it is evaluated
 * in, and the decision with its trace (semantics §1, §6.2).
 */
import type { SecurityRule } from '../../model/resources';
import type { AddressSet } from '../../net/addressSet';
import type { TagIndex } from '../../servicetags/tagIndex';
import type { Assumptions } from '../assumptions';
import type { DecidedBy, TraceStep } from '../verdict';

/** One direction of a flow, as an NSG sees it. */
export interface NsgFlow {
  readonly direction: 'Inbound' | 'Outbound';
  /** The orchestrator splits 'Any' into Tcp and Udp itself. */
  readonly protocol: 'Tcp' | 'Udp' | 'Icmp';
  readonly source: AddressSet;
  /** undefined = ephemeral/any: only rules whose source ports cover 1024–65535 match fully. */
  readonly sourcePort?: number;
  readonly destination: AddressSet;
  readonly destinationPort: number;
}

/** What the rules' symbolic parts mean where the NSG is applied. */
export interface NsgContext {
  readonly tags: TagIndex;
  /** What `VirtualNetwork` means for this NIC/subnet: own VNet + Connected peered VNets + (per assumption) UDR prefixes + 168.63.129.16/32. The orchestrator computes it. */
  readonly virtualNetworkPrefixes: readonly string[];
  /** ASG ids (idKey form) of the protected NIC: a rule naming ASGs applies only to member NICs (semantics §1.6). Empty for compute nodes with unknown NICs. */
  readonly asgIds: readonly string[];
  readonly assumptions: Assumptions;
  /** Optional: member addresses per ASG id key, to decide rules whose *remote* side is an ASG. */
  readonly asgAddresses?: ReadonlyMap<string, readonly string[]>;
}

/** One rule looked at, with its three-valued match and why. */
export interface RuleEvaluation { readonly rule: SecurityRule; readonly match: 'yes' | 'no' | 'unknown'; readonly reason: string }

/** What one NSG decided for one flow. */
export interface NsgDecision {
  readonly nsgId: string;
  readonly appliedTo: 'subnet' | 'nic';
  readonly appliedToId: string;
  readonly access: 'Allow' | 'Deny' | 'Unknown';
  /**
   * The deciding rule. For Unknown: the rule that may cover part of the flow with the other access
   * (undefined when the NSG itself is unreadable, or for platform addresses NSGs do not filter).
   */
  readonly rule?: SecurityRule;
  /** Rules looked at, in order, up to the decision. */
  readonly evaluated: readonly RuleEvaluation[];
  /** One sentence. */
  readonly explanation: string;
  /** For Unknown caused by a partial rule: the rule that matches the whole flow after it. */
  readonly fallbackRule?: SecurityRule;
  /** Set when the flow goes to 168.63.129.16 / 169.254.169.254 and no platform-tag rule applied (N12). */
  readonly platformExempt?: boolean;
  /** For a plain rule decision: its sentence, shared by every decision that says the same (see NsgSentence). */
  readonly sentence?: NsgSentence;
  /**
   * SIMPLE_SOURCE / SIMPLE_DESTINATION bits (parsedRule): set when every rule this decision looked at
   * has that field `*` or `VirtualNetwork` alone, so any other endpoint inside the VNet scope on that
   * side gets the same decision. Undefined = both (no rule was looked at).
   */
  readonly simpleSides?: number;
}

/**
 * "NSG n: rule r (p) allows outbound Tcp 443." — one object per NSG record, rule and kind of flow,
 * shared by every subnet behind the NSG. The flow builder keeps the trace steps and decidedBy it makes
 * from the sentence here, so thousands of flows that the same rule decides share them without a lookup.
 */
export class NsgSentence {
  subnetStep?: TraceStep;
  nicStep?: TraceStep;
  decidedBy?: DecidedBy;
  constructor(readonly text: string) {}
}

