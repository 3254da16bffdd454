/**
 * One NSG rule against one flow: protocol, ports, addresses and ASGs, each three-valued. The hot
 * path (`ruleMatches`) allocates nothing; `matchRule` adds the reason a trace shows ("destination
 * port 443 not in 80") and is only called when someone reads the evaluated-rules list.
 */
import { Ipv4RangeSet } from '../../net/ipv4RangeSet';
import type { TagIndex } from '../../servicetags/tagIndex';
import type { Assumptions } from '../assumptions';
import { type Endpoint, type FieldMatch, type VnetScope, endpointMayBePrivate, matchAddressField } from './addressMatch';
import type { AddressField, ParsedRule, PortSet } from './parsedRule';
import { portsCover, protocolKey } from './parsedRule';

/** The flow as the matcher sees it (endpoints resolved). */
export interface MatchFlow {
  readonly direction: 'Inbound' | 'Outbound';
  readonly protocol: 'Tcp' | 'Udp' | 'Icmp' | 'Esp' | 'Ah';
  readonly source: Endpoint;
  readonly sourcePort?: number;
  readonly destination: Endpoint;
  readonly destinationPort: number;
}

export interface MatchEnv {
  readonly tags: TagIndex;
  readonly scope: VnetScope;
  /** idKeys of the ASGs of the protected NIC. */
  readonly asgKeys: ReadonlySet<string>;
  /** Optional: member addresses of ASGs (idKey → prefixes) to decide remote-side ASG rules. */
  readonly asgAddresses?: ReadonlyMap<string, readonly string[]>;
  readonly assumptions: Assumptions;
}

export interface RuleMatch {
  readonly match: 'yes' | 'no' | 'unknown';
  readonly reason: string;
}

/** Ephemeral source ports (Linux 32768–60999, Windows 49152–65535, some stacks from 1024). */
const EPHEMERAL_LO = 1024;
const EPHEMERAL_HI = 65535;

/** Which check decided: drives the reason text without building it on the hot path. */
const enum Why { Invalid, Protocol, IcmpPorts, DstPort, SrcPort, EphemeralPort, Source, Destination, SourcePartial, DestinationPartial, All }

interface Outcome { readonly match: 'yes' | 'no' | 'unknown'; readonly why: Why }

function protocolMatch(pr: ParsedRule, flow: MatchFlow, a: Assumptions): boolean {
  if (pr.protocol === '*') return (flow.protocol !== 'Esp' && flow.protocol !== 'Ah') || a.anyProtocolMatchesEspAh;
  return pr.protocolKey === protocolKey(flow.protocol);
}

function sideMatch(field: AddressField, ep: Endpoint, protectedSide: boolean, env: MatchEnv): FieldMatch {
  if (!field.asgKeys.length) return matchAddressField(field, ep, env.tags, env.scope);
  // §1.6: an ASG rule applies only to NICs that are members of the ASG.
  if (protectedSide) return field.asgKeys.some((k) => env.asgKeys.has(k)) ? 'yes' : 'no';
  if (env.asgAddresses) {
    const prefixes = field.asgKeys.flatMap((k) => env.asgAddresses?.get(k) ?? []);
    const members: AddressField = { ...field, asgKeys: [], literal: Ipv4RangeSet.fromCidrs(prefixes), tags: [] };
    return matchAddressField(members, ep, env.tags, env.scope);
  }
  // Members of an ASG are NICs, so public endpoints (service tags) are never in one.
  return endpointMayBePrivate(ep) ? 'some' : 'no';
}

