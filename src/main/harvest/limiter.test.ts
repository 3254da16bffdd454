import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createLimiter } from './limiter';

const tick = () => new Promise((r) => setImmediate(r));

describe('createLimiter', () => {
  it('never exceeds the overall or per-key bound, and runs everything (property)', async () => {
    await fc.assert(fc.asyncProperty(
      fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 3 }), fc.array(fc.constantFrom('a', 'b', 'c', undefined), { maxLength: 40 }),
      async (overall, perKey, keys) => {
        const lim = createLimiter({ overall, perKey });
        const active = new Map<string, number>();
        let peak = 0;
        let peakKey = 0;
        let done = 0;
        await Promise.all(keys.map(async (k, i) => {
          const release = await lim.acquire(k);
          peak = Math.max(peak, lim.active);
          if (k) {
            active.set(k, (active.get(k) ?? 0) + 1);
            peakKey = Math.max(peakKey, active.get(k) ?? 0);
          }
          for (let t = 0; t < (i % 3) + 1; t++) await tick();
          if (k) active.set(k, (active.get(k) ?? 1) - 1);
          done++;
          release();
        }));
        expect(done).toBe(keys.length);
        expect(peak).toBeLessThanOrEqual(overall);
        expect(peakKey).toBeLessThanOrEqual(perKey);
        expect(lim.active).toBe(0);
      },
    ), { numRuns: 60 });
  });

  it('lets a waiter of a free key pass waiters of a full key', async () => {
    const lim = createLimiter({ overall: 2, perKey: 1 });
    const a1 = await lim.acquire('a');
    const order: string[] = [];
    const a2 = lim.acquire('a').then((r) => (order.push('a2'), r));
    const b1 = lim.acquire('b').then((r) => (order.push('b1'), r));
    await b1;
    expect(order).toEqual(['b1']);
    a1();
    (await a2)();
    expect(order).toEqual(['b1', 'a2']);
  });

  it('rejects a queued waiter on abort and frees nothing it did not hold', async () => {
    const lim = createLimiter({ overall: 1, perKey: 1 });
    const held = await lim.acquire(undefined);
    const ac = new AbortController();
    const waiting = lim.acquire(undefined, ac.signal);
    ac.abort(new Error('stop'));
    await expect(waiting).rejects.toThrow('stop');
    held();
    held(); // a second release is ignored
    expect(lim.active).toBe(0);
    (await lim.acquire(undefined))();
  });
});
