/**
 * The Resource Graph path (`--via resource-graph`), for large tenants: one KQL query over all chosen
 * subscriptions (1,000 per query, Azure's limit), paged with `$skipToken`, pausing when the
 * `x-ms-user-quota-remaining` header reaches 0 until `x-ms-user-quota-resets-after`. Rows are stored
 * as Resource Graph returns them (types in lower case). Resource Graph's `Resources` table has the
 * VNet links of private DNS zones but not their record sets, nor rule collection groups, DNS zone
 * groups, ML computes' nested properties, effective admin rules or service tags: those are read
 * through ARM afterwards (GRAPH_CHILD_FOLLOWS), like on the ARM path.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { subscriptionOf } from '../../shared/model/armId';
import type { ArmResource } from '../../shared/model/snapshotFile';
import { describeFailure, failureText } from './armErrors';
import { GRAPH_CHILD_FOLLOWS } from './armSteps';
import type { CapturedResponse } from './httpRuntime';
import { apiVersionOf, parseBody } from './rawList';
import type { RunContext } from './runContext';

/** Progress/apiVersions key of the query step. */
export const GRAPH_STEP = 'Microsoft.ResourceGraph/resources';

/** The types the query asks for (lower case, as Resource Graph writes them). */
export const GRAPH_TYPES: readonly string[] = [
  'microsoft.network/virtualnetworks', 'microsoft.network/networksecuritygroups', 'microsoft.network/applicationsecuritygroups',
  'microsoft.network/routetables', 'microsoft.network/natgateways', 'microsoft.network/azurefirewalls',
  'microsoft.network/firewallpolicies', 'microsoft.network/ipgroups', 'microsoft.network/publicipaddresses',
  'microsoft.network/networkinterfaces', 'microsoft.network/privateendpoints', 'microsoft.network/privatednszones',
  'microsoft.network/privatednszones/virtualnetworklinks', 'microsoft.machinelearningservices/workspaces',
];

/** The KQL of the one query. */
export const GRAPH_QUERY = `Resources | where type in~ (${GRAPH_TYPES.map((t) => `'${t}'`).join(', ')}) | project id, name, type, location, kind, sku, tags, zones, identity, properties, subscriptionId, resourceGroup | order by id asc`;

/** `hh:mm:ss` → ms. */
export function parseResetsAfter(v: string | undefined): number {
  const m = /^(\d+):(\d{2}):(\d{2})(?:\.\d+)?$/.exec(v?.trim() ?? '');
  return m ? ((Number(m[1]) * 60 + Number(m[2])) * 60 + Number(m[3])) * 1000 : 1000;
}

/** Run the query for `subs`; returns the rows (also added to the ledger). */
export async function queryResourceGraph(ctx: RunContext, subs: readonly string[]): Promise<ArmResource[]> {
  ctx.progress.started('*', GRAPH_STEP);
  const rows: ArmResource[] = [];
  let quotaWaits = 0;
  try {
    for (let i = 0; i < subs.length; i += 1000) {
      const batch = subs.slice(i, i + 1000);
      let skipToken: string | undefined;
      let pages = 0;
      do {
        const sink: CapturedResponse[] = [];
        await ctx.runtime.capture(sink, () => ctx.clients.graph().resources({
          subscriptions: [...batch],
          query: GRAPH_QUERY,
          options: { resultFormat: 'objectArray', top: 1000, ...(skipToken ? { skipToken } : {}) },
        }));
        const last = sink[sink.length - 1];
        const body = last ? parseBody(last) : undefined;
        if (!body || !Array.isArray(body.data)) throw new Error('Resource Graph answer has no data[] (resultFormat objectArray expected)');
        rows.push(...(body.data as ArmResource[]));
        ctx.progress.page('*', GRAPH_STEP, rows.length);
        ctx.ledger.apiVersion(GRAPH_STEP, last ? apiVersionOf(last.url) : undefined);
        skipToken = typeof body.$skipToken === 'string' && body.$skipToken ? body.$skipToken : undefined;
        pages++;
        const remaining = Number.parseInt(last?.header('x-ms-user-quota-remaining') ?? '', 10);
        if (skipToken && Number.isFinite(remaining) && remaining <= 0) {
          quotaWaits++;
          await sleep(parseResetsAfter(last?.header('x-ms-user-quota-resets-after')), undefined, ctx.signal ? { signal: ctx.signal } : {});
        }
      } while (skipToken && pages < ctx.maxPages);
      if (skipToken) ctx.ledger.warn('pagingCut', `Resource Graph query stopped after ${pages} pages; results may be incomplete`);
    }
  } catch (err) {
    ctx.signal?.throwIfAborted();
    const text = failureText(describeFailure(err));
    for (const sub of subs) ctx.ledger.markMissing({ kind: 'resourceType', subscriptionId: sub, resourceType: GRAPH_STEP, reason: text });
    ctx.ledger.warn('requestFailed', `Resource Graph query: ${text}`);
    ctx.progress.finished('*', GRAPH_STEP, 'failed', rows.length, text);
    ctx.ledger.add(rows);
    return rows;
  }
  if (quotaWaits) ctx.ledger.warn('resourceGraphQuota', `Resource Graph quota ran out ${quotaWaits} time(s); waited for it to reset`);
  ctx.ledger.add(rows);
  ctx.progress.finished('*', GRAPH_STEP, 'done', rows.length);
  return rows;
}

/** The query, then the ARM reads for what Resource Graph lacks, per subscription. */
export async function harvestViaResourceGraph(ctx: RunContext, subs: readonly string[]): Promise<void> {
  const rows = await queryResourceGraph(ctx, subs);
  const grouped = new Map<string, ArmResource[]>();
  for (const r of rows) {
    const k = `${subscriptionOf(r.id)}|${r.type.toLowerCase()}`;
    const list = grouped.get(k);
    if (list) list.push(r);
    else grouped.set(k, [r]);
  }
  const of = (sub: string, type: string) => grouped.get(`${sub.toLowerCase()}|${type.toLowerCase()}`) ?? [];
  await Promise.all(subs.flatMap((sub) => GRAPH_CHILD_FOLLOWS.map(({ parentType, follow }) => follow(ctx, sub, of(sub, parentType)))));
}
