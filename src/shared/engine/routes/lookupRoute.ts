/**
 * Route selection (semantics §2.4–2.5). With addresses (an IP, a subnet, a tag with prefix data) the
 * destination is "painted" best route first: every route is a set of prefixes ranked by length,
 * then source (UDR > BGP > system), then explicit CIDR over tag, then tag rank. A tag without data
 * is reasoned about symbolically, and the answer is `unknown` only when a route whose reach we
 * cannot tell could win and leads somewhere else.
 */
import type { AddressSet } from '../../net/addressSet';
import { addressSetKey, describeAddressSet, literalRanges } from '../../net/addressSet';
import { Ipv4RangeSet } from '../../net/ipv4RangeSet';
import { PUBLIC_SPACE } from '../../net/publicSpace';
import { type Piece, type Prepared, prepare, sweep } from './routePieces';
import { NO_ROUTE, describeRoute, hopKey } from './routeRank';
import type { EffectiveRoute, RouteContext, RouteDecision } from './routeTypes';
import { symbolic } from './symbolicLookup';

export { describeRoute, tagRank } from './routeRank';

/** Why `w` beat the other candidates (for one address). */
function why(w: Piece, rivals: readonly Piece[]): string {
  const same = rivals.filter((r) => r !== w && r.length === w.length && r.route !== w.route);
  const loser = same[0];
  if (!loser) return rivals.some((r) => r.route !== w.route) ? `longest prefix match (/${w.length})` : 'the only matching route';
  if (loser.route.source !== w.route.source) return `same prefix: a ${w.route.source === 'User' ? 'user-defined' : 'gateway'} route beats a ${loser.route.source === 'Default' ? 'system' : 'gateway'} route`;
  if (!w.route.tag && loser.route.tag) return 'same prefix: an explicit prefix beats a service-tag route';
  return `same prefix: tag ${w.route.tag ?? ''} ranks above ${loser.route.tag ?? ''}`;
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
