/**
 * One NSG against one flow (semantics §1.2–1.5): custom rules by priority, then the defaults; first
 * full match decides; rules that cover only part of a set endpoint are tracked (exactly, when the
 * remote side's addresses are known) so the verdict is Unknown only when the outcome can differ.
 */
import { idKey } from '../../model/armId';
import type { NetworkSecurityGroup, SecurityRule } from '../../model/resources';
import { HOST_VIP, IMDS_IP } from '../../net/publicSpace';
import { endpointOf, fieldRanges, remainderOf, type VnetScope } from './addressMatch';
import { type NsgContext, type NsgDecision, type NsgFlow, NsgSentence, type RuleEvaluation } from './nsgTypes';
import { type ParsedRule, type RuleList, ruleList, SIMPLE_DESTINATION, SIMPLE_SOURCE } from './parsedRule';
import { type MatchEnv, type MatchFlow, matchesApartFromRemote, matchRule, ruleMatches } from './ruleMatch';

const NO_ASGS: ReadonlySet<string> = new Set();

/** The match environment of a context and scope, once per context object (the orchestrator reuses one per subnet and pass). */
const envs = new WeakMap<NsgContext, MatchEnv>();
function envOf(ctx: NsgContext, scope: VnetScope): MatchEnv {
  const hit = envs.get(ctx);
  if (hit && hit.scope === scope) return hit;
  const asgKeys = ctx.asgIds.length ? new Set(ctx.asgIds.map(idKey)) : NO_ASGS;
  // Plain literals, no spreads.
  const env: MatchEnv = ctx.asgAddresses
    ? { tags: ctx.tags, scope, asgKeys, assumptions: ctx.assumptions, asgAddresses: ctx.asgAddresses }
    : { tags: ctx.tags, scope, asgKeys, assumptions: ctx.assumptions };
  envs.set(ctx, env);
  return env;
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
  // First letter before the regex: this runs for every NSG decision.
  return d.kind === 'tag' && (d.tag.charCodeAt(0) | 32) === 97 && /^azureplatform(dns|imds)$/i.test(d.tag);
}

/** Evaluate one NSG for one flow (evaluateNsg resolves the VirtualNetwork scope first). */
export function decide(
  nsg: NetworkSecurityGroup, appliedTo: 'subnet' | 'nic', appliedToId: string, flow: NsgFlow, ctx: NsgContext, scope: VnetScope,
): NsgDecision {
  const env = envOf(ctx, scope);
  const source = endpointOf(flow.source, ctx.tags, scope);
  const destination = endpointOf(flow.destination, ctx.tags, scope);
  const mflow: MatchFlow = flow.sourcePort !== undefined
    ? { direction: flow.direction, protocol: flow.protocol, source, destination, destinationPort: flow.destinationPort, sourcePort: flow.sourcePort }
    : { direction: flow.direction, protocol: flow.protocol, source, destination, destinationPort: flow.destinationPort };
  const platform = platformDestination(flow);
  const rules = ruleList(nsg, flow.direction);
  // Only rules whose protocol and destination ports can match are looked at (the others say `no`).
  const candidates = rules.candidates(flow.protocol, flow.destinationPort);
  const found = candidates.indices;
  const outbound = flow.direction === 'Outbound';
  // Rules that may match part of the flow, first one per access. Such a rule splits the flow: the
  // part it covers gets its access, the rest goes on. If the rule that finally matches everything
  // left has the SAME access, every part ends with that access, so the partial rule cannot change
  // the outcome; only a partial rule of the OTHER access makes the verdict Unknown.
  let partialAllow: SecurityRule | undefined;
  let partialDeny: SecurityRule | undefined;
  // With addresses for the remote side (an IP, prefixes, a tag with data) the split is exact: the
  // covered part is decided and later rules see only the remainder (§7.1 N5–N8 with prefix data).
  let flowNow = mflow;
  let splits: Split[] | undefined; // made on the first split (rare)
  let decider: ParsedRule | undefined;
  let stop = rules.length - 1;
  let simple = SIMPLE_SOURCE | SIMPLE_DESTINATION; // narrowed by every rule looked at
  for (let c = 0; c < found.length || rules.more(candidates); c++) {
    const i = found[c] as number;
    const pr = rules.at(i);
    if (platform && !pr.namesPlatform) continue;
    simple &= pr.simpleSides;
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
    if (pr.access === 'Allow') partialAllow ??= pr.rule;
    else partialDeny ??= pr.rule;
    if (!taken || taken.isEmpty) continue;
    const rest = remainderOf(remote, taken);
    flowNow = outbound ? { ...flowNow, destination: rest } : { ...flowNow, source: rest };
    (splits ??= []).push({ from: i + 1, flow: flowNow, rule: pr.rule });
    if (rest.ranges?.isEmpty) {
      stop = i;
      decider = pr;
      break;
    }
  }
  // The trace of looked-at rules is built only when read (Decision.evaluated): most flows never show it.
  const trace: TraceInputs = { rules, stop, platform, splits: splits ?? NO_SPLITS, mflow, env, simple };
  if (decider) {
    const pr = decider;
    const other = pr.access === 'Allow' ? partialDeny : partialAllow;
    if (other) {
      const exact = splits?.some((x) => x.rule === other) ?? false;
      return new Decision(nsg.id, appliedTo, appliedToId, 'Unknown', trace,
        exact
          ? `NSG ${nsg.name}: ${ruleLabel(other)} ${verb(other.access)} part of this flow and ${ruleLabel(pr.rule)} ${verb(pr.access)} the rest.`
          : `NSG ${nsg.name}: ${ruleLabel(other)} may ${other.access.toLowerCase()} part of this flow before ${ruleLabel(pr.rule)} would ${pr.access.toLowerCase()} it; the outcome depends on addresses we cannot resolve.`,
        other, pr.rule);
    }
    if (splits) {
      return new Decision(nsg.id, appliedTo, appliedToId, pr.access, trace,
        `NSG ${nsg.name}: ${ruleLabel(pr.rule)} ${verb(pr.access)} the rest of ${LOWER[flow.direction]} ${flow.protocol} ${flow.destinationPort}.`, pr.rule);
    }
    const sentence = decidedSentence(rules, stop, nsg, pr.rule, flow);
    return new Decision(nsg.id, appliedTo, appliedToId, pr.access, trace, sentence.text, pr.rule, undefined, undefined, sentence);
  }
  if (platform && !partialAllow && !partialDeny) {
    return new Decision(nsg.id, appliedTo, appliedToId, 'Allow', trace,
      `NSG ${nsg.name} does not filter the Azure platform address (no rule names AzurePlatformDNS/IMDS/LKM).`, undefined, undefined, true);
  }
  const p = partialDeny ?? partialAllow;
  return new Decision(nsg.id, appliedTo, appliedToId, 'Unknown', trace,
    p ? `NSG ${nsg.name}: only ${ruleLabel(p)} may match part of this flow; no rule decides all of it.` : `NSG ${nsg.name}: no rule matched this flow.`,
    p);
}

