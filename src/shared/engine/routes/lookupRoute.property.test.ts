import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ipInCidr, ipv4ToString, prefixLength } from '../../net/cidr';
import { TagIndex } from '../../servicetags/tagIndex';
import { DEFAULT_ASSUMPTIONS } from '../assumptions';
import { SAMPLE_TAGS } from '../testing/sampleTags';
import { Ipv4RangeSet } from '../../net/ipv4RangeSet';
import { lookupRoute } from './lookupRoute';
import { prepare, sweep, sweepRanges } from './routePieces';
import type { EffectiveRoute } from './routeTypes';

const ctx = { tags: TagIndex.from(SAMPLE_TAGS), assumptions: DEFAULT_ASSUMPTIONS };

/** Prefixes near one another so that routes overlap often. */
const cidrArb = fc.tuple(fc.constantFrom(10, 20), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 8, max: 32 }))
  .map(([a, b, c, len]) => {
    const n = ((a * 256 + b) * 256 + c) * 256;
    const size = 2 ** (32 - len);
    return `${ipv4ToString(Math.floor(n / size) * size)}/${len}`;
  });
const hopArb = fc.constantFrom(
  { nextHopType: 'VirtualAppliance' as const, nextHopIp: '10.9.0.4' }, { nextHopType: 'Internet' as const },
  { nextHopType: 'None' as const }, { nextHopType: 'VnetLocal' as const },
);
const routeArb = fc.tuple(cidrArb, hopArb, fc.constantFrom('User' as const, 'Default' as const))
  .map(([addressPrefix, hop, source]): EffectiveRoute => ({ source, addressPrefix, ...hop, state: 'Active' }));
const DEFAULT_ROUTE: EffectiveRoute = { source: 'Default', addressPrefix: '0.0.0.0/0', nextHopType: 'Internet', state: 'Active' };
const routesArb = fc.array(routeArb, { maxLength: 10 }).map((rs) => [DEFAULT_ROUTE, ...rs]);
const ipArb = fc.tuple(fc.constantFrom(10, 20), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 255 }))
  .map((o) => o.join('.'));

const winner = (routes: EffectiveRoute[], ip: string) => lookupRoute(routes, { kind: 'ip', ip }, ctx);

describe('lookupRoute properties', () => {
  it('a single address is assigned as the general sweep assigns it (sweepAddress)', () => {
    fc.assert(fc.property(routesArb, ipArb, (routes, ip) => {
      const p = prepare(routes, ctx.tags);
      const dest = Ipv4RangeSet.fromCidrs([`${ip}/32`]);
      expect(sweep(p, dest)).toEqual(sweepRanges(p, dest));
    }));
  });

  it('the winner holds the address and no route holding it is more specific (LPM)', () => {
    fc.assert(fc.property(routesArb, ipArb, (routes, ip) => {
      const w = winner(routes, ip).route as EffectiveRoute;
      expect(ipInCidr(ip, w.addressPrefix)).toBe(true);
      const longest = Math.max(...routes.filter((r) => ipInCidr(ip, r.addressPrefix)).map((r) => prefixLength(r.addressPrefix) ?? 0));
      expect(prefixLength(w.addressPrefix)).toBe(longest);
    }));
  });

  it('adding a route with a shorter prefix than the winner never changes the winner', () => {
    fc.assert(fc.property(routesArb, ipArb, routeArb, (routes, ip, extra) => {
      const before = winner(routes, ip).route as EffectiveRoute;
      fc.pre((prefixLength(extra.addressPrefix) ?? 0) < (prefixLength(before.addressPrefix) ?? 0));
      expect(winner([...routes, extra], ip).route).toBe(before);
    }));
  });

  it('a UDR with the same prefix as the winning system route always wins', () => {
    fc.assert(fc.property(routesArb, ipArb, hopArb, (routes, ip, hop) => {
      const before = winner(routes, ip).route as EffectiveRoute;
      fc.pre(before.source === 'Default' && !routes.some((r) => r.source === 'User' && r.addressPrefix === before.addressPrefix));
      const udr: EffectiveRoute = { source: 'User', addressPrefix: before.addressPrefix, ...hop, state: 'Active' };
      expect(winner([...routes, udr], ip).route).toBe(udr);
    }));
  });

  it('the order routes are listed in does not matter', () => {
    fc.assert(fc.property(routesArb, ipArb, (routes, ip) => {
      // Two routes of one source with one prefix cannot exist in Azure (and would be a tie).
      fc.pre(new Set(routes.map((r) => `${r.source}|${r.addressPrefix}`)).size === routes.length);
      const d1 = winner(routes, ip);
      const d2 = winner([...routes].reverse(), ip);
      expect([d2.nextHopType, d2.nextHopIp, d2.route?.addressPrefix]).toEqual([d1.nextHopType, d1.nextHopIp, d1.route?.addressPrefix]);
    }));
  });
});
