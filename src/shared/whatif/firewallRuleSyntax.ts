/**
 * Value syntax of firewall policy rules (firewall semantics §1.2, §1.4, §2.4, §2.5): addresses
 * (IP, CIDR, dash range, `*`, service tags on the destination side), ports, FQDNs (wildcards only
 * in application rules, via the engine's own fqdnPatternError so edits and evaluation agree).
 */
import ipaddr from 'ipaddr.js';
import { fqdnPatternError, normalizeFqdn } from '../engine/firewall/fqdnMatch';
import type { ServiceTagData } from '../model';
import { isIpOrCidr, isKnownTag, isPortRange, looksLikeTag } from './addressSyntax';

/** `10.0.0.1-10.0.0.9`: two addresses of one family, low first. */
function isIpRange(value: string): boolean {
  const parts = value.split('-');
  if (parts.length !== 2) return false;
  const [a, b] = parts.map((p) => p.trim());
  if (!a || !b || !ipaddr.isValid(a) || !ipaddr.isValid(b)) return false;
  const lo = ipaddr.parse(a).toByteArray();
  const hi = ipaddr.parse(b).toByteArray();
  if (lo.length !== hi.length) return false;
  for (let i = 0; i < lo.length; i++) if (lo[i] !== hi[i]) return lo[i]! < hi[i]!;
  return true;
}

/** Why an address entry is unusable; `allowTags` on destinations only (§2.4: tags are destination-side). */
export function firewallAddressError(value: string, allowTags: boolean, tags: ServiceTagData | undefined): string | undefined {
  const v = value.trim();
  if (v === '*' || isIpOrCidr(v) || isIpRange(v)) return undefined;
  if (allowTags && isKnownTag(v, tags)) return undefined;
  if (!allowTags && looksLikeTag(v)) return `"${value}": service tags are only allowed as destinations`;
  return allowTags
    ? `"${value}" is not an IP address, CIDR, range (a-b), * or a known service tag`
    : `"${value}" is not an IP address, CIDR, range (a-b) or *`;
}

/** Destination ports of network rules: `443`, `8000-8100`, `*` within 0–65535. */
export function firewallPortError(value: string): string | undefined {
  return isPortRange(value.trim()) && !/\s/.test(value.trim()) ? undefined : `"${value}" is not a port, a range (8000-8100) or *`;
}

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/**
 * Why an FQDN entry is unusable. Application rules accept `*` alone or at the left end (`*.x`,
 * `*x`); network rules accept no wildcard at all (§2.4 rule 1).
 */
export function firewallFqdnError(value: string, allowWildcard: boolean): string | undefined {
  const n = normalizeFqdn(value);
  if (n.includes('*') && !allowWildcard) return `"${value}": network rules do not support wildcard FQDNs; use an application rule or a service tag`;
  const pattern = fqdnPatternError(n);
  if (pattern) return pattern;
  if (n === '*') return undefined;
  const body = n.startsWith('*.') ? n.slice(2) : n.startsWith('*') ? n.slice(1) : n;
  if (body.length > 253 || !body.split('.').every((l) => LABEL.test(l))) return `"${value}" is not a valid host name`;
  return undefined;
}
