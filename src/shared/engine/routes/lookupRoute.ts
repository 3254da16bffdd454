/**
 * Route selection (semantics §2.4–2.5). With addresses (an IP, a subnet, a tag with prefix data) the
 * destination is "painted" best route first: every route is a set of prefixes ranked by length,
 * then source (UDR > BGP > system), then explicit CIDR over tag, then tag rank. A tag without data
 * is reasoned about symbolically, and the answer is `unknown` only when a route whose reach we
 * cannot tell could win and leads somewhere else.
 */
import type { AddressSet } from '../../net/addressSet';
import { addressSetKey, describeAddressSet, literalRanges } from '../../net/addressSet';
import { cidrContains, ipv4Range } from '../../net/cidr';
import { Ipv4RangeSet } from '../../net/ipv4RangeSet';
import { PUBLIC_SPACE } from '../../net/publicSpace';
import type { TagIndex } from '../../servicetags/tagIndex';
import { parseTagName } from '../../servicetags/tagNames';
import type { EffectiveRoute, RouteContext, RouteDecision } from './routeTypes';

/** One prefix of a route (a tag route with data has many). */
interface Piece {
  readonly route: EffectiveRoute;
  readonly start: number;
  readonly end: number;
  readonly length: number;
  /** Position in the global best-first order. */
  rank: number;
}

interface Prepared {
  readonly tags: TagIndex;
  /** Pieces by prefix length, each list sorted by start (same-length pieces are disjoint or equal). */
  readonly byLength: Map<number, Piece[]>;
  /** Tag routes whose prefixes we do not know. */
  readonly opaque: readonly EffectiveRoute[];
  readonly active: readonly EffectiveRoute[];
  /** Decisions by destination key: a subnet's routes are looked up for the same few destinations. */
  readonly decisions: Map<string, RouteDecision>;
}

const SOURCE_RANK = { User: 0, VirtualNetworkGateway: 1, Default: 2 } as const;

/** §2.4: regional tag > top-level tag > AzureCloud.<region> > AzureCloud. */
export function tagRank(tag: string | undefined): number {
  if (!tag) return -1;
  const n = parseTagName(tag);
  if (n.service === 'azurecloud') return n.region ? 2 : 3;
  return n.region ? 0 : 1;
}

/** Negative when `a` beats `b` for an address both contain with the same prefix length. */
function tieBreak(a: EffectiveRoute, b: EffectiveRoute): number {
  return SOURCE_RANK[a.source] - SOURCE_RANK[b.source] || (a.tag ? 1 : 0) - (b.tag ? 1 : 0) || tagRank(a.tag) - tagRank(b.tag);
}

const PROTECTED_SYSTEM = new Set(['VnetLocal', 'VNetPeering', 'VirtualNetworkServiceEndpoint']);

const prepared = new WeakMap<readonly EffectiveRoute[], Prepared>();

