/**
 * Azure Firewall evaluation (firewall semantics §2): the flow walks the firewall's compiled rules in
 * processing order, first match wins, default deny. A rule that may or may not match (partial tag
 * overlap, FQDN without DNS proxy, unknown FQDN tag contents) does not stop the walk: the verdict
 * is the first certain match, unless an uncertain earlier rule would have decided differently —
 * then it is `Unknown`, naming that rule. Pure; called by the flow orchestration on a firewall hop.
 */
import { lastSegment } from '../../model/armId';
import type { AzureFirewall } from '../../model/resources';
import type { Snapshot } from '../../model/snapshot';
import { describeAddressSet, type AddressSet } from '../../net/addressSet';
import type { TagIndex } from '../../servicetags/tagIndex';
import type { Assumptions } from '../assumptions';
import type { DecidedBy, TraceStep } from '../verdict';
import type { CompiledRule } from './compileProgram';
import { firewallAssumptions } from './firewallAssumptions';
import { matchFqdn, normalizeFqdn, representativeName } from './fqdnMatch';
import { portMatches } from './ports';
import { programFor } from './programCache';
import { matchApplicationRule, matchNatRule, matchNetworkRule, type FlowFacts, type RuleMatch } from './matchRule';
import { computeSnat, dnsProxyCaveat, type SnatOutcome } from './snat';
import { tagHintForFqdn } from './tagHints';

/** A flow as it reaches the firewall. */
export interface FirewallFlow {
  readonly protocol: 'Tcp' | 'Udp' | 'Icmp' | 'Any';
  readonly sourceIp?: string;
  readonly source: AddressSet;
  /**
   * Service-tag / address flows, or FQDN flows. An FQDN flow may say what the name resolves to
   * (`resolved`); otherwise the engine uses the tag hint of §4.3 (caveat `TagHintUsed`).
   */
  readonly destination: AddressSet | { kind: 'fqdn'; fqdn: string; resolved?: AddressSet };
  readonly destinationPort: number;
  /** For application rules: http/https/mssql scheme of an FQDN flow on 80/443. */
  readonly scheme?: 'Http' | 'Https' | 'Mssql';
}

/** Where a firewall decision came from, beyond DecidedBy: lets the inspector show the whole path. */
export interface FirewallMatched {
  readonly ruleType: 'Nat' | 'Network' | 'Application' | 'Infrastructure' | 'Default';
  readonly action: 'Allow' | 'Deny' | 'Dnat';
  readonly policyId?: string;
  readonly inherited: boolean;
  readonly ruleCollectionGroup?: { readonly name: string; readonly priority: number };
  readonly ruleCollection?: { readonly name: string; readonly priority: number; readonly action: string };
  readonly rule?: { readonly name: string; readonly position: number };
}

export interface FirewallDecision {
  readonly access: 'Allow' | 'Deny' | 'Unknown';
  readonly decidedBy: DecidedBy;
  readonly trace: readonly TraceStep[];
  readonly explanation: string;
  /** `firewall:<fw>/policy:<p>/rcg:<g>@<prio>/rc:<c>@<prio>/rule:<r>` (§4.5 reference string). */
  readonly ref: string;
  readonly mode?: 'Policy' | 'Classic';
  /** Policy ids, root first. */
  readonly policyChain: readonly string[];
  readonly matched?: FirewallMatched;
  /** After an Allow: whether the firewall SNATs, and the source downstream layers see (§2.9). */
  readonly snat?: SnatOutcome;
  readonly dnsProxy?: boolean;
  /** ThreatIntelNotModelled, IdpsDenyNotModelled, TagHintUsed, AppRuleNonStandardPort, … */
  readonly caveats: readonly string[];
}

const HTTP_SCHEMES: Readonly<Record<number, 'Http' | 'Https' | 'Mssql'>> = { 80: 'Http', 443: 'Https', 1433: 'Mssql' };

