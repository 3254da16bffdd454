/**
 * CIDR arithmetic on ipaddr.js. The engine reasons about IPv4 (Azure's NSG/route semantics that
 * VNetLens models are IPv4); IPv6 prefixes parse without error and simply never match an IPv4 flow.
 */
import ipaddr from 'ipaddr.js';

/** A parsed prefix. IPv4 carries its numeric range; IPv6 only its family and length. */
export type ParsedCidr =
  | { readonly family: 4; readonly start: number; readonly end: number; readonly length: number }
  | { readonly family: 6; readonly length: number };

const TWO32 = 2 ** 32;
const cache = new Map<string, ParsedCidr | null>();

// Dotted-quad IPv4 with an optional /len: by far the most common input, parsed without ipaddr's
// IPv6-first attempts (they dominated the engine's first pass over 60,000 NSG rules).
const V4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?:\/(\d{1,2}))?$/;

function parseV4(s: string): ParsedCidr | null | undefined {
  const m = V4.exec(s);
  if (!m) return undefined;
  const bytes = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])];
  const length = m[5] === undefined ? 32 : Number(m[5]);
  if (bytes.some((b) => b > 255) || length > 32) return null;
  // ipaddr.js rejects leading zeros (octal ambiguity); so do we.
  if ([m[1], m[2], m[3], m[4]].some((b) => b !== undefined && b.length > 1 && b.startsWith('0'))) return null;
  return v4Range(bytes, length);
}

function parseUncached(text: string): ParsedCidr | null {
  const s = text.trim();
  const v4 = parseV4(s);
  if (v4 !== undefined) return v4;
  try {
    if (s.includes('/')) {
      if (!ipaddr.isValidCIDR(s)) return null;
      const [addr, length] = ipaddr.parseCIDR(s);
      if (addr.kind() === 'ipv6') return { family: 6, length };
      if (!ipaddr.IPv4.isValidFourPartDecimal(s.split('/')[0] ?? '')) return null;
      return v4Range(addr.toByteArray(), length);
    }
    if (ipaddr.IPv4.isValidFourPartDecimal(s)) return v4Range(ipaddr.parse(s).toByteArray(), 32);
    if (ipaddr.IPv6.isValid(s)) return { family: 6, length: 128 };
  } catch {
    return null;
  }
  return null;
}

function v4Range(bytes: number[], length: number): ParsedCidr {
  const value = (((bytes[0] ?? 0) * 256 + (bytes[1] ?? 0)) * 256 + (bytes[2] ?? 0)) * 256 + (bytes[3] ?? 0);
  const size = 2 ** (32 - length);
  // Azure accepts (and normalizes) prefixes with host bits set, so do we.
  const start = Math.floor(value / size) * size;
  return { family: 4, start, end: start + size - 1, length };
}

/** Parse an IP or CIDR (`10.0.0.0/16`, `10.0.0.4`, `fd00::/8`); undefined when it is neither. */
export function parseCidr(text: string): ParsedCidr | undefined {
  let hit = cache.get(text);
  if (hit === undefined) {
    hit = parseUncached(text);
    // Bounded: a pass touches a few thousand distinct prefixes; never let a long session grow it forever.
    if (cache.size > 500_000) cache.clear();
    cache.set(text, hit);
  }
  return hit ?? undefined;
}

/** The IPv4 range of a prefix, or undefined (IPv6 or not a prefix). */
export function ipv4Range(text: string): { start: number; end: number; length: number } | undefined {
  const p = parseCidr(text);
  return p?.family === 4 ? p : undefined;
}

/** Is this string an IP address or CIDR (v4 or v6)? */
export function isIpOrCidr(text: string): boolean {
  return parseCidr(text) !== undefined;
}

/** Prefix length (`/16` → 16; a bare IPv4 address → 32), undefined when not a prefix. */
export function prefixLength(text: string): number | undefined {
  return parseCidr(text)?.length;
}

/** Does `outer` contain all of `inner`? IPv6 on either side → false. */
export function cidrContains(outer: string, inner: string): boolean {
  const o = ipv4Range(outer);
  const i = ipv4Range(inner);
  return !!o && !!i && o.start <= i.start && i.end <= o.end;
}

/** Is the IPv4 address `ip` inside `cidr`? */
export function ipInCidr(ip: string, cidr: string): boolean {
  return cidrContains(cidr, ip);
}

/** Do the two prefixes share any address? */
export function overlaps(a: string, b: string): boolean {
  const x = ipv4Range(a);
  const y = ipv4Range(b);
  return !!x && !!y && x.start <= y.end && y.start <= x.end;
}

/** RFC 1918 plus the shared address space 100.64.0.0/10: the ranges Azure treats as private. */
export const PRIVATE_PREFIXES: readonly string[] = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10'];

/** Is the whole IP/CIDR inside the private ranges? */
export function isPrivate(ipOrCidr: string): boolean {
  return PRIVATE_PREFIXES.some((p) => cidrContains(p, ipOrCidr));
}

/** Addresses Azure leaves for hosts in a subnet: 2^(32−len) − 5 (never below 0); a number or a CIDR. */
export function usableAddresses(prefix: string | number): number {
  const len = typeof prefix === 'number' ? prefix : ipv4Range(prefix)?.length;
  if (len === undefined || len < 0 || len > 32) return 0;
  return Math.max(0, 2 ** (32 - len) - 5);
}

/** The dotted-quad text of a 32-bit number. */
export function ipv4ToString(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

/** The canonical text of a prefix (host bits cleared): `10.0.0.5/16` → `10.0.0.0/16`. */
export function normalizeCidr(text: string): string | undefined {
  const p = parseCidr(text);
  if (!p) return undefined;
  if (p.family === 6) return text.trim().toLowerCase();
  return `${ipv4ToString(p.start)}/${p.length}`;
}

/** The size of the IPv4 space, for range arithmetic elsewhere. */
export const IPV4_SIZE = TWO32;
