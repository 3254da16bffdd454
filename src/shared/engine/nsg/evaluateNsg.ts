/**
 * NSG evaluation (semantics §1): one NSG against one flow (memoized per NSG record), and the chain
 * of NSGs a flow crosses (NIC↔subnet, every one must allow).
 */
import type { NetworkSecurityGroup } from '../../model/resources';
import { addressSetKey } from '../../net/addressSet';
import { tagIndexId, vnetScope } from './addressMatch';
import { decide } from './decideNsg';
import type { NsgContext, NsgDecision, NsgFlow } from './nsgTypes';

export type { NsgContext, NsgDecision, NsgFlow, RuleEvaluation } from './nsgTypes';
export { amlAutoNsg, AML_AUTO_RULE_NAME } from './amlAutoNsg';
export { defaultSecurityRules } from '../../model/defaultSecurityRules';

const decisionCache = new WeakMap<NetworkSecurityGroup, Map<string, NsgDecision>>();

/** Evaluate one NSG for one flow direction. Decisions are memoized per NSG record and flow. */
export function evaluateNsg(
  nsg: NetworkSecurityGroup, appliedTo: 'subnet' | 'nic', appliedToId: string, flow: NsgFlow, ctx: NsgContext,
): NsgDecision {
  const scope = vnetScope(ctx.virtualNetworkPrefixes);
  const a = ctx.assumptions;
  // A template literal, not an array join: this runs for every NSG on every flow.
  const key = ctx.asgAddresses ? undefined
    : `${appliedTo}|${appliedToId}|${flow.direction}|${flow.protocol}|${addressSetKey(flow.source)}|${flow.sourcePort ?? '*'}|${addressSetKey(flow.destination)}|${flow.destinationPort}|${scope.id}|${tagIndexId(ctx.tags)}|${ctx.asgIds.length ? ctx.asgIds.join(',') : ''}|${a.anyProtocolMatchesEspAh}|${a.portRuleMatchesIcmp}`;
  let memo = decisionCache.get(nsg);
  const hit = key !== undefined ? memo?.get(key) : undefined;
  if (hit) return hit;
  const decision = decide(nsg, appliedTo, appliedToId, flow, ctx, scope);
  if (key !== undefined) {
    if (!memo) decisionCache.set(nsg, (memo = new Map()));
    // Bounded: one NSG sees a few hundred distinct flows in an estate; never grow without limit.
    if (memo.size > 10_000) memo.clear();
    memo.set(key, decision);
  }
  return decision;
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
