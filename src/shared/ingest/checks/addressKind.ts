/** Is an address field value a service tag (not `*`, an IP or a CIDR)? Used by the config checks. */
import ipaddr from 'ipaddr.js';

/** True for service-tag-like values (`Storage.westeurope`, `VirtualNetwork`), false for `*`, IPs and CIDRs. */
export function isServiceTagLike(value: string): boolean {
  const v = value.trim();
  if (v === '*' || v === '') return false;
  return !(ipaddr.isValidCIDR(v) || ipaddr.isValid(v));
}
