/**
 * One security admin rule against a flow (§3.1–3.2): protocol, source and destination prefixes
 * (IPs, CIDRs, service tags), ports. Three-valued like the firewall matchers.
 */
import type { AdminRule } from '../../model/firewall';
import type { AddressSet } from '../../net/addressSet';
import type { TagIndex, Tristate } from '../../servicetags/tagIndex';
import { compileAddressList, matchAddressList, type AddressList } from '../firewall/addressList';
import { compilePorts, portMatches, type PortList } from '../firewall/ports';

/** An admin rule with its fields parsed once. */
export interface CompiledAdminRule {
  readonly rule: AdminRule;
  readonly sources: AddressList;
  readonly destinations: AddressList;
  readonly destinationPorts: PortList;
  /** Source ports other than "all" make a match uncertain: flows use ephemeral source ports. */
  readonly sourcePortsAll: boolean;
  /** `NetworkGroup` addresses (semantics UNCONFIRMED). */
  readonly usesNetworkGroup: boolean;
}

function isFullRange(list: PortList): boolean {
  return list.all || list.ranges.some(([lo, hi]) => lo <= 1 && hi >= 65535);
}

/** Parse a rule's fields. Empty address lists mean "any" as in the portal's defaults. */
export function compileAdminRule(rule: AdminRule, tags: TagIndex): CompiledAdminRule {
  const ignore = (): void => undefined;
  const list = (entries: readonly string[]): AddressList => {
    const usable = entries.filter((e) => !e.startsWith('networkGroup:'));
    return compileAddressList(entries.length ? usable : ['*'], [], tags, { allowTags: true, onIssue: ignore });
  };
  const dst = compilePorts(rule.destinationPortRanges.length ? rule.destinationPortRanges : ['*'], ignore);
  const src = compilePorts(rule.sourcePortRanges.length ? rule.sourcePortRanges : ['*'], ignore);
  return {
    rule, sources: list(rule.sources), destinations: list(rule.destinations), destinationPorts: dst,
    sourcePortsAll: isFullRange(src),
    usesNetworkGroup: [...rule.sources, ...rule.destinations].some((e) => e.startsWith('networkGroup:')),
  };
}

/** The flow as admin rules see it. */
export interface AdminFlow {
  readonly direction: 'Inbound' | 'Outbound';
  readonly protocol: 'Tcp' | 'Udp' | 'Icmp';
  readonly source: AddressSet;
  readonly destination: AddressSet;
  readonly destinationPort: number;
}

/** Match result with the reason an uncertain match is uncertain. */
export function matchAdminRule(c: CompiledAdminRule, flow: AdminFlow, tags: TagIndex, portRuleMatchesIcmp: boolean): { result: Tristate; reason?: string } {
  const r = c.rule;
  if (r.direction !== flow.direction) return { result: 'no' };
  if (r.protocol !== 'Any' && r.protocol !== flow.protocol) return { result: 'no' };
  if (flow.protocol === 'Icmp') {
    if (!c.destinationPorts.all && !portRuleMatchesIcmp) return { result: 'no' };
  } else if (!portMatches(c.destinationPorts, flow.destinationPort)) {
    return { result: 'no' };
  }
  const src = matchAddressList(c.sources, flow.source, tags);
  if (src === 'no') return { result: 'no' };
  const dst = matchAddressList(c.destinations, flow.destination, tags);
  if (dst === 'no') return { result: 'no' };
  if (c.usesNetworkGroup) return { result: 'unknown', reason: 'AdminRuleNetworkGroupAddress: the rule uses a NetworkGroup address, whose semantics are unconfirmed' };
  if (src === 'unknown' || dst === 'unknown') return { result: 'unknown', reason: 'PartialTagOverlap: the rule covers only part of the flow\'s addresses (or tag data is missing)' };
  if (!c.sourcePortsAll && flow.protocol !== 'Icmp') return { result: 'unknown', reason: 'AdminRuleSourcePorts: the rule restricts source ports, which the flow does not fix' };
  return { result: 'yes' };
}
