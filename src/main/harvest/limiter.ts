/**
 * A small concurrency limiter with two bounds: overall and per key (the subscription). Waiters are
 * served first-come first-served, skipping a waiter whose key is full so one busy subscription does
 * not hold up the others (no head-of-line blocking).
 */

/** Bounds for {@link createLimiter}. */
export interface LimiterBounds {
  readonly overall: number;
  readonly perKey: number;
}

/** Acquire a slot (for `key`, or only the overall bound when undefined); call the returned release once. */
export interface Limiter {
  acquire(key: string | undefined, signal?: AbortSignal): Promise<() => void>;
  /** Slots in use now (for tests and the bench). */
  readonly active: number;
}

interface Waiter {
  readonly key: string | undefined;
  readonly grant: () => void;
}

/** Create a limiter; bounds below 1 are treated as 1. */
export function createLimiter(bounds: LimiterBounds): Limiter {
  const overall = Math.max(1, Math.floor(bounds.overall));
  const perKey = Math.max(1, Math.floor(bounds.perKey));
  const byKey = new Map<string, number>();
  const queue: Waiter[] = [];
  let active = 0;

  const fits = (key: string | undefined) => active < overall && (key === undefined || (byKey.get(key) ?? 0) < perKey);
  const take = (key: string | undefined) => {
    active++;
    if (key !== undefined) byKey.set(key, (byKey.get(key) ?? 0) + 1);
  };
  const drain = () => {
    for (let i = 0; i < queue.length && active < overall; ) {
      const w = queue[i];
      if (w && fits(w.key)) {
        queue.splice(i, 1);
        take(w.key);
        w.grant();
      } else {
        i++;
      }
    }
  };
  const releaser = (key: string | undefined) => {
    let done = false;
    return () => {
      if (done) return;
      done = true;
      active--;
      if (key !== undefined) {
        const n = (byKey.get(key) ?? 1) - 1;
        if (n <= 0) byKey.delete(key);
        else byKey.set(key, n);
      }
      drain();
    };
  };

  return {
    get active() {
      return active;
    },
    acquire(key, signal) {
      if (signal?.aborted) return Promise.reject(signal.reason as Error);
      if (fits(key) && queue.length === 0) {
        take(key);
        return Promise.resolve(releaser(key));
      }
      return new Promise((resolve, reject) => {
        const onAbort = () => {
          const i = queue.indexOf(waiter);
          if (i >= 0) queue.splice(i, 1);
          reject(signal?.reason as Error);
        };
        const waiter: Waiter = {
          key,
          grant: () => {
            signal?.removeEventListener('abort', onAbort);
            resolve(releaser(key));
          },
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        queue.push(waiter);
        // A waiter whose key has room may pass queued waiters of a full key.
        drain();
      });
    },
  };
}