function flowFacts(flow: FirewallFlow, useHints: boolean, label: string, caveats: string[], trace: TraceStep[]): FlowFacts {
  let protocol: FlowFacts['protocol'] = flow.protocol === 'Udp' ? 'UDP' : flow.protocol === 'Icmp' ? 'ICMP' : 'TCP';
  if (flow.protocol === 'Any') {
    protocol = 'TCP';
    trace.push({ layer: 'firewall', outcome: 'info', detail: 'The requirement says protocol ANY; the firewall is evaluated for TCP (semantics open point 7).' });
  }
  const source: AddressSet = flow.sourceIp ? { kind: 'ip', ip: flow.sourceIp } : flow.source;
  const scheme = flow.scheme ?? HTTP_SCHEMES[flow.destinationPort] ?? 'Https';
  const d = flow.destination;
  if (d.kind !== 'fqdn') return { protocol, port: flow.destinationPort, source, destAddress: d, scheme };
  const fqdn = normalizeFqdn(d.fqdn);
  let destAddress = d.resolved;
  if (!destAddress && useHints) {
    const hint = tagHintForFqdn(fqdn);
    if (hint) {
      destAddress = { kind: 'tag', tag: hint };
      caveats.push('TagHintUsed');
      trace.push({ layer: 'firewall', outcome: 'info', detail: `${d.fqdn} is assumed to resolve into service tag ${hint} (tag hint, semantics §4.3, UNCONFIRMED).` });
    }
  }
  return { protocol, port: flow.destinationPort, source, ...(destAddress ? { destAddress } : {}), fqdn, appName: representativeName(fqdn, label), scheme };
}

function refOf(fw: AzureFirewall, r: CompiledRule): string {
  const c = r.collection;
  if (!c.policyId) return `firewall:${fw.name}/classic:${c.kind.toLowerCase()}/rc:${c.name}@${c.priority}/rule:${r.spec.name}`;
  return `firewall:${fw.name}/policy:${c.policyName ?? lastSegment(c.policyId)}/rcg:${c.group?.name ?? ''}@${c.group?.priority ?? ''}/rc:${c.name}@${c.priority}/rule:${r.spec.name}`;
}

function decidedByRule(fw: AzureFirewall, r: CompiledRule): DecidedBy {
  const c = r.collection;
  return {
    layer: 'firewall', resourceId: c.policyId ?? fw.id, name: r.spec.name, priority: c.priority,
    ...(c.policyId ? { policyId: c.policyId } : {}),
    ...(c.group ? { ruleCollectionGroup: c.group.name, ruleCollectionGroupPriority: c.group.priority } : {}),
    ruleCollection: c.name, ruleCollectionPriority: c.priority,
  };
}

function matchedOf(r: CompiledRule): FirewallMatched {
  const c = r.collection;
  return {
    ruleType: c.kind, action: c.action === 'Dnat' ? 'Dnat' : c.action === 'Deny' ? 'Deny' : 'Allow',
    ...(c.policyId ? { policyId: c.policyId } : {}), inherited: c.inherited,
    ...(c.group ? { ruleCollectionGroup: { name: c.group.name, priority: c.group.priority } } : {}),
    ruleCollection: { name: c.name, priority: c.priority, action: c.action },
    rule: { name: r.spec.name, position: r.spec.position },
  };
}

function describeRule(r: CompiledRule): string {
  const c = r.collection;
  const where = c.policyId
    ? `in collection ${c.name} (priority ${c.priority}) of group ${c.group?.name} (priority ${c.group?.priority}), policy ${c.policyName}${c.inherited ? ' (inherited base policy)' : ''}`
    : `in classic ${c.kind.toLowerCase()} collection ${c.name} (priority ${c.priority})`;
  return `${c.kind === 'Nat' ? 'DNAT' : c.kind.toLowerCase()} rule ${r.spec.name} ${where}`;
}

function describeFlow(flow: FirewallFlow): string {
  const d = flow.destination.kind === 'fqdn' ? flow.destination.fqdn : describeAddressSet(flow.destination);
  return `${flow.protocol.toUpperCase()} ${flow.destinationPort} to ${d}`;
}

