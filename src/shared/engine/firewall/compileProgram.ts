/**
 * A firewall's rules compiled into one ordered list (DNAT → network → application, parents first,
 * §2.2–2.3) with address, port and protocol fields pre-parsed, plus the settings that shape
 * matching (DNS proxy, SNAT private ranges) and the configuration issues found on the way.
 * Compiled once per firewall and reused for every flow while its inputs are the same objects.
 */
import { idKey, lastSegment } from '../../model/armId';
import type { FirewallPolicy } from '../../model/firewall';
import type { AzureFirewall } from '../../model/resources';
import type { Snapshot } from '../../model/snapshot';
import { PRIVATE_PREFIXES } from '../../net/cidr';
import { Ipv4RangeSet } from '../../net/ipv4RangeSet';
import type { TagIndex } from '../../servicetags/tagIndex';
import { scanCollection } from '../dependencyLog';
import { isUnreadable } from '../missing';
import { compileAddressList, type AddressList } from './addressList';
import type { FirewallAssumptions } from './firewallAssumptions';
import { fqdnPatternError, normalizeFqdn } from './fqdnMatch';
import { orderClassicCollections, orderPolicyCollections, type OrderedCollection, type PolicyLevel } from './ordering';
import { parseClassicCollections, parsePolicyCollections } from './parseRules';
import { resolvePolicyChain } from './policyChain';
import { compilePorts, type PortList } from './ports';
import type { AppProtocol, RuleIssue, RuleSpec } from './ruleTypes';

/** Which IP protocols a network/NAT rule covers. */
export interface ProtocolSet { readonly tcp: boolean; readonly udp: boolean; readonly icmp: boolean }

/** One rule ready for matching. */
export interface CompiledRule {
  readonly spec: RuleSpec;
  readonly collection: OrderedCollection;
  readonly source: AddressList;
  /** Network / NAT: protocols and ports. */
  readonly protocols: ProtocolSet;
  readonly ports: PortList;
  /** Network / NAT destination addresses and IP groups; policy application rules' `destinationAddresses`. */
  readonly destination: AddressList;
  /** Network rules: usable `destinationFqdns` (normalized; wildcard entries dropped with an issue). */
  readonly fqdns: readonly string[];
  /** Application rules. */
  readonly app?: {
    readonly protocols: readonly AppProtocol[];
    readonly targetFqdns: readonly string[];
    readonly fqdnTags: readonly string[];
    readonly webCategories: readonly string[];
    readonly targetUrls: readonly string[];
  };
}

/** What evaluating a firewall needs, or why it cannot be evaluated. */
export type FirewallProgram =
  | {
    readonly ok: true;
    readonly mode: 'Policy' | 'Classic';
    readonly rules: readonly CompiledRule[];
    readonly issues: readonly RuleIssue[];
    /** Root first; empty in classic mode. */
    readonly policyChain: readonly FirewallPolicy[];
    readonly dnsProxy: boolean;
    readonly privateRanges: Ipv4RangeSet;
    /** Caveats that hold for every flow (threat intelligence, IDPS, SNAT auto-learn). */
    readonly caveats: readonly string[];
  }
  | { readonly ok: false; readonly code: string; readonly reason: string; readonly resourceId: string };

/** A snapshot read the program depends on: a keyed get, or a whole collection (key undefined). */
export interface ProgramDep { readonly collection: 'firewallPolicies' | 'ruleCollectionGroups' | 'ipGroups'; readonly key?: string; readonly value: unknown }

const ALL_PROTOCOLS: ProtocolSet = { tcp: true, udp: true, icmp: true };

function protocolSet(protocols: readonly string[], ports: PortList, issue: (m: string) => void): ProtocolSet {
  let tcp = false;
  let udp = false;
  let icmp = false;
  for (const p of protocols) {
    if (p === 'TCP') tcp = true;
    else if (p === 'UDP') udp = true;
    else if (p === 'ICMP') icmp = true;
    else if (p === 'ANY') {
      // AF1: `Any` with a destination port configured means TCP and UDP only.
      if (ports.all) return ALL_PROTOCOLS;
      tcp = true;
      udp = true;
    } else issue(`protocol "${p}" is not TCP, UDP, ICMP or Any; ignored`);
  }
  return { tcp, udp, icmp };
}

