import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Ipv4RangeSet } from './ipv4RangeSet';

const set = (...c: string[]) => Ipv4RangeSet.fromCidrs(c);

describe('Ipv4RangeSet', () => {
  it('merges adjacent prefixes and prints minimal CIDRs', () => {
    expect(set('10.0.0.0/25', '10.0.0.128/25').toCidrs()).toEqual(['10.0.0.0/24']);
    expect(set('10.0.0.0/24', '10.0.0.0/16').toCidrs()).toEqual(['10.0.0.0/16']);
  });

  it('subtracts and intersects', () => {
    expect(set('10.0.0.0/24').subtract(set('10.0.0.0/25')).toCidrs()).toEqual(['10.0.0.128/25']);
    expect(set('10.0.0.0/24').subtract(set('10.0.0.64/26')).toCidrs()).toEqual(['10.0.0.0/26', '10.0.0.128/25']);
    expect(set('10.0.0.0/16').intersect(set('10.0.5.0/24', '11.0.0.0/8')).toCidrs()).toEqual(['10.0.5.0/24']);
    expect(Ipv4RangeSet.ALL.subtract(set('0.0.0.0/1')).toCidrs()).toEqual(['128.0.0.0/1']);
  });

  it('answers containment and intersection', () => {
    const s = set('10.0.0.0/16', '20.0.0.0/8');
    expect(s.containsSet(set('10.0.1.0/24', '20.1.0.0/16'))).toBe(true);
    expect(s.containsSet(set('10.0.0.0/15'))).toBe(false);
    expect(s.intersects(set('10.0.0.0/15'))).toBe(true);
    expect(s.intersects(set('30.0.0.0/8'))).toBe(false);
  });

  it('set algebra laws hold on random prefixes', () => {
    const cidr = fc.tuple(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: 8, max: 32 }))
      .map(([n, len]) => `${[n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.')}/${len}`);
    fc.assert(fc.property(fc.array(cidr, { maxLength: 6 }), fc.array(cidr, { maxLength: 6 }), (a, b) => {
      const x = Ipv4RangeSet.fromCidrs(a);
      const y = Ipv4RangeSet.fromCidrs(b);
      const inter = x.intersect(y);
      expect(x.subtract(y).union(inter).equals(x)).toBe(true);
      expect(x.subtract(y).intersects(y)).toBe(false);
      expect(inter.isEmpty).toBe(!x.intersects(y));
      expect(x.containsSet(inter)).toBe(true);
      expect(Ipv4RangeSet.fromCidrs(x.toCidrs()).equals(x)).toBe(true);
    }));
  });
});
