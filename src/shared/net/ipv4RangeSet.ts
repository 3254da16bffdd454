/**
 * An immutable set of IPv4 addresses as sorted, disjoint, non-adjacent inclusive ranges. Exact
 * reasoning about "does this rule cover all / part / none of that subnet or service tag" needs set
 * algebra on prefixes, which ipaddr.js does not offer; addresses fit in doubles, so plain numbers do.
 */
import { IPV4_SIZE, ipv4Range, ipv4ToString } from './cidr';

/** A set of IPv4 addresses. */
export class Ipv4RangeSet {
  /** Flat [start0, end0, start1, end1, …], sorted, disjoint, with gaps between ranges. */
  private constructor(private readonly r: readonly number[]) {}

  static readonly EMPTY = new Ipv4RangeSet([]);
  static readonly ALL = new Ipv4RangeSet([0, IPV4_SIZE - 1]);

  /** The IPv4 addresses of these prefixes/IPs; IPv6 and non-prefix strings are ignored. */
  static fromCidrs(prefixes: Iterable<string>): Ipv4RangeSet {
    const pairs: [number, number][] = [];
    for (const p of prefixes) {
      const r = ipv4Range(p);
      if (r) pairs.push([r.start, r.end]);
    }
    return Ipv4RangeSet.fromPairs(pairs);
  }

  /** From arbitrary inclusive ranges (any order, overlaps allowed). */
  static fromPairs(pairs: readonly (readonly [number, number])[]): Ipv4RangeSet {
    const sorted = [...pairs].sort((a, b) => a[0] - b[0]);
    const out: number[] = [];
    for (const [s, e] of sorted) {
      const n = out.length;
      if (n && s <= (out[n - 1] as number) + 1) {
        if (e > (out[n - 1] as number)) out[n - 1] = e;
      } else {
        out.push(s, e);
      }
    }
    return new Ipv4RangeSet(out);
  }

  get isEmpty(): boolean {
    return this.r.length === 0;
  }

  /** Number of addresses. */
  get size(): number {
    let n = 0;
    for (let i = 0; i < this.r.length; i += 2) n += (this.r[i + 1] as number) - (this.r[i] as number) + 1;
    return n;
  }

  /** The ranges as [start, end] pairs. */
  pairs(): [number, number][] {
    const out: [number, number][] = [];
    for (let i = 0; i < this.r.length; i += 2) out.push([this.r[i] as number, this.r[i + 1] as number]);
    return out;
  }

  /** Index of the last range whose start ≤ x, or −1. Binary search keeps big tags (10k prefixes) cheap. */
  private floor(x: number): number {
    let lo = 0;
    let hi = this.r.length / 2 - 1;
    let ans = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((this.r[mid * 2] as number) <= x) {
        ans = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return ans;
  }

  /** Does the set hold every address of [start, end]? */
  containsRange(start: number, end: number): boolean {
    const i = this.floor(start);
    return i >= 0 && (this.r[i * 2 + 1] as number) >= end;
  }

  /** Does the set hold any address of [start, end]? */
  intersectsRange(start: number, end: number): boolean {
    const i = this.floor(end);
    return i >= 0 && (this.r[i * 2 + 1] as number) >= start;
  }

  /** Is `other` a subset of this set? */
  containsSet(other: Ipv4RangeSet): boolean {
    for (let i = 0; i < other.r.length; i += 2) {
      if (!this.containsRange(other.r[i] as number, other.r[i + 1] as number)) return false;
    }
    return true;
  }

  /** Do the two sets share an address? Iterates the smaller one. */
  intersects(other: Ipv4RangeSet): boolean {
    const [small, big] = this.r.length <= other.r.length ? [this, other] : [other, this];
    for (let i = 0; i < small.r.length; i += 2) {
      if (big.intersectsRange(small.r[i] as number, small.r[i + 1] as number)) return true;
    }
    return false;
  }

  union(other: Ipv4RangeSet): Ipv4RangeSet {
    if (other.isEmpty) return this;
    if (this.isEmpty) return other;
    return Ipv4RangeSet.fromPairs([...this.pairs(), ...other.pairs()]);
  }

  intersect(other: Ipv4RangeSet): Ipv4RangeSet {
    const out: [number, number][] = [];
    let i = 0;
    let j = 0;
    while (i < this.r.length && j < other.r.length) {
      const s = Math.max(this.r[i] as number, other.r[j] as number);
      const e = Math.min(this.r[i + 1] as number, other.r[j + 1] as number);
      if (s <= e) out.push([s, e]);
      if ((this.r[i + 1] as number) < (other.r[j + 1] as number)) i += 2;
      else j += 2;
    }
    return Ipv4RangeSet.fromPairs(out);
  }

  subtract(other: Ipv4RangeSet): Ipv4RangeSet {
    if (other.isEmpty || this.isEmpty) return this;
    const out: [number, number][] = [];
    let j = 0;
    for (let i = 0; i < this.r.length; i += 2) {
      let s = this.r[i] as number;
      const e = this.r[i + 1] as number;
      while (j < other.r.length && (other.r[j + 1] as number) < s) j += 2;
      let k = j;
      while (k < other.r.length && (other.r[k] as number) <= e && s <= e) {
        const os = other.r[k] as number;
        const oe = other.r[k + 1] as number;
        if (os > s) out.push([s, os - 1]);
        s = Math.max(s, oe + 1);
        k += 2;
      }
      if (s <= e) out.push([s, e]);
    }
    return Ipv4RangeSet.fromPairs(out);
  }

  /** The set as a minimal list of CIDR strings. */
  toCidrs(): string[] {
    const out: string[] = [];
    for (let i = 0; i < this.r.length; i += 2) {
      let s = this.r[i] as number;
      const e = this.r[i + 1] as number;
      while (s <= e) {
        let len = 32;
        // Grow the block while it stays aligned and inside the range.
        while (len > 0) {
          const size = 2 ** (33 - len);
          if (s % size !== 0 || s + size - 1 > e) break;
          len--;
        }
        out.push(`${ipv4ToString(s)}/${len}`);
        s += 2 ** (32 - len);
      }
    }
    return out;
  }

  equals(other: Ipv4RangeSet): boolean {
    return this.r.length === other.r.length && this.r.every((v, i) => v === other.r[i]);
  }
}