function classicDnsProxy(fw: AzureFirewall): boolean {
  for (const [k, v] of Object.entries(fw.additionalProperties)) {
    if (k.toLowerCase() === 'network.dns.enableproxy') return String(v).trim().toLowerCase() === 'true';
  }
  return false;
}

/** SNAT private ranges: `IANAPrivateRanges` expands to RFC 1918 + RFC 6598 (AF4). */
function privateRanges(list: readonly string[] | undefined): Ipv4RangeSet {
  if (!list) return Ipv4RangeSet.fromCidrs(PRIVATE_PREFIXES);
  const out: string[] = [];
  for (const e of list) {
    if (e.trim().toLowerCase() === 'ianaprivateranges') out.push(...PRIVATE_PREFIXES);
    else out.push(e.trim());
  }
  return Ipv4RangeSet.fromCidrs(out);
}

function classicPrivateRanges(fw: AzureFirewall): readonly string[] | undefined {
  for (const [k, v] of Object.entries(fw.additionalProperties)) {
    if (k.toLowerCase() === 'network.snat.privateranges') return String(v).split(',').map((s) => s.trim()).filter(Boolean);
  }
  return undefined;
}

function compileRule(
  spec: RuleSpec, collection: OrderedCollection, snapshot: Snapshot, tags: TagIndex, deps: ProgramDep[], issues: RuleIssue[],
): CompiledRule {
  const where = `${collection.group ? `${collection.group.name}/` : ''}${collection.name}/${spec.name}`;
  const issue = (code: string, message: string): void => { issues.push({ code, message: `rule ${where}: ${message}`, path: where }); };
  const groups = (ids: readonly string[]): { id: string; addresses?: readonly string[] }[] => ids.map((id) => {
    const key = idKey(id);
    const g = snapshot.ipGroups.get(key);
    deps.push({ collection: 'ipGroups', key, value: g });
    if (!g && !isUnreadable(snapshot, id)) issue('IpGroupNotFound', `IP group ${lastSegment(id)} is not in the snapshot`);
    return g ? { id, addresses: g.ipAddresses } : { id };
  });
  const source = compileAddressList(spec.sourceAddresses, groups(spec.sourceIpGroups), tags, { allowTags: false, onIssue: issue });
  const portIssue = (m: string): void => issue('InvalidPort', m);
  if (spec.kind === 'Application') {
    const targetFqdns: string[] = [];
    for (const f of spec.targetFqdns) {
      const err = fqdnPatternError(f);
      if (err) issue('InvalidTargetFqdn', err);
      else targetFqdns.push(normalizeFqdn(f));
    }
    return {
      spec, collection, source, protocols: { tcp: true, udp: false, icmp: false }, ports: { all: true, ranges: [] },
      destination: compileAddressList(spec.destinationAddresses, [], tags, { allowTags: true, onIssue: issue }),
      fqdns: [],
      app: { protocols: spec.protocols, targetFqdns, fqdnTags: spec.fqdnTags, webCategories: spec.webCategories, targetUrls: spec.targetUrls },
    };
  }
  const ports = compilePorts(spec.destinationPorts, portIssue);
  const protocols = protocolSet(spec.protocols, ports, (m) => issue('InvalidProtocol', m));
  const destGroups = spec.kind === 'Network' ? groups(spec.destinationIpGroups) : [];
  const destination = compileAddressList(spec.destinationAddresses, destGroups, tags, { allowTags: true, onIssue: issue });
  const fqdns: string[] = [];
  if (spec.kind === 'Network') {
    for (const f of spec.destinationFqdns) {
      if (f.includes('*')) issue('WildcardInNetworkRuleFqdn', `destination FQDN "${f}" has a wildcard, which network rules do not support; it never matches`);
      else fqdns.push(normalizeFqdn(f));
    }
  }
  return { spec, collection, source, protocols, ports, destination, fqdns };
}

function compileCollections(ordered: readonly OrderedCollection[], snapshot: Snapshot, tags: TagIndex, deps: ProgramDep[], issues: RuleIssue[]): CompiledRule[] {
  const out: CompiledRule[] = [];
  for (const c of ordered) {
    if (c.action === 'Snat') continue;
    for (const r of c.rules) out.push(compileRule(r, c, snapshot, tags, deps, issues));
  }
  return out;
}