function check(pr: ParsedRule, flow: MatchFlow, env: MatchEnv, skipRemote = false): Outcome {
  if (pr.invalid) return { match: 'unknown', why: Why.Invalid };
  if (!protocolMatch(pr, flow, env.assumptions)) return NO_PROTOCOL;
  let partial: Why | undefined;
  if (flow.protocol === 'Icmp' || flow.protocol === 'Esp' || flow.protocol === 'Ah') {
    if ((!pr.sourcePorts.all || !pr.destinationPorts.all) && !env.assumptions.portRuleMatchesIcmp) return NO_ICMP;
  } else {
    if (!portsCover(pr.destinationPorts, flow.destinationPort, flow.destinationPort)) return NO_DST_PORT;
    if (flow.sourcePort !== undefined) {
      if (!portsCover(pr.sourcePorts, flow.sourcePort, flow.sourcePort)) return NO_SRC_PORT;
    } else if (!portsCover(pr.sourcePorts, EPHEMERAL_LO, EPHEMERAL_HI)) {
      partial = Why.EphemeralPort;
    }
  }
  const outbound = flow.direction === 'Outbound';
  const src = skipRemote && !outbound ? 'yes' : sideMatch(pr.source, flow.source, outbound, env);
  if (src === 'no') return NO_SOURCE;
  const dst = skipRemote && outbound ? 'yes' : sideMatch(pr.destination, flow.destination, !outbound, env);
  if (dst === 'no') return NO_DESTINATION;
  if (partial === undefined && src === 'some') partial = Why.SourcePartial;
  if (partial === undefined && dst === 'some') partial = Why.DestinationPartial;
  return partial === undefined ? YES : { match: 'unknown', why: partial };
}

const NO_PROTOCOL: Outcome = { match: 'no', why: Why.Protocol };
const NO_ICMP: Outcome = { match: 'no', why: Why.IcmpPorts };
const NO_DST_PORT: Outcome = { match: 'no', why: Why.DstPort };
const NO_SRC_PORT: Outcome = { match: 'no', why: Why.SrcPort };
const NO_SOURCE: Outcome = { match: 'no', why: Why.Source };
const NO_DESTINATION: Outcome = { match: 'no', why: Why.Destination };
const YES: Outcome = { match: 'yes', why: Why.All };

/**
 * Does the rule fully match everything but the remote endpoint (the destination of an outbound
 * flow, the source of an inbound one)? Then the part of the remote set it covers is exactly decided.
 */
export function matchesApartFromRemote(pr: ParsedRule, flow: MatchFlow, env: MatchEnv): boolean {
  return check(pr, flow, env, true).match === 'yes';
}

/** Match one parsed rule (hot path: no reason text). */
export function ruleMatches(pr: ParsedRule, flow: MatchFlow, env: MatchEnv): 'yes' | 'no' | 'unknown' {
  return check(pr, flow, env).match;
}

function portText(p: PortSet): string {
  return p.all ? '*' : p.ranges.map(([lo, hi]) => (lo === hi ? `${lo}` : `${lo}-${hi}`)).join(',');
}

function describe(ep: Endpoint): string {
  const s = ep.set;
  return s.kind === 'ip' ? s.ip : s.kind === 'cidrs' ? s.cidrs.join(', ') : s.kind === 'tag' ? s.tag : 'any address';
}

/** Match one parsed rule and say why. */
export function matchRule(pr: ParsedRule, flow: MatchFlow, env: MatchEnv): RuleMatch {
  const o = check(pr, flow, env);
  const reason = ((): string => {
    switch (o.why) {
      case Why.Invalid: return `rule cannot be read: ${pr.invalid ?? ''}`;
      case Why.Protocol: return `protocol ${flow.protocol} is not ${pr.protocol}`;
      case Why.IcmpPorts: return `a port-restricted rule does not match ${flow.protocol}`;
      case Why.DstPort: return `destination port ${flow.destinationPort} not in ${portText(pr.destinationPorts)}`;
      case Why.SrcPort: return `source port ${flow.sourcePort ?? ''} not in ${portText(pr.sourcePorts)}`;
      case Why.EphemeralPort: return `the ephemeral source port may or may not be in ${portText(pr.sourcePorts)}`;
      case Why.Source: return `source ${describe(flow.source)} not in ${pr.source.text}`;
      case Why.Destination: return `destination ${describe(flow.destination)} not in ${pr.destination.text}`;
      case Why.SourcePartial: return `${pr.source.text} may cover only part of source ${describe(flow.source)}`;
      case Why.DestinationPartial: return `${pr.destination.text} may cover only part of destination ${describe(flow.destination)}`;
      case Why.All: return 'protocol, ports, source and destination all match';
    }
  })();
  return { match: o.match, reason };
}