function unknownDecision(fw: AzureFirewall, code: string, reason: string, resourceId: string, trace: TraceStep[]): FirewallDecision {
  const explanation = `Azure Firewall ${fw.name}: ${code} — ${reason}, so the flow's fate at the firewall is unknown.`;
  trace.push({ layer: 'firewall', outcome: 'unknown', resourceId, detail: explanation });
  return {
    access: 'Unknown', decidedBy: { layer: 'firewall', resourceId, name: code }, trace, explanation,
    ref: `firewall:${fw.name}/${code}`, policyChain: [], caveats: [],
  };
}

// Flows share few (protocol, port) pairs: pre-filter the rules once per pair, keeping their order.
const candidateCache = new WeakMap<object, Map<string, readonly CompiledRule[]>>();
function candidates(program: { rules: readonly CompiledRule[] }, protocol: FlowFacts['protocol'], port: number): readonly CompiledRule[] {
  let byKey = candidateCache.get(program);
  if (!byKey) { byKey = new Map(); candidateCache.set(program, byKey); }
  const key = `${protocol}:${port}`;
  let list = byKey.get(key);
  if (!list) {
    list = program.rules.filter((r) => {
      if (r.collection.kind === 'Application') return protocol === 'TCP' && (r.app?.protocols.some((p) => p.port === port) ?? false);
      const p = r.protocols;
      if (protocol === 'TCP' ? !p.tcp : protocol === 'UDP' ? !p.udp : !p.icmp) return false;
      return protocol === 'ICMP' || portMatches(r.ports, port);
    });
    byKey.set(key, list);
  }
  return list;
}

