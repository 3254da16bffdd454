/**
 * Slows requests for one key (subscription) down when ARM says its read budget runs low
 * (`x-ms-ratelimit-remaining-subscription-reads`): every later request for that key waits until
 * the pause is over, instead of running into 429s.
 */
import { setTimeout as sleep } from 'node:timers/promises';

/** Per-key pauses. */
export interface Pacer {
  /** Pause `key` for `ms` from now (extends, never shortens, a running pause). */
  pause(key: string, ms: number): void;
  /** Wait out the pause of `key`, if any. */
  wait(key: string | undefined, signal?: AbortSignal): Promise<void>;
}

/** Create a pacer. */
export function createPacer(now: () => number = Date.now): Pacer {
  const until = new Map<string, number>();
  return {
    pause(key, ms) {
      until.set(key, Math.max(until.get(key) ?? 0, now() + ms));
    },
    async wait(key, signal) {
      if (key === undefined) return;
      const t = until.get(key);
      if (t === undefined) return;
      const left = t - now();
      if (left <= 0) {
        until.delete(key);
        return;
      }
      await sleep(left, undefined, { signal });
    },
  };
}