function strictest(modes: readonly (string | undefined)[]): string | undefined {
  const rank = (m: string | undefined): number => ({ off: 0, alert: 1, deny: 2 } as Record<string, number>)[(m ?? '').toLowerCase()] ?? -1;
  return modes.reduce<string | undefined>((best, m) => (rank(m) > rank(best) ? m : best), undefined);
}

/** Compile the firewall's program; `deps` receives every snapshot read it relied on. */
export function compileProgram(
  snapshot: Snapshot, fw: AzureFirewall, tags: TagIndex, fa: FirewallAssumptions, deps: ProgramDep[],
): FirewallProgram {
  const issues: RuleIssue[] = [];
  const caveats: string[] = [];
  const classicCount = fw.classic.networkRuleCollections.length + fw.classic.applicationRuleCollections.length + fw.classic.natRuleCollections.length;
  if (!fw.firewallPolicyId) {
    const collections = [
      ...parseClassicCollections('Nat', fw.classic.natRuleCollections, 'properties.natRuleCollections', issues),
      ...parseClassicCollections('Network', fw.classic.networkRuleCollections, 'properties.networkRuleCollections', issues),
      ...parseClassicCollections('Application', fw.classic.applicationRuleCollections, 'properties.applicationRuleCollections', issues),
    ];
    const ordered = orderClassicCollections(collections, issues, fw.id);
    if ((fw.threatIntelMode ?? '').toLowerCase() === 'deny') caveats.push('ThreatIntelNotModelled');
    return {
      ok: true, mode: 'Classic', rules: compileCollections(ordered, snapshot, tags, deps, issues), issues, policyChain: [],
      dnsProxy: classicDnsProxy(fw), privateRanges: privateRanges(classicPrivateRanges(fw)), caveats,
    };
  }
  const resolved = resolvePolicyChain(snapshot, fw.firewallPolicyId);
  if (!resolved.ok) return { ok: false, code: resolved.code, reason: resolved.reason, resourceId: resolved.resourceId };
  if (classicCount > 0) {
    issues.push({ code: 'ClassicRulesIgnoredPolicyAttached', message: `firewall ${fw.name} has a policy attached; its ${classicCount} classic rule collection(s) are ignored`, path: 'properties' });
  }
  deps.push({ collection: 'ruleCollectionGroups', value: scanCollection(snapshot.ruleCollectionGroups) });
  const levels: PolicyLevel[] = resolved.chain.map(({ policy, groups }) => {
    deps.push({ collection: 'firewallPolicies', key: idKey(policy.id), value: policy });
    return {
      policyId: policy.id, policyName: policy.name,
      groups: groups.map((g) => ({
        id: g.id, name: g.name, priority: g.priority,
        collections: parsePolicyCollections(g.ruleCollections, `${g.name}.properties.ruleCollections`, issues),
      })),
    };
  });
  const ordered = orderPolicyCollections(levels, fa.inheritParentNat, issues);
  const chain = resolved.chain.map((l) => l.policy);
  const leafFirst = [...chain].reverse();
  // DNS settings: the nearest policy that sets them wins (AF5); SNAT ranges likewise.
  const dnsFrom = leafFirst.find((p) => p.dnsSettingsDeclared ?? p.dnsProxyEnabled);
  const snatFrom = leafFirst.find((p) => p.snatPrivateRanges !== undefined);
  if ((strictest(chain.map((p) => p.threatIntelMode)) ?? '').toLowerCase() === 'deny') caveats.push('ThreatIntelNotModelled');
  if ((strictest(chain.map((p) => p.intrusionDetectionMode)) ?? '').toLowerCase() === 'deny') caveats.push('IdpsDenyNotModelled');
  if (chain.some((p) => p.snatAutoLearn)) caveats.push('SnatAutoLearnNotModelled');
  return {
    ok: true, mode: 'Policy', rules: compileCollections(ordered, snapshot, tags, deps, issues), issues, policyChain: chain,
    dnsProxy: dnsFrom?.dnsProxyEnabled ?? false, privateRanges: privateRanges(snatFrom?.snatPrivateRanges), caveats,
  };
}
