/**
 * The state one harvest run threads through its steps, and the generic step runners: a list step
 * (one subscription × one type) and a child step (one subscription × one child type over many
 * parents). Both turn failures into warnings and MissingScope entries instead of failing the run.
 */
import type { ArmResource } from '../../shared/model/snapshotFile';
import { describeFailure, failureText, redact } from './armErrors';
import type { SdkClients } from './clients';
import type { HttpRuntime } from './httpRuntime';
import type { HarvestLedger } from './ledger';
import type { ProgressTracker } from './progress';
import { ListFailure, listRaw, type Pageable } from './rawList';

/** Shared state of one harvest run. */
export interface RunContext {
  readonly runtime: HttpRuntime;
  readonly clients: SdkClients;
  readonly ledger: HarvestLedger;
  readonly progress: ProgressTracker;
  readonly armEndpoint: string;
  readonly maxPages: number;
  readonly signal?: AbortSignal;
}

/** List one type in one subscription; returns what was read (possibly partial). */
export async function listStep(ctx: RunContext, sub: string, type: string, start: () => Pageable): Promise<ArmResource[]> {
  ctx.progress.started(sub, type);
  try {
    const r = await listRaw(ctx.runtime, start, ctx.maxPages, ctx.signal, (n) => ctx.progress.page(sub, type, n));
    ctx.ledger.add(r.items);
    ctx.ledger.apiVersion(type, r.apiVersion);
    if (r.cut) ctx.ledger.warn('pagingCut', `${type} in subscription ${sub}: paging stopped after ${r.pages} pages (${r.cut === 'loop' ? 'a nextLink repeated' : 'page cap reached'}); the list may be incomplete`);
    ctx.progress.finished(sub, type, 'done', r.items.length);
    return r.items;
  } catch (err) {
    ctx.signal?.throwIfAborted();
    const partial = err instanceof ListFailure ? err.partial : [];
    ctx.ledger.add(partial);
    const text = recordFailure(ctx, err, { kind: 'resourceType', subscriptionId: sub, resourceType: type }, `${type} in subscription ${sub}`);
    ctx.progress.finished(sub, type, 'failed', partial.length, text);
    return partial;
  }
}

/** Run `perParent` for every parent as one progress step; a parent's failure is recorded against it. */
export async function childStep(ctx: RunContext, sub: string, type: string, parents: readonly ArmResource[], perParent: (parent: ArmResource) => Promise<ArmResource[]>): Promise<void> {
  ctx.progress.started(sub, type);
  let items = 0;
  let failed = 0;
  await Promise.all(parents.map(async (parent) => {
    try {
      const got = await perParent(parent);
      items += got.length;
      ctx.progress.page(sub, type, items);
    } catch (err) {
      ctx.signal?.throwIfAborted();
      failed++;
      if (err instanceof ListFailure) ctx.ledger.add(err.partial);
      recordFailure(ctx, err, { kind: 'resource', subscriptionId: sub, resourceType: type, resourceId: parent.id }, `${type} of ${parent.id}`);
    }
  }));
  ctx.progress.finished(sub, type, failed ? 'failed' : 'done', items, failed ? `${failed} of ${parents.length} parents failed` : undefined);
}

/** List children of one parent through the SDK and keep them. */
export async function listChildren(ctx: RunContext, type: string, start: () => Pageable): Promise<ArmResource[]> {
  const r = await listRaw(ctx.runtime, start, ctx.maxPages, ctx.signal);
  ctx.ledger.add(r.items);
  ctx.ledger.apiVersion(type, r.apiVersion);
  if (r.cut) ctx.ledger.warn('pagingCut', `${type}: paging stopped after ${r.pages} pages (${r.cut}); the list may be incomplete`);
  return r.items;
}

interface Scope {
  readonly kind: 'resourceType' | 'resource';
  readonly subscriptionId: string;
  readonly resourceType: string;
  readonly resourceId?: string;
}

/** Warning + MissingScope for a failure; returns the failure text. */
function recordFailure(ctx: RunContext, err: unknown, scope: Scope, what: string): string {
  const cause = err instanceof ListFailure ? err.failure : err;
  const described = describeFailure(cause);
  const armError = err instanceof ListFailure ? err.armError : undefined;
  const f = armError?.message ? { ...described, ...(armError.code ? { code: armError.code } : {}), message: redact(armError.message) } : described;
  const lastStatus = err instanceof ListFailure ? err.lastStatus : undefined;
  const malformed = lastStatus === 200 || f.code === 'PARSE_ERROR';
  const text = malformed ? `malformed page: ${f.message}` : failureText(f);
  ctx.ledger.markMissing({ ...scope, reason: text });
  if (f.status === 403) ctx.ledger.warn('forbidden', `${what}: ${text}`, scope.resourceId);
  else if (malformed) ctx.ledger.warn('malformedPage', `${what}: ${text}`, scope.resourceId);
  else ctx.ledger.warn('requestFailed', `${what}: ${text}`, scope.resourceId);
  return text;
}
