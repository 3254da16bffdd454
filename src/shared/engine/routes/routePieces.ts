/**
 * A route table prepared for lookups: every active route as prefix "pieces" (a tag route with data
 * has many) in one best-first order, indexed by prefix length, and a sweep that assigns each
 * address of a destination to its best piece. Prepared once per route array and tag index.
 */
import { cidrContains, ipv4Range } from '../../net/cidr';
import type { Ipv4RangeSet } from '../../net/ipv4RangeSet';
import type { TagIndex } from '../../servicetags/tagIndex';
import { NO_ROUTE, tieBreak } from './routeRank';
import type { EffectiveRoute, RouteDecision } from './routeTypes';

/** One prefix of a route (a tag route with data has many). */
export interface Piece {
  readonly route: EffectiveRoute;
  readonly start: number;
  readonly end: number;
  readonly length: number;
  /** Position in the global best-first order. */
  rank: number;
}

/** A route array ready for lookups (per tag index). */
export interface Prepared {
  readonly tags: TagIndex;
  /** Pieces by prefix length, each list sorted by start (same-length pieces are disjoint or equal). */
  readonly byLength: Map<number, Piece[]>;
  /** Tag routes whose prefixes we do not know. */
  readonly opaque: readonly EffectiveRoute[];
  readonly active: readonly EffectiveRoute[];
  /** Decisions by destination key: a subnet's routes are looked up for the same few destinations. */
  readonly decisions: Map<string, RouteDecision>;
}

const PROTECTED_SYSTEM = new Set(['VnetLocal', 'VNetPeering', 'VirtualNetworkServiceEndpoint']);

const prepared = new WeakMap<readonly EffectiveRoute[], Prepared>();

/** Prepare (or fetch) the lookup structures of a route array. */
export function prepare(routes: readonly EffectiveRoute[], tags: TagIndex): Prepared {
  const hit = prepared.get(routes);
  if (hit && hit.tags === tags) return hit;
  let active = routes.filter((r) => r.state === 'Active');
  // §2.5.3: VNet, peering and service-endpoint system routes win even over a more specific BGP route.
  const shields = active.filter((r) => r.source === 'Default' && !r.tag && PROTECTED_SYSTEM.has(r.nextHopType));
  active = active.filter((r) => r.source !== 'VirtualNetworkGateway' || r.tag || !shields.some((s) => cidrContains(s.addressPrefix, r.addressPrefix)));
  const pieces: Piece[] = [];
  const opaque: EffectiveRoute[] = [];
  for (const r of active) {
    const prefixes = r.tag ? tags.prefixes(r.tag) : [r.addressPrefix];
    if (!prefixes) {
      opaque.push(r);
      continue;
    }
    for (const p of prefixes) {
      const range = ipv4Range(p);
      if (range) pieces.push({ route: r, start: range.start, end: range.end, length: range.length, rank: 0 });
    }
  }
  pieces.sort((a, b) => b.length - a.length || tieBreak(a.route, b.route));
  pieces.forEach((p, i) => (p.rank = i));
  const byLength = new Map<number, Piece[]>();
  for (const p of pieces) {
    const list = byLength.get(p.length) ?? [];
    list.push(p);
    byLength.set(p.length, list);
  }
  for (const list of byLength.values()) list.sort((a, b) => a.start - b.start || a.rank - b.rank);
  const out: Prepared = { tags, byLength, opaque, active, decisions: new Map() };
  prepared.set(routes, out);
  return out;
}

/** Pieces that share an address with [start, end]. */
function overlapping(p: Prepared, start: number, end: number, into: Set<Piece>): void {
  for (const list of p.byLength.values()) {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((list[mid] as Piece).end < start) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < list.length && (list[i] as Piece).start <= end; i++) into.add(list[i] as Piece);
  }
}

