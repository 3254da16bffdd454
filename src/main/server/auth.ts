/**
 * Who may call the browser-mode API: only a page we served, on the loopback host we bound, holding
 * this launch's token. Host is checked against DNS rebinding, Origin against other sites' pages,
 * and the token against other local users and processes. Pure, so it is tested without sockets.
 */
import { timingSafeEqual } from 'node:crypto';

/** The parts of a request the check reads. */
export interface RequestFacts {
  readonly host?: string;
  readonly origin?: string;
  /** `x-vnetlens-token` header. */
  readonly headerToken?: string;
  /** `?token=` (EventSource cannot set headers). */
  readonly queryToken?: string;
}

/** Outcome: allowed, or the HTTP status and a reason. */
export type AuthOutcome = { readonly ok: true } | { readonly ok: false; readonly status: 401 | 403; readonly reason: string };

function sameToken(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Check one API request against the server's port and token. */
export function checkApiRequest(facts: RequestFacts, port: number, token: string, allowQueryToken: boolean): AuthOutcome {
  const hosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  if (!facts.host || !hosts.includes(facts.host.toLowerCase())) return { ok: false, status: 403, reason: 'bad host' };
  if (facts.origin !== undefined && !hosts.map((h) => `http://${h}`).includes(facts.origin.toLowerCase())) {
    return { ok: false, status: 403, reason: 'bad origin' };
  }
  const given = facts.headerToken ?? (allowQueryToken ? facts.queryToken : undefined);
  if (!sameToken(given, token)) return { ok: false, status: 401, reason: 'bad or missing token' };
  return { ok: true };
}
