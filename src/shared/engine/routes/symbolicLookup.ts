/**
 * Route lookup for a service tag without prefix data (semantics §2.4): a tag route that contains the
 * tag beats routes for all public space; any route whose reach we cannot tell makes the answer
 * `unknown` only when it could win and leads somewhere else.
 */
import { ipv4Range } from '../../net/cidr';
import { Ipv4RangeSet } from '../../net/ipv4RangeSet';
import { PUBLIC_SPACE } from '../../net/publicSpace';
import { parseTagName } from '../../servicetags/tagNames';
import type { Prepared } from './routePieces';
import { describeRoute, hopKey, tieBreak } from './routeRank';
import type { EffectiveRoute, RouteDecision } from './routeTypes';

/** Decide symbolically for `tag`. */
export function symbolic(p: Prepared, tag: string): RouteDecision {
  const containing: EffectiveRoute[] = [];
  const maybe: EffectiveRoute[] = [];
  for (const r of p.active) {
    if (r.tag) {
      if (p.tags.contains(r.tag, tag) === 'yes') containing.push(r);
      else if (p.tags.overlaps(r.tag, tag) !== 'no') maybe.push(r);
      continue;
    }
    const reach = publicReach(r.addressPrefix);
    if (reach === 'all') containing.push(r);
    else if (reach === 'some') maybe.push(r);
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

/** How much of public address space a prefix holds; memoized by text (a few distinct prefixes, looked up per route per tag). */
const reachCache = new Map<string, 'all' | 'some' | 'none'>();
function publicReach(prefix: string): 'all' | 'some' | 'none' {
  let r = reachCache.get(prefix);
  if (r === undefined) {
    const set = Ipv4RangeSet.fromCidrs([prefix]);
    r = set.containsSet(PUBLIC_SPACE) ? 'all' : set.intersects(PUBLIC_SPACE) ? 'some' : 'none';
    if (reachCache.size > 10_000) reachCache.clear();
    reachCache.set(prefix, r);
  }
  return r;
}

function ipLen(r: EffectiveRoute): number {
  return r.tag ? -1 : (ipv4Range(r.addressPrefix)?.length ?? -1);
}

