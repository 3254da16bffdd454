/**
 * Does one compiled rule match a flow? Three-valued (§4.4): `unknown` carries the reason code the
 * verdict reports (PartialTagOverlap, FqdnNetworkRuleWithoutDnsProxy, FqdnTagContentsUnknown, …).
 */
import type { AddressSet } from '../../net/addressSet';
import { PUBLIC_SPACE } from '../../net/publicSpace';
import type { TagIndex, Tristate } from '../../servicetags/tagIndex';
import { matchAddressList, type AddressList } from './addressList';
import type { CompiledRule } from './compileProgram';
import type { FirewallAssumptions } from './firewallAssumptions';
import { matchFqdn } from './fqdnMatch';
import { portMatches } from './ports';

/** The flow as the matchers see it. */
export interface FlowFacts {
  readonly protocol: 'TCP' | 'UDP' | 'ICMP';
  readonly port: number;
  readonly source: AddressSet;
  /** Destination addresses: given, resolved, or hinted; undefined = an FQDN whose address is unknown. */
  readonly destAddress?: AddressSet;
  /** The FQDN the client asked for (FQDN flows). */
  readonly fqdn?: string;
  /** The concrete name application rules test (a wildcard requirement gets a representative label). */
  readonly appName?: string;
  readonly scheme: 'Http' | 'Https' | 'Mssql';
}

export interface RuleMatch {
  readonly result: Tristate;
  /** Why the match is unknown (code: text). */
  readonly reason?: string;
  /** Notes that hold when it matched (e.g. `AppRuleNonStandardPort`). */
  readonly caveats?: readonly string[];
}

const NO: RuleMatch = { result: 'no' };
const YES: RuleMatch = { result: 'yes' };

function and(a: RuleMatch, b: RuleMatch): RuleMatch {
  if (a.result === 'no' || b.result === 'no') return NO;
  if (a.result === 'unknown') return a;
  if (b.result === 'unknown') return b;
  const caveats = [...(a.caveats ?? []), ...(b.caveats ?? [])];
  return caveats.length ? { result: 'yes', caveats } : YES;
}

function or(a: RuleMatch, b: RuleMatch): RuleMatch {
  if (a.result === 'yes') return a;
  if (b.result === 'yes') return b;
  if (a.result === 'unknown') return a;
  return b;
}

function addresses(list: AddressList, set: AddressSet | undefined, tags: TagIndex, what: string): RuleMatch {
  if (list.any) return YES;
  if (list.empty) return NO;
  if (!set) {
    // An unresolved public name: only entries that may hold public addresses could match it.
    if (!list.tags.length && !list.unreadable.length && !list.ranges.intersects(PUBLIC_SPACE)) return NO;
    return { result: 'unknown', reason: `DestinationAddressUnknown: the ${what} lists addresses and the FQDN's address is not known` };
  }
  const r = matchAddressList(list, set, tags);
  if (r === 'yes') return YES;
  if (r === 'no') return NO;
  const why = list.unreadable.length ? `IpGroupUnreadable: an IP group of the ${what} could not be read` : `PartialTagOverlap: the ${what} covers only part of the flow's addresses (or tag data is missing)`;
  return { result: 'unknown', reason: why };
}