function prepare(routes: readonly EffectiveRoute[], tags: TagIndex): Prepared {
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

/** Human text of a route. */
export function describeRoute(r: EffectiveRoute): string {
  const hop = r.nextHopIp ? `${r.nextHopType} ${r.nextHopIp}` : r.nextHopType;
  const origin = r.source === 'User' ? `user route ${r.routeName ?? ''}`.trim() : r.source === 'Default' ? 'system route' : 'gateway route';
  return `${origin} ${r.addressPrefix} → ${hop}`;
}

function hopKey(r: EffectiveRoute): string {
  return `${r.nextHopType}|${r.nextHopIp ?? ''}`;
}

const NO_ROUTE: EffectiveRoute = { source: 'Default', addressPrefix: '(no route)', nextHopType: 'None', state: 'Active' };

/** Why `w` beat the other candidates (for one address). */
function why(w: Piece, rivals: readonly Piece[]): string {
  const same = rivals.filter((r) => r !== w && r.length === w.length && r.route !== w.route);
  const loser = same[0];
  if (!loser) return rivals.some((r) => r.route !== w.route) ? `longest prefix match (/${w.length})` : 'the only matching route';
  if (loser.route.source !== w.route.source) return `same prefix: a ${w.route.source === 'User' ? 'user-defined' : 'gateway'} route beats a ${loser.route.source === 'Default' ? 'system' : 'gateway'} route`;
  if (!w.route.tag && loser.route.tag) return 'same prefix: an explicit prefix beats a service-tag route';
  return `same prefix: tag ${w.route.tag ?? ''} ranks above ${loser.route.tag ?? ''}`;
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
 * Assign every address of `dest` to its best route with one sweep over the boundaries of the
 * destination and the overlapping route prefixes (a heap keeps the best route covering the sweep point).
 */
function sweep(p: Prepared, dest: Ipv4RangeSet): { parts: Map<EffectiveRoute, [number, number][]>; first?: Piece; rivals: Piece[] } {
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

function paint(p: Prepared, dest: Ipv4RangeSet, label: string, destTag: string | undefined): RouteDecision {
  const { parts: raw, first, rivals } = sweep(p, dest);
  const parts = new Map([...raw].map(([r, pairs]) => [r, Ipv4RangeSet.fromPairs(pairs)] as const));

  // Tag routes without prefix data may hold some public addresses of the destination.
  const publicPart = dest.intersects(PUBLIC_SPACE);
  const outcomes = new Set([...parts.keys()].map(hopKey));
  const doubtful = publicPart
    ? p.opaque.find((r) => (destTag ? p.tags.overlaps(r.tag ?? '', destTag) !== 'no' : true) && (outcomes.size > 1 || !outcomes.has(hopKey(r))))
    : undefined;
  if (doubtful) {
    return {
      status: 'unknown',
      route: doubtful,
      explanation: `Without prefix data for ${doubtful.tag}, ${describeRoute(doubtful)} may take part of ${label} elsewhere.`,
    };
  }
  const entries = [...parts.entries()];
  const biggest = entries.reduce((a, b) => (b[1].size > a[1].size ? b : a));
  const route = biggest[0];
  const hops = new Set(entries.map(([r]) => r.nextHopType));
  const ips = new Set(entries.map(([r]) => r.nextHopIp ?? ''));
  const common = {
    ...(hops.size === 1 ? { nextHopType: route.nextHopType } : {}),
    ...(hops.size === 1 && ips.size === 1 && route.nextHopIp ? { nextHopIp: route.nextHopIp } : {}),
  };
  if (entries.length === 1) {
    if (route === NO_ROUTE || !first) return { status: 'resolved', nextHopType: 'None', explanation: `No route matches ${label}: traffic is dropped.` };
    return { status: 'resolved', route, ...common, explanation: `${describeRoute(route)} carries ${label}: ${why(first, rivals)}.` };
  }
  return {
    status: 'resolved', route, ...common,
    split: entries.map(([r, set]) => ({ route: r, prefixes: set.toCidrs() })),
    explanation: `${label} takes ${entries.length} different routes: ${entries.map(([r, set]) => `${set.toCidrs().length} prefix(es) via ${describeRoute(r)}`).join('; ')}.`,
  };
}

function symbolic(p: Prepared, tag: string): RouteDecision {
  const containing: EffectiveRoute[] = [];
  const maybe: EffectiveRoute[] = [];
  for (const r of p.active) {
    if (r.tag) {
      if (p.tags.contains(r.tag, tag) === 'yes') containing.push(r);
      else if (p.tags.overlaps(r.tag, tag) !== 'no') maybe.push(r);
      continue;
    }
    const set = Ipv4RangeSet.fromCidrs([r.addressPrefix]);
    if (set.containsSet(PUBLIC_SPACE)) containing.push(r);
    else if (set.intersects(PUBLIC_SPACE)) maybe.push(r);
  }
  // A tag route that holds the whole tag is more specific than any CIDR route holding all public space.
  const byRank = (a: EffectiveRoute, b: EffectiveRoute) =>
    (a.tag ? 0 : 1) - (b.tag ? 0 : 1) || ipLen(b) - ipLen(a) || tieBreak(a, b);
  containing.sort(byRank);
  const w = containing[0];
  if (!w) {
    return maybe.length
      ? { status: 'unknown', route: maybe[0] as EffectiveRoute, explanation: `Without prefix data for ${tag}, only routes that may cover part of it apply.` }
      : { status: 'resolved', nextHopType: 'None', explanation: `No route matches ${tag}: traffic is dropped.` };
  }
  // A more specific tag of another service (AzureCloud vs Storage) may have longer prefixes.
  const rival = containing.find((r) => r !== w && r.tag && w.tag && hopKey(r) !== hopKey(w)
    && parseTagName(r.tag).service !== parseTagName(w.tag).service && p.tags.contains(w.tag, r.tag) === 'yes');
  const doubt = rival ?? maybe.find((r) => hopKey(r) !== hopKey(w));
  if (doubt) {
    return {
      status: 'unknown', route: doubt,
      explanation: `Without prefix data for ${tag}, ${describeRoute(doubt)} may be more specific than ${describeRoute(w)} for part of it.`,
    };
  }
  const reason = w.tag
    ? `service tag ${w.tag} contains ${tag}${containing.some((r) => !r.tag) ? ' and is more specific than the routes for all public space' : ''}`
    : `the route covers all public space and no service-tag route contains ${tag}`;
  return { status: 'resolved', route: w, nextHopType: w.nextHopType, ...(w.nextHopIp ? { nextHopIp: w.nextHopIp } : {}), explanation: `${describeRoute(w)} carries ${tag}: ${reason}.` };
}

function ipLen(r: EffectiveRoute): number {
  return r.tag ? -1 : (ipv4Range(r.addressPrefix)?.length ?? -1);
}

/** §2.4–2.5: LPM; same prefix → UDR > BGP > system; VNet/peering/service-endpoint system routes beat more specific BGP; explicit CIDR beats tag route on exact prefix; tag rank regional > top-level > AzureCloud.<r> > AzureCloud; PE /32 rules (applied by effectiveRoutes' Invalid marking). For a tag destination without prefix data, reason symbolically: a tag route whose tag contains the destination tag counts as more specific than any CIDR route containing all public space (e.g. 0.0.0.0/0); a CIDR route whose relation to the tag is unknown makes the decision 'unknown' ONLY if it could beat the chosen route and leads somewhere else. */
export function lookupRoute(routes: readonly EffectiveRoute[], destination: AddressSet, ctx: RouteContext): RouteDecision {
  const p = prepare(routes, ctx.tags);
  const key = addressSetKey(destination);
  let d = p.decisions.get(key);
  if (!d) {
    d = decide(p, destination, ctx);
    if (p.decisions.size > 10_000) p.decisions.clear();
    p.decisions.set(key, d);
  }
  return d;
}

function decide(p: Prepared, destination: AddressSet, ctx: RouteContext): RouteDecision {
  const label = describeAddressSet(destination);
  if (destination.kind === 'tag') {
    const ranges = ctx.tags.ranges(destination.tag);
    if (ranges && !ranges.isEmpty && destination.tag.toLowerCase() !== 'internet') return paint(p, ranges, label, destination.tag);
    return symbolic(p, destination.tag);
  }
  const ranges = literalRanges(destination) ?? Ipv4RangeSet.EMPTY;
  if (ranges.isEmpty) return { status: 'unknown', explanation: `${label} has no IPv4 address; only IPv4 routing is evaluated.` };
  return paint(p, ranges, label, undefined);
}
