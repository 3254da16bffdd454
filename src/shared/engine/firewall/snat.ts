/**
 * What source address the downstream layers see after the firewall allowed a flow (§2.9): network
 * rules keep the client IP for destinations in the SNAT private ranges; application rules always
 * SNAT (transparent proxy) — to an address of `AzureFirewallSubnet` for private destinations, to the
 * firewall's public IP for public ones.
 */
import { idKey } from '../../model/armId';
import type { AzureFirewall } from '../../model/resources';
import type { Snapshot } from '../../model/snapshot';
import { describeAddressSet, literalRanges, type AddressSet } from '../../net/addressSet';
import type { Ipv4RangeSet } from '../../net/ipv4RangeSet';
import { PRIVATE_SPACE } from '../../net/publicSpace';
import { NON_PUBLIC_TAGS } from '../../servicetags/tagNames';
import type { FlowFacts } from './matchRule';

/** The SNAT outcome of an allowed flow. */
export interface SnatOutcome {
  readonly applied: boolean;
  readonly reason: 'ApplicationRule' | 'PublicDestination' | 'NotInPrivateRanges' | 'None';
  /** What the destination sees: the original source, the firewall subnet, or its public IP. */
  readonly postFirewallSourceKind: 'original' | 'AzureFirewallSubnet' | 'FirewallPublicIP';
  /** The addresses of that source when known (the firewall subnet's prefixes, the client's set). */
  readonly postFirewallSource?: AddressSet;
  readonly detail: string;
}

/** Is the destination private (inside `ranges`)? `undefined` when it cannot be told. */
function destinationPrivate(dest: AddressSet | undefined, ranges: Ipv4RangeSet): boolean | undefined {
  if (!dest) return false; // an unresolved FQDN is a public name (engine choice, see matchRule)
  if (dest.kind === 'tag') return NON_PUBLIC_TAGS.has(dest.tag.toLowerCase()) ? true : false;
  const r = literalRanges(dest);
  if (!r) return undefined;
  if (ranges.containsSet(r)) return true;
  return ranges.intersects(r) ? undefined : false;
}

function firewallSubnet(snapshot: Snapshot, fw: AzureFirewall): AddressSet | undefined {
  if (!fw.subnetId) return undefined;
  const s = snapshot.subnets.get(idKey(fw.subnetId));
  return s && s.addressPrefixes.length ? { kind: 'cidrs', cidrs: s.addressPrefixes } : undefined;
}

/** SNAT after an Allow by a rule of type `ruleType`. */
export function computeSnat(
  snapshot: Snapshot, fw: AzureFirewall, ruleType: string, facts: FlowFacts, privateRanges: Ipv4RangeSet,
): SnatOutcome {
  const isPrivate = destinationPrivate(facts.destAddress, privateRanges);
  if (ruleType === 'Nat') {
    return { applied: false, reason: 'None', postFirewallSourceKind: 'original', postFirewallSource: facts.source, detail: 'DNAT keeps the client address.' };
  }
  const behindSubnet = (): SnatOutcome => {
    const sub = firewallSubnet(snapshot, fw);
    return {
      applied: true, reason: ruleType === 'Application' ? 'ApplicationRule' : 'NotInPrivateRanges', postFirewallSourceKind: 'AzureFirewallSubnet',
      ...(sub ? { postFirewallSource: sub } : {}),
      detail: `The firewall SNATs it: the destination sees an address of AzureFirewallSubnet${sub ? ` (${describeAddressSet(sub)})` : ''}.`,
    };
  };
  if (ruleType === 'Network' || ruleType === 'Infrastructure') {
    if (isPrivate === true && ruleType === 'Network') {
      return { applied: false, reason: 'None', postFirewallSourceKind: 'original', postFirewallSource: facts.source, detail: 'No SNAT (destination in the private ranges): the destination sees the client address.' };
    }
    if (isPrivate === false && isPublic(facts.destAddress)) {
      return { applied: true, reason: 'PublicDestination', postFirewallSourceKind: 'FirewallPublicIP', detail: 'The firewall SNATs it to its public IP (public destination).' };
    }
    return behindSubnet();
  }
  if (isPrivate === false && isPublic(facts.destAddress)) {
    return { applied: true, reason: 'ApplicationRule', postFirewallSourceKind: 'FirewallPublicIP', detail: 'Application rules always SNAT: the destination sees the firewall public IP.' };
  }
  return behindSubnet();
}

/** Public unless it is private space (RFC 1918 + 100.64/10) or a non-public tag. */
function isPublic(dest: AddressSet | undefined): boolean {
  if (!dest) return true;
  if (dest.kind === 'tag') return !NON_PUBLIC_TAGS.has(dest.tag.toLowerCase());
  const r = literalRanges(dest);
  return !r || !PRIVATE_SPACE.containsSet(r);
}

/** §2.4 rule 3: DNS proxy on, but the client's VNet does not use the firewall as DNS server. */
export function dnsProxyCaveat(snapshot: Snapshot, fw: AzureFirewall, source: AddressSet): string | undefined {
  if (!fw.privateIp) return undefined;
  const src = literalRanges(source);
  if (!src) return undefined;
  for (const v of snapshot.vnets.values()) {
    const space = literalRanges({ kind: 'cidrs', cidrs: v.addressPrefixes });
    if (space && space.containsSet(src)) return v.dnsServers.includes(fw.privateIp) ? undefined : 'ClientNotUsingDnsProxy';
  }
  return undefined;
}