type Split = { readonly from: number; readonly flow: MatchFlow; readonly rule: SecurityRule };
const NO_SPLITS: readonly Split[] = [];
const LOWER = { Inbound: 'inbound', Outbound: 'outbound' } as const;

/**
 * "NSG n: rule r (p) allows outbound Tcp 443." — the same sentence for every subnet behind this NSG,
 * so made once per NSG record (its rule list), rule and flow (direction, protocol, port) and shared.
 */
function decidedSentence(rules: RuleList, i: number, nsg: NetworkSecurityGroup, rule: SecurityRule, flow: NsgFlow): NsgSentence {
  const kind = (flow.protocol === 'Tcp' ? 0 : flow.protocol === 'Udp' ? 1 : 2);
  return rules.sentence(i, kind, flow.destinationPort)
    ?? rules.keepSentence(i, kind, flow.destinationPort,
      new NsgSentence(`NSG ${nsg.name}: ${ruleLabel(rule)} ${verb(rule.access)} ${LOWER[flow.direction]} ${flow.protocol} ${flow.destinationPort}.`));
}

/** What `Decision.evaluated` needs to rebuild the list of looked-at rules on demand. */
interface TraceInputs {
  readonly rules: RuleList;
  readonly stop: number;
  readonly platform: boolean;
  readonly splits: readonly Split[];
  readonly mflow: MatchFlow;
  readonly env: MatchEnv;
  /** simpleSides of the rules looked at. */
  readonly simple: number;
}

/**
 * An NSG decision. A class (one hidden class, a prototype getter) rather than an object literal with
 * its own getter: ~20,000 are made per estate and only the inspector's few ever read `evaluated`.
 * Optional fields are set only when present, as the plain-object form had them.
 */
class Decision implements NsgDecision {
  readonly rule?: SecurityRule;
  readonly fallbackRule?: SecurityRule;
  readonly platformExempt?: boolean;
  readonly sentence?: NsgSentence;
  #evaluated: readonly RuleEvaluation[] | undefined;
  readonly #trace: TraceInputs;

  constructor(
    readonly nsgId: string, readonly appliedTo: 'subnet' | 'nic', readonly appliedToId: string,
    readonly access: NsgDecision['access'], trace: TraceInputs, readonly explanation: string,
    rule?: SecurityRule, fallbackRule?: SecurityRule, platformExempt?: boolean, sentence?: NsgSentence,
  ) {
    this.#trace = trace;
    if (rule) this.rule = rule;
    if (fallbackRule) this.fallbackRule = fallbackRule;
    if (platformExempt) this.platformExempt = platformExempt;
    if (sentence) this.sentence = sentence;
  }

  get simpleSides(): number {
    return this.#trace.simple;
  }

  get evaluated(): readonly RuleEvaluation[] {
    const { rules, stop, platform, splits, mflow, env } = this.#trace;
    const flowFor = (i: number) => splits.filter((x) => x.from <= i).pop()?.flow ?? mflow;
    this.#evaluated ??= Array.from({ length: stop + 1 }, (_, i) => ({ pr: rules.at(i), i }))
      .filter(({ pr }) => !platform || pr.namesPlatform)
      .map(({ pr, i }) => ({ rule: pr.rule, ...matchRule(pr, flowFor(i), env) }));
    return this.#evaluated;
  }
}
