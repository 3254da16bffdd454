/**
 * Runs one SDK list operation to the end of its pages and returns the items exactly as ARM sent
 * them (from the captured response bodies, not the SDK's flattened models). Stops after `maxPages`
 * or when a nextLink repeats, saying so, since a broken service can page forever.
 */
import type { ArmResource } from '../../shared/model/snapshotFile';
import type { CapturedResponse, HttpRuntime } from './httpRuntime';

/** Anything with the SDK's `byPage()` (modular and classic paged iterators both have it). */
export interface Pageable {
  byPage(): AsyncIterableIterator<unknown[]>;
}

/** The items of a list, plus how the paging ended. */
export interface RawList {
  readonly items: ArmResource[];
  readonly pages: number;
  readonly apiVersion?: string;
  /** Set when paging was cut: `cap` (maxPages reached) or `loop` (a nextLink came back). */
  readonly cut?: 'cap' | 'loop';
}

/** Thrown when a list fails; carries what was read before the failure. */
export class ListFailure extends Error {
  constructor(
    readonly failure: unknown,
    readonly partial: ArmResource[],
    readonly lastStatus: number | undefined,
    /** ARM's `error` from the failing response, when it sent one (SDK paging errors drop it). */
    readonly armError?: { readonly code?: string; readonly message?: string },
  ) {
    super(failure instanceof Error ? failure.message : String(failure));
    this.name = 'ListFailure';
  }
}

const parsed = new WeakMap<CapturedResponse, Record<string, unknown> | undefined>();

/** Parse a captured body as JSON (once per response); undefined when it is not a JSON object. */
export function parseBody(r: CapturedResponse): Record<string, unknown> | undefined {
  if (parsed.has(r)) return parsed.get(r);
  let out: Record<string, unknown> | undefined;
  try {
    const v: unknown = r.bodyAsText ? JSON.parse(r.bodyAsText) : undefined;
    out = typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    out = undefined;
  }
  parsed.set(r, out);
  return out;
}

/** The api-version a request used. */
export function apiVersionOf(url: string): string | undefined {
  try {
    return new URL(url).searchParams.get('api-version') ?? undefined;
  } catch {
    return undefined;
  }
}

/** List to the end (or the cap). Throws {@link ListFailure} on an SDK/HTTP/parse failure. */
export async function listRaw(runtime: HttpRuntime, start: () => Pageable, maxPages: number, signal?: AbortSignal, onPage?: (itemsSoFar: number) => void): Promise<RawList> {
  const sink: CapturedResponse[] = [];
  let pages = 0;
  let cut: RawList['cut'];
  const seenLinks = new Set<string>();
  const collect = () => {
    const items: ArmResource[] = [];
    for (const r of sink) {
      if (r.status !== 200) continue;
      const value = parseBody(r)?.value;
      if (Array.isArray(value)) items.push(...(value as ArmResource[]));
    }
    return items;
  };
  try {
    await runtime.capture(sink, async () => {
      let count = 0;
      for await (const page of start().byPage()) {
        pages++;
        count += page.length;
        onPage?.(count);
        signal?.throwIfAborted();
        const last = sink[sink.length - 1];
        const next = last ? parseBody(last)?.nextLink : undefined;
        if (typeof next === 'string' && next) {
          if (seenLinks.has(next)) {
            cut = 'loop';
            break;
          }
          seenLinks.add(next);
        }
        if (pages >= maxPages && typeof next === 'string' && next) {
          cut = 'cap';
          break;
        }
      }
    });
  } catch (err) {
    signal?.throwIfAborted();
    const last = sink[sink.length - 1];
    const error = last && last.status !== 200 ? parseBody(last)?.error : undefined;
    const armError = typeof error === 'object' && error !== null ? (error as { code?: string; message?: string }) : undefined;
    throw new ListFailure(err, collect(), last?.status, armError);
  }
  const first = sink[0];
  const apiVersion = first ? apiVersionOf(first.url) : undefined;
  return { items: collect(), pages, ...(apiVersion ? { apiVersion } : {}), ...(cut ? { cut } : {}) };
}