/** Min-heap of pieces by rank (best route on top). */
class PieceHeap {
  private readonly a: Piece[] = [];
  get top(): Piece | undefined {
    return this.a[0];
  }
  push(p: Piece): void {
    const a = this.a;
    a.push(p);
    let i = a.length - 1;
    while (i > 0) {
      const up = (i - 1) >> 1;
      if ((a[up] as Piece).rank <= p.rank) break;
      a[i] = a[up] as Piece;
      i = up;
    }
    a[i] = p;
  }
  pop(): void {
    const a = this.a;
    const last = a.pop();
    if (!last || a.length === 0) return;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      let best = last.rank;
      if (l < a.length && (a[l] as Piece).rank < best) { m = l; best = (a[l] as Piece).rank; }
      if (r < a.length && (a[r] as Piece).rank < best) m = r;
      if (m === i) break;
      a[i] = a[m] as Piece;
      i = m;
    }
    a[i] = last;
  }
}

/**
 * `sweep` for one address (a private endpoint's, the commonest lookup): the best piece holding it,
 * and the pieces holding it, by start, as rivals — what the sweep finds, without its boundary sort.
 */
function sweepAddress(p: Prepared, ip: number): Sweep {
  const holding = new Set<Piece>();
  overlapping(p, ip, ip, holding);
  const rivals = [...holding].sort((a, b) => a.start - b.start);
  let first: Piece | undefined;
  for (const c of rivals) if (!first || c.rank < first.rank) first = c;
  return { parts: new Map([[first?.route ?? NO_ROUTE, [[ip, ip]]]]), ...(first ? { first } : {}), rivals };
}

/**
 * Assign every address of `dest` to its best route with one sweep over the boundaries of the
 * destination and the overlapping route prefixes (a heap keeps the best route covering the sweep point).
 */
export function sweep(p: Prepared, dest: Ipv4RangeSet): Sweep {
  const pairs = dest.pairs();
  const only = pairs.length === 1 ? pairs[0] : undefined;
  return only && only[0] === only[1] ? sweepAddress(p, only[0]) : sweepRanges(p, dest);
}

/** Where each address of a destination goes: per route its ranges, the first address's best piece, and the pieces competing for it. */
export interface Sweep { readonly parts: Map<EffectiveRoute, [number, number][]>; readonly first?: Piece; readonly rivals: Piece[] }

/** The general sweep (exported for the test that checks sweepAddress against it). */
export function sweepRanges(p: Prepared, dest: Ipv4RangeSet): Sweep {
  const candidates = new Set<Piece>();
  const destPairs = dest.pairs();
  for (const [s, e] of destPairs) overlapping(p, s, e, candidates);
  const byStart = [...candidates].sort((a, b) => a.start - b.start);
  const points = new Set<number>();
  for (const [s, e] of destPairs) points.add(s).add(e + 1);
  for (const c of byStart) points.add(c.start).add(c.end + 1);
  const sorted = [...points].sort((a, b) => a - b);
  const heap = new PieceHeap();
  const parts = new Map<EffectiveRoute, [number, number][]>();
  let next = 0;
  let first: Piece | undefined;
  for (let i = 0; i + 1 < sorted.length; i++) {
    const a = sorted[i] as number;
    const b = (sorted[i + 1] as number) - 1;
    while (next < byStart.length && (byStart[next] as Piece).start <= a) heap.push(byStart[next++] as Piece);
    while (heap.top && heap.top.end < a) heap.pop();
    if (!dest.containsRange(a, b)) continue;
    // Ended pieces below the top are dropped lazily when they surface.
    const top = heap.top;
    first ??= top;
    const route = top?.route ?? NO_ROUTE;
    const list = parts.get(route);
    const last = list?.[list.length - 1];
    if (last && last[1] + 1 === a) last[1] = b;
    else if (list) list.push([a, b]);
    else parts.set(route, [[a, b]]);
  }
  // Routes competing for the first destination address: they explain why the winner won.
  const p0 = destPairs[0]?.[0] ?? 0;
  const rivals = byStart.filter((c) => c.start <= p0 && c.end >= p0);
  return { parts, ...(first ? { first } : {}), rivals };
}

