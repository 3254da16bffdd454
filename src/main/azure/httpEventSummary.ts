/**
 * Turns per-attempt HTTP events (429s, 5xx, low read budget) into one warning per subscription and
 * kind, so the snapshot says how the harvest was treated without listing every retry.
 */
import type { HarvestLedger } from './ledger';

/** `${subscription}|${kind}` → count and the last detail seen. */
export type EventCounts = Map<string, { n: number; detail: string }>;

/** Add the warnings. */
export function summariseHttpEvents(counts: EventCounts, ledger: HarvestLedger): void {
  for (const [key, { n, detail }] of counts) {
    const [sub, kind] = key.split('|');
    const where = sub === '*' ? 'tenant-level calls' : `subscription ${sub}`;
    if (kind === 'throttled') ledger.warn('throttled', `${where}: ${n} request(s) throttled (429) and retried after Retry-After (last: ${detail})`);
    else if (kind === 'serverError') ledger.warn('retried', `${where}: ${n} server error(s) (5xx) retried with backoff`);
    else if (kind === 'rateLimitLow') ledger.warn('rateLimitLow', `${where}: read budget ran low ${n} time(s) (last: ${detail}); requests were slowed down`);
  }
}
