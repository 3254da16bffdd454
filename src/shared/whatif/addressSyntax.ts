/**
 * Address and port syntax of NSG rules and routes (semantics §1.1, §2.4): one place that says what
 * an IP, a CIDR, a service tag or a port range is, so edits reject bad values with a clear field.
 */
import ipaddr from 'ipaddr.js';
import type { ServiceTagData } from '../model';

/** Tags Azure accepts in NSG rules that are not in the service-tag download. */
const BUILT_IN_TAGS = ['virtualnetwork', 'internet', 'azureloadbalancer', 'azureplatformdns', 'azureplatformimds', 'azureplatformlkm'];

/** An IPv4/IPv6 address or CIDR block. */
export function isIpOrCidr(value: string): boolean {
  if (value.includes('/')) {
    try {
      ipaddr.parseCIDR(value);
      return true;
    } catch {
      return false;
    }
  }
  return ipaddr.isValid(value);
}

/** A plain IPv4 address (dotted quad, no prefix length). */
export function isIpv4(value: string): boolean {
  return ipaddr.IPv4.isValidFourPartDecimal(value);
}

/** Looks like a service tag name (`Storage`, `Storage.westeurope`, `AzureFrontDoor.Frontend`). */
export function looksLikeTag(value: string): boolean {
  return /^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z0-9]+)?$/.test(value);
}

/**
 * Is `value` a service tag this snapshot knows? Without tag data every tag-shaped name passes
 * (the engine then reasons on names), so offline snapshots can still be edited.
 */
export function isKnownTag(value: string, tags: ServiceTagData | undefined): boolean {
  if (!looksLikeTag(value)) return false;
  const lower = value.toLowerCase();
  if (BUILT_IN_TAGS.includes(lower) || !tags || tags.tags.length === 0) return true;
  return tags.tags.some((t) => t.name.toLowerCase() === lower);
}

/** `*`, `80` or `1000-2000` within 0–65535. */
export function isPortRange(value: string): boolean {
  if (value === '*') return true;
  const m = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(value.trim());
  if (!m) return false;
  const lo = Number(m[1]);
  const hi = m[2] === undefined ? lo : Number(m[2]);
  return lo <= hi && hi <= 65535;
}

/** Does `ip` fall inside `cidr`? (same family only) */
export function cidrContains(cidr: string, ip: string): boolean {
  try {
    const [range, bits] = ipaddr.parseCIDR(cidr);
    const addr = ipaddr.parse(ip);
    return addr.kind() === range.kind() && addr.match(range, bits);
  } catch {
    return false;
  }
}

/** Do two CIDR blocks overlap? */
export function cidrsOverlap(a: string, b: string): boolean {
  try {
    const [ra, ba] = ipaddr.parseCIDR(a);
    const [rb, bb] = ipaddr.parseCIDR(b);
    if (ra.kind() !== rb.kind()) return false;
    return ba <= bb ? rb.match(ra, ba) : ra.match(rb, bb);
  } catch {
    return false;
  }
}

/**
 * Host addresses Azure lets a resource take in an IPv4 subnet: the first four and the last are
 * reserved (semantics P4). Yields in order; stops after `limit` addresses.
 */
export function* usableIpv4(cidr: string, limit = 65536): Generator<string> {
  const [range, bits] = ipaddr.parseCIDR(cidr);
  if (range.kind() !== 'ipv4') return;
  const base = ipaddr.IPv4.networkAddressFromCIDR(cidr).toByteArray();
  const start = ((base[0]! << 24) >>> 0) + (base[1]! << 16) + (base[2]! << 8) + base[3]!;
  const size = 2 ** (32 - bits);
  for (let i = 4, n = 0; i < size - 1 && n < limit; i++, n++) {
    const v = start + i;
    yield [(v >>> 24) & 255, (v >>> 16) & 255, (v >>> 8) & 255, v & 255].join('.');
  }
}
