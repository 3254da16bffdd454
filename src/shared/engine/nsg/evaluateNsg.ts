/**
 * NSG evaluation (semantics §1): one NSG against one flow, and the chain
 * of NSGs a flow crosses (NIC↔subnet, every one must allow).
 */
import type { NetworkSecurityGroup } from '../../model/resources';
import { vnetScope } from './addressMatch';
import { decide } from './decideNsg';
import { SIMPLE_DESTINATION, SIMPLE_SOURCE } from './parsedRule';
import type { NsgContext, NsgDecision, NsgFlow } from './nsgTypes';

export type { NsgContext, NsgDecision, NsgFlow, RuleEvaluation } from './nsgTypes';
export { amlAutoNsg, AML_AUTO_RULE_NAME } from './amlAutoNsg';
export { SIMPLE_DESTINATION, SIMPLE_SOURCE } from './parsedRule';
export { defaultSecurityRules } from '../../model/defaultSecurityRules';

/**
 * Evaluate one NSG for one flow direction. Not memoized: a flow's source is its own subnet, so across
 * an estate the same NSG almost never sees the same flow twice (measured: 35 repeats in 18,210 calls),
 * and the key cost more than it saved. The per-rule address matches underneath are memoized.
 */
export function evaluateNsg(
  nsg: NetworkSecurityGroup, appliedTo: 'subnet' | 'nic', appliedToId: string, flow: NsgFlow, ctx: NsgContext,
): NsgDecision {
  return decide(nsg, appliedTo, appliedToId, flow, ctx, vnetScope(ctx.virtualNetworkPrefixes));
}

/** An NSG on the flow's path, where it is attached. */
export interface NsgAttachment {
  readonly nsgId: string;
  /** undefined = referenced but not readable → Unknown. */
  readonly nsg: NetworkSecurityGroup | undefined;
  readonly appliedTo: 'subnet' | 'nic';
  readonly appliedToId: string;
}

/** The outcome of every NSG on a path. */
export interface NsgChainResult { readonly access: 'Allow' | 'Deny' | 'Unknown'; readonly decisions: readonly NsgDecision[]; readonly deciding?: NsgDecision }

/** The simpleSides bits every decision of a chain shares (NsgDecision.simpleSides). */
export function chainSimpleSides(result: NsgChainResult): number {
  let bits = SIMPLE_SOURCE | SIMPLE_DESTINATION;
  for (const d of result.decisions) bits &= d.simpleSides ?? SIMPLE_SOURCE | SIMPLE_DESTINATION;
  return bits;
}

/** Evaluate attachments in the given order (caller passes NIC→subnet for outbound, subnet→NIC for inbound); first Deny stops; Allow needs every NSG to allow; deciding = the deny, or the LAST allow (N3); no attachments = Allow with no deciding NSG. */
export function evaluateNsgChain(chain: readonly NsgAttachment[], flow: NsgFlow, ctx: NsgContext): NsgChainResult {
  const decisions: NsgDecision[] = [];
  let unknown: NsgDecision | undefined;
  for (const a of chain) {
    const d: NsgDecision = a.nsg
      ? evaluateNsg(a.nsg, a.appliedTo, a.appliedToId, flow, ctx)
      : {
        nsgId: a.nsgId, appliedTo: a.appliedTo, appliedToId: a.appliedToId, access: 'Unknown', evaluated: [],
        explanation: `NSG ${a.nsgId.split('/').pop() ?? a.nsgId} on the ${a.appliedTo} is not in the snapshot (not readable), so its rules are unknown.`,
      };
    decisions.push(d);
    // A later Deny decides even after an Unknown: whatever the unknown NSG does, the flow is dropped.
    if (d.access === 'Deny') return { access: 'Deny', decisions, deciding: d };
    if (d.access === 'Unknown') unknown ??= d;
  }
  if (unknown) return { access: 'Unknown', decisions, deciding: unknown };
  const last = decisions[decisions.length - 1];
  return last ? { access: 'Allow', decisions, deciding: last } : { access: 'Allow', decisions };
}
