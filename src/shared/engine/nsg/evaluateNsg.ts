/**
 * NSG evaluation (semantics §1): one NSG against one flow (first matching rule in priority order,
 * then the default rules), and the chain of NSGs a flow crosses (NIC↔subnet, every one must allow).
 */
import { idKey } from '../../model/armId';
import type { NetworkSecurityGroup, SecurityRule } from '../../model/resources';
import { type AddressSet, addressSetKey } from '../../net/addressSet';
import { HOST_VIP, IMDS_IP } from '../../net/publicSpace';
import type { TagIndex } from '../../servicetags/tagIndex';
import type { Assumptions } from '../assumptions';
import { endpointOf, fieldRanges, remainderOf, tagIndexId, type VnetScope, vnetScope } from './addressMatch';
import { type ParsedRule, parsedRules } from './parsedRule';
import { type MatchEnv, type MatchFlow, matchesApartFromRemote, matchRule, ruleMatches } from './ruleMatch';

export { amlAutoNsg, AML_AUTO_RULE_NAME } from './amlAutoNsg';
export { defaultSecurityRules } from './defaultRules';

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

export interface RuleEvaluation { readonly rule: SecurityRule; readonly match: 'yes' | 'no' | 'unknown'; readonly reason: string }

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
}

function verb(access: 'Allow' | 'Deny'): string {
  return access === 'Allow' ? 'allows' : 'denies';
}

function ruleLabel(r: SecurityRule): string {
  return `${r.isDefault ? 'default rule' : 'rule'} ${r.name} (${r.priority})`;
}

/** Outbound to a platform address: not filtered unless a rule names a platform tag (§1.5, N12/N13). */
function platformDestination(flow: NsgFlow): boolean {
  if (flow.direction !== 'Outbound') return false;
  const d = flow.destination;
  if (d.kind === 'ip') return d.ip === HOST_VIP || d.ip === IMDS_IP;
  return d.kind === 'tag' && /^azureplatform(dns|imds)$/i.test(d.tag);
}

const decisionCache = new WeakMap<NetworkSecurityGroup, Map<string, NsgDecision>>();

