/**
 * The fake `POST /providers/Microsoft.ResourceGraph/resources`: no KQL engine, just what the
 * harvester's query needs — the `type in~ (…)` filter, the subscriptions in the body, `$top`,
 * `$skipToken` paging and `resultFormat: objectArray` rows (types in lower case, as Resource Graph
 * returns them).
 */
import { resourceGroupOf, subscriptionOf } from '../../src/shared/model/armId';
import type { EstateIndex } from './estateIndex';
import type { Answer } from './routes';

interface QueryBody {
  readonly subscriptions?: readonly string[];
  readonly query?: string;
  readonly options?: { readonly $skipToken?: string; readonly $top?: number; readonly resultFormat?: string };
}

/** The types named in the query's `type in~ ('a', 'b')`, lower case; undefined = no filter. */
export function queriedTypes(query: string): Set<string> | undefined {
  const m = /type\s+in~\s*\(([^)]*)\)/i.exec(query);
  if (!m?.[1]) return undefined;
  return new Set([...m[1].matchAll(/'([^']+)'|"([^"]+)"/g)].map((x) => (x[1] ?? x[2] ?? '').toLowerCase()));
}

/** Answer one Resource Graph query page. */
export function resourceGraphAnswer(index: EstateIndex, raw: unknown, maxPage: number): Answer {
  const body = (raw ?? {}) as QueryBody;
  if (typeof body.query !== 'string') return { status: 400, body: { error: { code: 'BadRequest', message: 'query is required' } } };
  const subs = new Set((body.subscriptions ?? []).map((s) => s.toLowerCase()));
  const types = queriedTypes(body.query);
  const rows = index.estate.resources
    .filter((r) => subs.has(subscriptionOf(r.id)) && (!types || types.has(r.type.toLowerCase())))
    .map((r) => ({
      ...r,
      type: r.type.toLowerCase(),
      subscriptionId: subscriptionOf(r.id),
      resourceGroup: resourceGroupOf(r.id).toLowerCase(),
      tenantId: index.estate.tenantId,
    }));
  const offset = body.options?.$skipToken ? Number.parseInt(Buffer.from(body.options.$skipToken, 'base64').toString('utf8'), 10) || 0 : 0;
  const size = Math.min(body.options?.$top ?? maxPage, maxPage);
  const data = rows.slice(offset, offset + size);
  const next = offset + size;
  const answer: Record<string, unknown> = { totalRecords: rows.length, count: data.length, resultTruncated: 'false', data };
  if (next < rows.length) answer.$skipToken = Buffer.from(String(next)).toString('base64');
  return { status: 200, body: answer };
}