/** Evaluate `flow` at firewall `firewall`. */
export function evaluateFirewall(
  snapshot: Snapshot, firewall: AzureFirewall, flow: FirewallFlow, ctx: { tags: TagIndex; assumptions: Assumptions },
): FirewallDecision {
  const fa = firewallAssumptions(ctx.assumptions);
  const trace: TraceStep[] = [];
  const program = programFor(snapshot, firewall, ctx.tags, fa);
  if (!program.ok) return unknownDecision(firewall, program.code, program.reason, program.resourceId, trace);
  const caveats: string[] = [...program.caveats];
  const policyChain = program.policyChain.map((p) => p.id);
  trace.push(...program.headerTrace);
  const facts = flowFacts(flow, fa.useFqdnTagHints, fa.representativeLabel, caveats, trace);

  const pending: { rule: CompiledRule; m: RuleMatch }[] = [];
  let decided: { rule: CompiledRule; m: RuleMatch } | undefined;
  for (const rule of candidates(program, facts.protocol, facts.port)) {
    const kind = rule.collection.kind;
    const m = kind === 'Network' ? matchNetworkRule(rule, facts, ctx.tags, program.dnsProxy, fa)
      : kind === 'Application' ? matchApplicationRule(rule, facts, ctx.tags, fa)
        : matchNatRule(rule, facts, ctx.tags);
    if (m.result === 'no') continue;
    if (m.result === 'unknown') { pending.push({ rule, m }); continue; }
    decided = { rule, m };
    break;
  }

  let access: 'Allow' | 'Deny';
  let decidedBy: DecidedBy;
  let ref: string;
  let matched: FirewallMatched;
  let explanation: string;
  if (decided) {
    const r = decided.rule;
    access = r.collection.action === 'Deny' ? 'Deny' : 'Allow';
    decidedBy = decidedByRule(firewall, r);
    ref = refOf(firewall, r);
    matched = matchedOf(r);
    caveats.push(...(decided.m.caveats ?? []));
    explanation = `Azure Firewall ${firewall.name} ${access === 'Allow' ? 'allows' : 'denies'} ${describeFlow(flow)}: ${describeRule(r)} (${ref}).`;
  } else {
    const infra = facts.appName && facts.protocol === 'TCP' && (facts.port === 80 || facts.port === 443)
      ? fa.infrastructureFqdns.find((f) => matchFqdn(f, facts.appName ?? '')) : undefined;
    if (infra) {
      access = 'Allow';
      decidedBy = { layer: 'firewall', resourceId: firewall.id, name: 'InfrastructureRuleCollection' };
      ref = `firewall:${firewall.name}/InfrastructureRuleCollection`;
      matched = { ruleType: 'Infrastructure', action: 'Allow', inherited: false };
      explanation = `Azure Firewall ${firewall.name} allows ${describeFlow(flow)} through its built-in infrastructure rule collection (${infra}).`;
    } else {
      access = 'Deny';
      decidedBy = { layer: 'firewall', resourceId: firewall.id, name: 'DefaultDeny' };
      ref = `firewall:${firewall.name}/DefaultDeny`;
      matched = { ruleType: 'Default', action: 'Deny', inherited: false };
      const apps = facts.protocol !== 'TCP' ? ' (application rules never see non-TCP traffic)' : !facts.appName ? ' (a flow without an FQDN cannot match application rules)' : '';
      explanation = `Azure Firewall ${firewall.name} denies ${describeFlow(flow)}: no rule matches, so the default deny applies${apps} (${ref}).`;
    }
  }

  const conflicting = pending.find((p) => (p.rule.collection.action === 'Deny' ? 'Deny' : 'Allow') !== access);
  for (const p of pending) {
    trace.push({
      layer: 'firewall', outcome: p === conflicting ? 'unknown' : 'info', resourceId: p.rule.collection.policyId ?? firewall.id,
      name: p.rule.spec.name, priority: p.rule.collection.priority, detail: `May match: ${describeRule(p.rule)} — ${p.m.reason ?? 'uncertain'}.`,
    });
  }
  if (conflicting) {
    const r = conflicting.rule;
    const code = (conflicting.m.reason ?? 'Unknown').split(':')[0] ?? 'Unknown';
    caveats.push(code);
    const explanation2 = `Azure Firewall ${firewall.name}: ${describeRule(r)} may match ${describeFlow(flow)} (${conflicting.m.reason ?? 'uncertain'}); if it does the flow is ${r.collection.action === 'Deny' ? 'denied' : 'allowed'}, otherwise ${access === 'Allow' ? 'allowed' : 'denied'} by ${ref}.`;
    return {
      access: 'Unknown', decidedBy: decidedByRule(firewall, r), trace: [...trace, { layer: 'firewall', outcome: 'unknown', resourceId: r.collection.policyId ?? firewall.id, name: r.spec.name, priority: r.collection.priority, detail: explanation2 }],
      explanation: explanation2, ref: refOf(firewall, r), mode: program.mode, policyChain, matched: matchedOf(r), dnsProxy: program.dnsProxy,
      caveats: [...new Set(caveats)],
    };
  }

  let snat: SnatOutcome | undefined;
  if (access === 'Allow') {
    snat = computeSnat(snapshot, firewall, matched.ruleType, facts, program.privateRanges);
    if (matched.ruleType === 'Network' && decided?.m.caveats?.includes('FqdnNetworkRule')) {
      const c = dnsProxyCaveat(snapshot, firewall, facts.source);
      if (c) caveats.push(c);
    }
  }
  for (const c of program.caveats) trace.push({ layer: 'firewall', outcome: 'info', resourceId: firewall.id, detail: CAVEAT_TEXT[c] ?? c });
  trace.push({
    layer: 'firewall', outcome: access === 'Allow' ? 'pass' : 'block', resourceId: decidedBy.resourceId ?? firewall.id,
    ...(decidedBy.name ? { name: decidedBy.name } : {}), ...(decidedBy.priority !== undefined ? { priority: decidedBy.priority } : {}),
    detail: snat ? `${explanation} ${snat.detail}` : explanation,
  });
  return {
    access, decidedBy, trace, explanation, ref, mode: program.mode, policyChain, matched,
    ...(snat ? { snat } : {}), dnsProxy: program.dnsProxy, caveats: [...new Set(caveats)],
  };
}

const CAVEAT_TEXT: Readonly<Record<string, string>> = {
  ThreatIntelNotModelled: 'Threat intelligence is in Deny mode; its feed is not in the snapshot, so it may still drop this flow (not modelled).',
  IdpsDenyNotModelled: 'IDPS is in Deny mode and may drop flows the rules allow (not modelled).',
  SnatAutoLearnNotModelled: 'SNAT private ranges are auto-learned (preview); the engine uses the configured ranges only.',
};
