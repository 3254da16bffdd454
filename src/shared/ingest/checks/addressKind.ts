/**
 * Is an address field value a service tag rather than `*`, an IP or a CIDR? Only a classification
 * for the config checks (a malformed IP is not a tag either), so a character test suffices and
 * stays cheap on NSGs with thousands of rules; CIDR math proper lives in src/shared/net.
 */

const IPV4_OR_CIDR = /^[\d./]+$/;

/** True for service-tag-like values (`Storage.westeurope`, `VirtualNetwork`), false for `*`, IPv4/IPv6 addresses and CIDRs. */
export function isServiceTagLike(value: string): boolean {
  const v = value.trim();
  if (v === '*' || v === '') return false;
  // IPv6 addresses contain ':', service tags never do.
  return !IPV4_OR_CIDR.test(v) && !v.includes(':');
}
