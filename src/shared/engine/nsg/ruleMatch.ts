/**
 * One NSG rule against one flow: protocol, ports, addresses and ASGs, each three-valued, with the
 * reason that a trace shows ("destination port 443 not in 80").
 */
import type { Assumptions } from '../assumptions';
import { Ipv4RangeSet } from '../../net/ipv4RangeSet';
import type { TagIndex } from '../../servicetags/tagIndex';
import { type Endpoint, type FieldMatch, type VnetScope, endpointMayBePrivate, matchAddressField } from './addressMatch';
import type { AddressField, ParsedRule, PortSet } from './parsedRule';
import { portsCover } from './parsedRule';

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
const EPHEMERAL: readonly [number, number] = [1024, 65535];

function protocolMatch(pr: ParsedRule, flow: MatchFlow, a: Assumptions): boolean {
  if (pr.protocol === '*') return (flow.protocol !== 'Esp' && flow.protocol !== 'Ah') || a.anyProtocolMatchesEspAh;
  return pr.protocol.toLowerCase() === flow.protocol.toLowerCase();
}

function portText(p: PortSet): string {
  return p.all ? '*' : p.ranges.map(([lo, hi]) => (lo === hi ? `${lo}` : `${lo}-${hi}`)).join(',');
}

function sideMatch(field: AddressField, ep: Endpoint, protectedSide: boolean, env: MatchEnv): FieldMatch {
  if (!field.asgKeys.length) return matchAddressField(field, ep, env.tags, env.scope);
  // §1.6: an ASG rule applies only to NICs that are members of the ASG.
  if (protectedSide) return field.asgKeys.some((k) => env.asgKeys.has(k)) ? 'yes' : 'no';
  if (env.asgAddresses) {
    const prefixes = field.asgKeys.flatMap((k) => env.asgAddresses?.get(k) ?? []);
    const members: AddressField = { ...field, asgKeys: [], literal: Ipv4RangeSet.fromCidrs(prefixes), tags: [], memo: new Map() };
    return matchAddressField(members, ep, env.tags, env.scope);
  }
  // Members of an ASG are NICs, so public endpoints (service tags) are never in one.
  return endpointMayBePrivate(ep) ? 'some' : 'no';
}

/** Match one parsed rule. */
export function matchRule(pr: ParsedRule, flow: MatchFlow, env: MatchEnv): RuleMatch {
  if (pr.invalid) return { match: 'unknown', reason: `rule cannot be read: ${pr.invalid}` };
  if (!protocolMatch(pr, flow, env.assumptions)) return { match: 'no', reason: `protocol ${flow.protocol} is not ${pr.protocol}` };
  let partial: string | undefined;
  if (flow.protocol === 'Icmp' || flow.protocol === 'Esp' || flow.protocol === 'Ah') {
    const restricted = !pr.sourcePorts.all || !pr.destinationPorts.all;
    if (restricted && !env.assumptions.portRuleMatchesIcmp) return { match: 'no', reason: `a port-restricted rule does not match ${flow.protocol}` };
  } else {
    if (!portsCover(pr.destinationPorts, flow.destinationPort, flow.destinationPort)) {
      return { match: 'no', reason: `destination port ${flow.destinationPort} not in ${portText(pr.destinationPorts)}` };
    }
    if (flow.sourcePort !== undefined) {
      if (!portsCover(pr.sourcePorts, flow.sourcePort, flow.sourcePort)) {
        return { match: 'no', reason: `source port ${flow.sourcePort} not in ${portText(pr.sourcePorts)}` };
      }
    } else if (!portsCover(pr.sourcePorts, EPHEMERAL[0], EPHEMERAL[1])) {
      partial = `the ephemeral source port may or may not be in ${portText(pr.sourcePorts)}`;
    }
  }
  const outbound = flow.direction === 'Outbound';
  const src = sideMatch(pr.source, flow.source, outbound, env);
  if (src === 'no') return { match: 'no', reason: `source ${describe(flow.source)} not in ${pr.source.text}` };
  const dst = sideMatch(pr.destination, flow.destination, !outbound, env);
  if (dst === 'no') return { match: 'no', reason: `destination ${describe(flow.destination)} not in ${pr.destination.text}` };
  if (src === 'some') partial ??= `${pr.source.text} may cover only part of source ${describe(flow.source)}`;
  if (dst === 'some') partial ??= `${pr.destination.text} may cover only part of destination ${describe(flow.destination)}`;
  if (partial) return { match: 'unknown', reason: partial };
  return { match: 'yes', reason: 'protocol, ports, source and destination all match' };
}

function describe(ep: Endpoint): string {
  const s = ep.set;
  return s.kind === 'ip' ? s.ip : s.kind === 'cidrs' ? s.cidrs.join(', ') : s.kind === 'tag' ? s.tag : 'any address';
}
