/**
 * How routes compare when prefixes tie (semantics §2.4–2.5) and how they read in explanations.
 */
import { parseTagName } from '../../servicetags/tagNames';
import type { EffectiveRoute } from './routeTypes';

/** Same prefix: UDR > BGP > system. */
export const SOURCE_RANK = { User: 0, VirtualNetworkGateway: 1, Default: 2 } as const;

/** §2.4: regional tag > top-level tag > AzureCloud.<region> > AzureCloud. */
export function tagRank(tag: string | undefined): number {
  if (!tag) return -1;
  const n = parseTagName(tag);
  if (n.service === 'azurecloud') return n.region ? 2 : 3;
  return n.region ? 0 : 1;
}

/** Negative when `a` beats `b` for an address both contain with the same prefix length. */
export function tieBreak(a: EffectiveRoute, b: EffectiveRoute): number {
  return SOURCE_RANK[a.source] - SOURCE_RANK[b.source] || (a.tag ? 1 : 0) - (b.tag ? 1 : 0) || tagRank(a.tag) - tagRank(b.tag);
}

/** Human text of a route. */
export function describeRoute(r: EffectiveRoute): string {
  const hop = r.nextHopIp ? `${r.nextHopType} ${r.nextHopIp}` : r.nextHopType;
  const origin = r.source === 'User' ? `user route ${r.routeName ?? ''}`.trim() : r.source === 'Default' ? 'system route' : 'gateway route';
  return `${origin} ${r.addressPrefix} → ${hop}`;
}

/** Routes with one next hop (type and IP) lead to the same place. */
export function hopKey(r: EffectiveRoute): string {
  return `${r.nextHopType}|${r.nextHopIp ?? ''}`;
}

/** Stands for "no route matched" in splits: traffic is dropped. */
export const NO_ROUTE: EffectiveRoute = { source: 'Default', addressPrefix: '(no route)', nextHopType: 'None', state: 'Active' };

