/**
 * Fault injection for the fake ARM server: each rule matches requests (method, URL substring or
 * RegExp, subscription) and applies one misbehaviour a real tenant shows, a given number of times.
 */

/** What a matched request gets instead of (or on top of) its normal answer. */
export type FaultKind =
  | 'latency' // wait `ms` before answering
  | 'throttle' // 429 with Retry-After: retryAfterSeconds
  | 'serverError' // 500
  | 'forbidden' // 403 AuthorizationFailed
  | 'malformed' // 200 with a truncated JSON body
  | 'endlessPaging' // every page carries a nextLink, forever
  | 'lowRateLimit'; // normal answer, x-ms-ratelimit-remaining-subscription-reads: remaining

/** One fault rule; all given matchers must hold. */
export interface FaultRule {
  readonly kind: FaultKind;
  readonly method?: string;
  /** Matched against path + query (case-insensitive substring, or a RegExp). */
  readonly url?: string | RegExp;
  readonly subscriptionId?: string;
  /** Apply this many times, then behave normally (default: always). */
  readonly times?: number;
  readonly ms?: number;
  readonly retryAfterSeconds?: number;
  readonly remaining?: number;
}

/** The request facts a rule is matched against. */
export interface RequestFacts {
  readonly method: string;
  readonly pathAndQuery: string;
  readonly subscriptionId?: string;
}

/** Rules with their hit counters. */
export class FaultBook {
  private readonly hits = new Map<FaultRule, number>();
  constructor(private rules: readonly FaultRule[] = []) {}

  /** Replace the rules (tests reuse one server across cases). */
  set(rules: readonly FaultRule[]): void {
    this.rules = rules;
    this.hits.clear();
  }

  /** The rules that apply to this request now; counts them as used. */
  take(req: RequestFacts): FaultRule[] {
    const out: FaultRule[] = [];
    for (const rule of this.rules) {
      if (!matches(rule, req)) continue;
      const used = this.hits.get(rule) ?? 0;
      if (rule.times !== undefined && used >= rule.times) continue;
      this.hits.set(rule, used + 1);
      out.push(rule);
    }
    return out;
  }

  /** How many times a rule fired. */
  count(rule: FaultRule): number {
    return this.hits.get(rule) ?? 0;
  }
}

function matches(rule: FaultRule, req: RequestFacts): boolean {
  if (rule.method && rule.method.toUpperCase() !== req.method.toUpperCase()) return false;
  if (rule.subscriptionId && rule.subscriptionId.toLowerCase() !== req.subscriptionId?.toLowerCase()) return false;
  if (rule.url instanceof RegExp) return rule.url.test(req.pathAndQuery);
  if (rule.url) return req.pathAndQuery.toLowerCase().includes(rule.url.toLowerCase());
  return true;
}