/** Network rule (§2.4). */
export function matchNetworkRule(rule: CompiledRule, flow: FlowFacts, tags: TagIndex, dnsProxy: boolean, fa: FirewallAssumptions): RuleMatch {
  const p = rule.protocols;
  if (flow.protocol === 'TCP' ? !p.tcp : flow.protocol === 'UDP' ? !p.udp : !p.icmp) return NO;
  // ICMP has no ports: a port list never excludes it (engine choice, §2.4).
  if (flow.protocol !== 'ICMP' && !portMatches(rule.ports, flow.port)) return NO;
  const src = addresses(rule.source, flow.source, tags, 'rule source');
  if (src.result === 'no') return NO;
  let dst = rule.destination.empty ? NO : addresses(rule.destination, flow.destAddress, tags, 'rule destination');
  if (rule.fqdns.length && flow.fqdn && rule.fqdns.includes(flow.fqdn)) {
    let byName: RuleMatch = { result: 'yes', caveats: ['FqdnNetworkRule'] };
    if (!dnsProxy) {
      const mode = fa.fqdnNetworkRuleWithoutDnsProxy;
      byName = mode === 'treatAsMatch' ? { result: 'yes', caveats: ['FqdnNetworkRuleWithoutDnsProxy'] }
        : mode === 'treatAsNoMatch' ? NO
          : { result: 'unknown', reason: 'FqdnNetworkRuleWithoutDnsProxy: the rule names the FQDN but DNS proxy is off, so firewall and client may resolve it differently' };
    }
    dst = or(dst, byName);
  }
  return and(src, dst);
}

/** Application rule (§2.5): TCP flows with a name, by scheme and port, then target. */
export function matchApplicationRule(rule: CompiledRule, flow: FlowFacts, tags: TagIndex, fa: FirewallAssumptions): RuleMatch {
  const app = rule.app;
  if (!app || flow.protocol !== 'TCP' || !flow.appName) return NO;
  const scheme = flow.scheme.toLowerCase();
  if (!app.protocols.some((p) => p.port === flow.port && p.protocolType.toLowerCase() === scheme)) return NO;
  const src = addresses(rule.source, flow.source, tags, 'rule source');
  if (src.result === 'no') return NO;
  const name = flow.appName;
  let target: RuleMatch = app.targetFqdns.some((f) => matchFqdn(f, name)) ? YES : NO;
  for (const t of app.fqdnTags) {
    if (target.result === 'yes') break;
    const contents = fa.fqdnTagContents[t.toLowerCase()];
    target = or(target, contents
      ? (contents.some((f) => matchFqdn(f, name)) ? YES : NO)
      : { result: 'unknown', reason: `FqdnTagContentsUnknown: the rule allows FQDN tag ${t}, whose FQDN list the engine does not have` });
  }
  if (target.result !== 'yes' && app.webCategories.length) {
    target = or(target, { result: 'unknown', reason: `WebCategoryUnknown: the rule uses web categories (${app.webCategories.join(', ')})` });
  }
  if (target.result !== 'yes' && app.targetUrls.some((u) => matchFqdn(u.split('/')[0] ?? '', name))) {
    target = or(target, { result: 'unknown', reason: 'UrlPathUnknown: the rule filters by URL and the flow carries no path' });
  }
  let m = and(src, target);
  if (m.result !== 'no' && fa.appRuleDestinationAddressesRestrict && !rule.destination.empty) {
    const d = addresses(rule.destination, flow.destAddress, tags, 'application rule destinationAddresses');
    m = and(m, d.result === 'yes' ? { result: 'yes', caveats: ['AppRuleDestinationAddressesAssumed'] } : d);
  }
  if (m.result === 'yes' && flow.port !== 80 && flow.port !== 443) m = and(m, { result: 'yes', caveats: ['AppRuleNonStandardPort'] });
  return m;
}

/** DNAT rule: traffic addressed to the firewall's public IP (§2.10). */
export function matchNatRule(rule: CompiledRule, flow: FlowFacts, tags: TagIndex): RuleMatch {
  if (flow.destAddress?.kind !== 'ip' || flow.fqdn) return NO;
  const p = rule.protocols;
  if (flow.protocol === 'TCP' ? !p.tcp : flow.protocol === 'UDP' ? !p.udp : !p.icmp) return NO;
  if (!portMatches(rule.ports, flow.port)) return NO;
  const dst = addresses(rule.destination, flow.destAddress, tags, 'NAT rule destination');
  if (dst.result === 'no') return NO;
  return and(addresses(rule.source, flow.source, tags, 'rule source'), dst);
}
