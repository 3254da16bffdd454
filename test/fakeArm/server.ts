/**
 * The fake ARM HTTPS server: node:https on 127.0.0.1 with a self-signed cert, bearer-token check,
 * latency, fault rules, Resource Graph quota headers, and counters tests assert on (requests,
 * peak concurrency overall and per subscription). Routing itself is in routes.ts.
 */
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { makeCert, type FakeCert } from './cert';
import type { FakeEstate } from './estate';
import { indexEstate, type EstateIndex } from './estateIndex';
import { FaultBook, type FaultRule } from './faults';
import { armError, route, type Answer } from './routes';

/** How to start a fake server. */
export interface FakeArmOptions {
  readonly estate: FakeEstate;
  /** The only bearer token accepted. */
  readonly token?: string;
  readonly pageSize?: number;
  readonly resourceGraphPageSize?: number;
  readonly latencyMs?: number;
  readonly faults?: readonly FaultRule[];
  /** Resource Graph user quota: queries per window (default 15 per 5 s, Azure's default). */
  readonly resourceGraphQuota?: { readonly perWindow: number; readonly windowMs: number };
  readonly cert?: FakeCert;
  readonly port?: number;
}

/** One served request, for assertions. */
export interface ServedRequest {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly authorization: string | undefined;
}

/** A running fake server. */
export interface FakeArmServer {
  readonly url: string;
  readonly port: number;
  readonly certPem: string;
  readonly token: string;
  readonly faults: FaultBook;
  readonly requests: ServedRequest[];
  /** TLS connections accepted (keep-alive reuse shows as few connections for many requests). */
  readonly connections: () => number;
  /** Peak requests in flight, overall and per subscription (lower-case id). */
  readonly peak: { overall: number; perSubscription: Map<string, number> };
  setEstate(estate: FakeEstate): void;
  close(): Promise<void>;
}

/** Start a fake ARM server on 127.0.0.1 (port 0 = any free port). */
export async function startFakeArm(options: FakeArmOptions): Promise<FakeArmServer> {
  const cert = options.cert ?? (await makeCert());
  const token = options.token ?? 'fake-arm-token';
  const faults = new FaultBook(options.faults ?? []);
  const requests: ServedRequest[] = [];
  const peak = { overall: 0, perSubscription: new Map<string, number>() };
  const inFlightBySub = new Map<string, number>();
  let inFlight = 0;
  let index: EstateIndex = indexEstate(options.estate);
  const quota = options.resourceGraphQuota ?? { perWindow: 15, windowMs: 5000 };
  let windowStart = Date.now();
  let usedInWindow = 0;
  let origin = '';
  let connections = 0;

  const server: Server = createServer({ key: cert.key, cert: cert.cert, keepAlive: true }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const method = req.method ?? 'GET';
        const url = new URL(req.url ?? '/', origin);
        const subscriptionId = /^\/subscriptions\/([^/?]+)/i.exec(url.pathname)?.[1]?.toLowerCase();
        inFlight++;
        peak.overall = Math.max(peak.overall, inFlight);
        if (subscriptionId) {
          const n = (inFlightBySub.get(subscriptionId) ?? 0) + 1;
          inFlightBySub.set(subscriptionId, n);
          peak.perSubscription.set(subscriptionId, Math.max(peak.perSubscription.get(subscriptionId) ?? 0, n));
        }
        let answer: Answer;
        const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
        let text: string | undefined;
        try {
          const applied = faults.take({ method, pathAndQuery: url.pathname + url.search, subscriptionId });
          const delay = (options.latencyMs ?? 0) + applied.filter((f) => f.kind === 'latency').reduce((s, f) => s + (f.ms ?? 0), 0);
          if (delay > 0) await sleep(delay);
          const kinds = new Set(applied.map((f) => f.kind));
          const throttle = applied.find((f) => f.kind === 'throttle');
          if (method === 'GET' && url.pathname === '/_fake/stats') {
            // Counters for a client in another process (the bench); not ARM, no token needed.
            const since = Number(url.searchParams.get('pathsSince') ?? NaN);
            const paths = Number.isInteger(since) ? requests.slice(since).map((r) => ({ method: r.method, path: r.path })) : undefined;
            answer = { status: 200, body: { requests: requests.length, peak: peak.overall, connections, ...(paths ? { paths } : {}) } };
          } else if (req.headers.authorization !== `Bearer ${token}`) {
            answer = armError(401, 'InvalidAuthenticationToken', 'The access token is invalid.');
          } else if (throttle) {
            answer = armError(429, 'TooManyRequests', 'Rate limit exceeded.');
            headers['retry-after'] = String(throttle.retryAfterSeconds ?? 1);
          } else if (kinds.has('serverError')) {
            answer = armError(500, 'InternalServerError', 'Something went wrong.');
          } else if (kinds.has('forbidden')) {
            answer = armError(403, 'AuthorizationFailed', `The client does not have authorization to perform action over scope '${url.pathname}'.`);
          } else {
            let body: unknown;
            const raw = Buffer.concat(chunks).toString('utf8');
            if (raw) body = JSON.parse(raw) as unknown;
            const isGraph = /\/providers\/microsoft\.resourcegraph\/resources$/i.test(url.pathname);
            if (isGraph) {
              const now = Date.now();
              if (now - windowStart >= quota.windowMs) {
                windowStart = now;
                usedInWindow = 0;
              }
              usedInWindow++;
              headers['x-ms-user-quota-remaining'] = String(Math.max(0, quota.perWindow - usedInWindow));
              headers['x-ms-user-quota-resets-after'] = hms(Math.max(0, quota.windowMs - (now - windowStart)));
            }
            answer = isGraph && usedInWindow > quota.perWindow
              ? armError(429, 'RateLimiting', 'Please provide below info when asking for support: quota exceeded')
              : route(index, method, url, body, {
                  origin,
                  pageSize: options.pageSize ?? 50,
                  resourceGraphPageSize: options.resourceGraphPageSize ?? 1000,
                  endlessPaging: kinds.has('endlessPaging'),
                });
            if (answer.status === 200 && kinds.has('malformed')) text = JSON.stringify(answer.body).slice(0, 40);
            else if (answer.text !== undefined) text = answer.text;
            const low = applied.find((f) => f.kind === 'lowRateLimit');
            headers['x-ms-ratelimit-remaining-subscription-reads'] = String(low?.remaining ?? 11999);
          }
        } catch (err) {
          answer = armError(500, 'FakeServerError', err instanceof Error ? err.message : String(err));
        }
        text ??= typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
        requests.push({ method, path: url.pathname + url.search, status: answer.status, authorization: req.headers.authorization });
        res.writeHead(answer.status, { ...headers, ...answer.headers });
        res.end(text, () => {
          inFlight--;
          if (subscriptionId) inFlightBySub.set(subscriptionId, (inFlightBySub.get(subscriptionId) ?? 1) - 1);
        });
      })();
    });
  });
  server.on('secureConnection', () => connections++);
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  origin = `https://127.0.0.1:${port}`;
  return {
    url: origin,
    port,
    certPem: cert.cert,
    token,
    faults,
    requests,
    peak,
    connections: () => connections,
    setEstate(estate) {
      index = indexEstate(estate);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function hms(ms: number): string {
  const s = Math.ceil(ms / 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(s / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
}