/** Evaluate one NSG for one flow direction. Decisions are memoized per NSG record and flow. */
export function evaluateNsg(
  nsg: NetworkSecurityGroup, appliedTo: 'subnet' | 'nic', appliedToId: string, flow: NsgFlow, ctx: NsgContext,
): NsgDecision {
  const scope = vnetScope(ctx.virtualNetworkPrefixes);
  const a = ctx.assumptions;
  const key = ctx.asgAddresses ? undefined : [
    appliedTo, appliedToId, flow.direction, flow.protocol, addressSetKey(flow.source), flow.sourcePort ?? '*',
    addressSetKey(flow.destination), flow.destinationPort, scope.id, tagIndexId(ctx.tags), ctx.asgIds.join(','),
    a.anyProtocolMatchesEspAh, a.portRuleMatchesIcmp,
  ].join('|');
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

function decide(
  nsg: NetworkSecurityGroup, appliedTo: 'subnet' | 'nic', appliedToId: string, flow: NsgFlow, ctx: NsgContext, scope: VnetScope,
): NsgDecision {
  const env: MatchEnv = {
    tags: ctx.tags, scope, asgKeys: new Set(ctx.asgIds.map(idKey)), assumptions: ctx.assumptions,
    ...(ctx.asgAddresses ? { asgAddresses: ctx.asgAddresses } : {}),
  };
  const mflow: MatchFlow = {
    direction: flow.direction, protocol: flow.protocol,
    source: endpointOf(flow.source, ctx.tags, scope), destination: endpointOf(flow.destination, ctx.tags, scope),
    destinationPort: flow.destinationPort, ...(flow.sourcePort !== undefined ? { sourcePort: flow.sourcePort } : {}),
  };
  const platform = platformDestination(flow);
  const rules = parsedRules(nsg, flow.direction);
  const outbound = flow.direction === 'Outbound';
  // Rules that may match part of the flow, first one per access. Such a rule splits the flow: the
  // part it covers gets its access, the rest goes on. If the rule that finally matches everything
  // left has the SAME access, every part ends with that access, so the partial rule cannot change
  // the outcome; only a partial rule of the OTHER access makes the verdict Unknown.
  const partial: Partial<Record<'Allow' | 'Deny', SecurityRule>> = {};
  // With addresses for the remote side (an IP, prefixes, a tag with data) the split is exact: the
  // covered part is decided and later rules see only the remainder (§7.1 N5–N8 with prefix data).
  let flowNow = mflow;
  const splits: { readonly from: number; readonly flow: MatchFlow; readonly rule: SecurityRule }[] = [];
  let decider: ParsedRule | undefined;
  let stop = rules.length - 1;
  for (let i = 0; i < rules.length; i++) {
    const pr = rules[i] as ParsedRule;
    if (platform && !pr.namesPlatform) continue;
    const m = ruleMatches(pr, flowNow, env);
    if (m === 'yes') {
      stop = i;
      decider = pr;
      break;
    }
    if (m === 'no') continue;
    const remote = outbound ? flowNow.destination : flowNow.source;
    const field = outbound ? pr.destination : pr.source;
    const exact = remote.ranges && matchesApartFromRemote(pr, flowNow, env) ? fieldRanges(field, ctx.tags, scope) : undefined;
    const taken = exact && remote.ranges ? remote.ranges.intersect(exact) : undefined;
    partial[pr.access] ??= pr.rule;
    if (!taken || taken.isEmpty) continue;
    const rest = remainderOf(remote, taken, field.text);
    flowNow = outbound ? { ...flowNow, destination: rest } : { ...flowNow, source: rest };
    splits.push({ from: i + 1, flow: flowNow, rule: pr.rule });
    if (rest.ranges?.isEmpty) {
      stop = i;
      decider = pr;
      break;
    }
  }
  // The trace of looked-at rules is built only when read: most flows never show it.
  let evaluated: RuleEvaluation[] | undefined;
  const base = {
    nsgId: nsg.id, appliedTo, appliedToId,
    get evaluated(): readonly RuleEvaluation[] {
      const flowFor = (i: number) => splits.filter((x) => x.from <= i).pop()?.flow ?? mflow;
      evaluated ??= rules.slice(0, stop + 1)
        .map((pr, i) => ({ pr, i }))
        .filter(({ pr }) => !platform || pr.namesPlatform)
        .map(({ pr, i }) => ({ rule: pr.rule, ...matchRule(pr, flowFor(i), env) }));
      return evaluated;
    },
  };
  if (decider) {
    const pr = decider;
    const other = partial[pr.access === 'Allow' ? 'Deny' : 'Allow'];
    if (other) {
      const exact = splits.some((x) => x.rule === other);
      return withBase(base, {
        access: 'Unknown', rule: other, fallbackRule: pr.rule,
        explanation: exact
          ? `NSG ${nsg.name}: ${ruleLabel(other)} ${verb(other.access)} part of this flow and ${ruleLabel(pr.rule)} ${verb(pr.access)} the rest.`
          : `NSG ${nsg.name}: ${ruleLabel(other)} may ${other.access.toLowerCase()} part of this flow before ${ruleLabel(pr.rule)} would ${pr.access.toLowerCase()} it; the outcome depends on addresses we cannot resolve.`,
      });
    }
    return withBase(base, {
      access: pr.access, rule: pr.rule,
      explanation: `NSG ${nsg.name}: ${ruleLabel(pr.rule)} ${verb(pr.access)} ${splits.length ? 'the rest of ' : ''}${flow.direction.toLowerCase()} ${flow.protocol} ${flow.destinationPort}.`,
    });
  }
  if (platform && !partial.Allow && !partial.Deny) {
    return withBase(base, {
      access: 'Allow', platformExempt: true,
      explanation: `NSG ${nsg.name} does not filter the Azure platform address (no rule names AzurePlatformDNS/IMDS/LKM).`,
    });
  }
  const p = partial.Deny ?? partial.Allow;
  return withBase(base, {
    access: 'Unknown', ...(p ? { rule: p } : {}),
    explanation: p
      ? `NSG ${nsg.name}: only ${ruleLabel(p)} may match part of this flow; no rule decides all of it.`
      : `NSG ${nsg.name}: no rule matched this flow.`,
  });
}

/** Copy the outcome onto the base object, keeping its lazy `evaluated` getter (a spread would call it). */
function withBase(base: Pick<NsgDecision, 'nsgId' | 'appliedTo' | 'appliedToId' | 'evaluated'>, rest: Omit<NsgDecision, 'nsgId' | 'appliedTo' | 'appliedToId' | 'evaluated'>): NsgDecision {
  return Object.assign(base, rest);
}

export interface NsgAttachment {
  readonly nsgId: string;
  /** undefined = referenced but not readable → Unknown. */
  readonly nsg: NetworkSecurityGroup | undefined;
  readonly appliedTo: 'subnet' | 'nic';
  readonly appliedToId: string;
}

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
