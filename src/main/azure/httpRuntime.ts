/**
 * What every SDK client of one harvest shares: one HTTP client (keep-alive connections are reused
 * across clients), the concurrency limiter, the slow-down pacer, cancellation, an optional extra CA,
 * and the capture of raw response bodies. The SDK deserialises into flattened camelCase models; the
 * snapshot wants ARM's own JSON, so a pipeline policy keeps each final response's text for the caller
 * that is running inside {@link HttpRuntime.capture} (found through AsyncLocalStorage, which follows
 * the SDK's paging requests that carry no per-call options).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { Agent } from 'node:https';
import { createSecureContext, rootCertificates } from 'node:tls';
import { createDefaultHttpClient, type HttpClient, type PipelinePolicy, type PipelineResponse } from '@azure/core-rest-pipeline';
import type { Limiter } from '../harvest/limiter';
import type { Pacer } from '../harvest/pacer';

/** A final (after retries) response as the caller of `capture` sees it. */
export interface CapturedResponse {
  readonly status: number;
  readonly url: string;
  readonly bodyAsText: string | undefined;
  header(name: string): string | undefined;
}

/** Something the runtime noticed on one attempt (before retries decide). */
export interface HttpEvent {
  readonly kind: 'throttled' | 'serverError' | 'rateLimitLow';
  readonly subscriptionId: string | undefined;
  readonly status: number;
  readonly detail: string;
}

/** Options of {@link createHttpRuntime}. */
export interface HttpRuntimeOptions {
  readonly limiter: Limiter;
  readonly pacer: Pacer;
  readonly signal?: AbortSignal;
  /** PEM of an extra CA to trust (the fake ARM server); NODE_EXTRA_CA_CERTS works too. */
  readonly ca?: string;
  /** Pause a subscription when its remaining reads drop below this. */
  readonly rateLimitLowWater: number;
  readonly slowDownMs: number;
  readonly onEvent: (event: HttpEvent) => void;
}

/** Policy config in the shape both the modular and the classic SDK clients accept. */
export interface PolicyConfig {
  readonly policy: PipelinePolicy;
  readonly position: 'perCall' | 'perRetry';
}

/** The shared HTTP machinery of one harvest. */
export interface HttpRuntime {
  readonly httpClient: HttpClient;
  readonly policies: PolicyConfig[];
  /** Run `fn`; every final response of the requests it makes is pushed to `sink`, in order (kept on failure too). */
  capture<T>(sink: CapturedResponse[], fn: () => Promise<T>): Promise<T>;
}

/** The subscription GUID in a request URL, lower case. */
export function subscriptionOfUrl(url: string): string | undefined {
  return /\/subscriptions\/([^/?]+)/i.exec(url)?.[1]?.toLowerCase();
}

/** Create the runtime. */
export function createHttpRuntime(opts: HttpRuntimeOptions): HttpRuntime {
  const store = new AsyncLocalStorage<CapturedResponse[]>();
  // One secure context for all connections: passing `ca` itself would rebuild a context with every
  // root certificate per connection and make the agent hash them into its key on every request.
  const agent = opts.ca ? new Agent({ keepAlive: true, secureContext: createSecureContext({ ca: [...rootCertificates, opts.ca] }) }) : undefined;

  const perCall: PipelinePolicy = {
    name: 'vnetlensCapture',
    async sendRequest(request, next) {
      if (opts.signal) request.abortSignal = request.abortSignal ? AbortSignal.any([request.abortSignal as AbortSignal, opts.signal]) : opts.signal;
      if (agent) request.agent = agent;
      const response = await next(request);
      store.getStore()?.push(toCaptured(response));
      return response;
    },
  };

  const perRetry: PipelinePolicy = {
    name: 'vnetlensLimiter',
    async sendRequest(request, next) {
      const sub = subscriptionOfUrl(request.url);
      await opts.pacer.wait(sub, opts.signal);
      const release = await opts.limiter.acquire(sub, opts.signal);
      let response: PipelineResponse;
      try {
        response = await next(request);
      } finally {
        release();
      }
      observe(response, sub, opts);
      return response;
    },
  };

  return {
    httpClient: createDefaultHttpClient(),
    policies: [{ policy: perCall, position: 'perCall' }, { policy: perRetry, position: 'perRetry' }],
    capture: (sink, fn) => store.run(sink, fn),
  };
}

function toCaptured(r: PipelineResponse): CapturedResponse {
  return { status: r.status, url: r.request.url, bodyAsText: r.bodyAsText ?? undefined, header: (name) => r.headers.get(name) };
}

function observe(r: PipelineResponse, sub: string | undefined, opts: HttpRuntimeOptions): void {
  if (r.status === 429) {
    opts.onEvent({ kind: 'throttled', subscriptionId: sub, status: 429, detail: `Retry-After ${r.headers.get('retry-after') ?? '?'}` });
  } else if (r.status >= 500) {
    opts.onEvent({ kind: 'serverError', subscriptionId: sub, status: r.status, detail: r.request.url.split('?')[0] ?? '' });
  }
  const remaining = ['x-ms-ratelimit-remaining-subscription-reads', 'x-ms-ratelimit-remaining-subscription-global-reads']
    .map((h) => Number.parseInt(r.headers.get(h) ?? '', 10))
    .filter((n) => Number.isFinite(n));
  const low = remaining.length ? Math.min(...remaining) : undefined;
  if (sub && low !== undefined && low < opts.rateLimitLowWater) {
    opts.pacer.pause(sub, opts.slowDownMs);
    opts.onEvent({ kind: 'rateLimitLow', subscriptionId: sub, status: r.status, detail: `${low} reads left` });
  }
}
