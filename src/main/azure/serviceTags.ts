/**
 * Service tags for the regions in use (workspace regions, else VNet regions) from the Service Tag
 * Discovery API, merged into one document so later checks work offline. One call per region, each
 * through a readable subscription that has something in that region.
 */
import { subscriptionOf } from '../../shared/model/armId';
import type { ArmResource, ServiceTagsDocument } from '../../shared/model/snapshotFile';
import { mergeServiceTags } from '../harvest/mergeServiceTags';
import { describeFailure, failureText } from './armErrors';
import type { CapturedResponse } from './httpRuntime';
import { apiVersionOf, parseBody } from './rawList';
import type { RunContext } from './runContext';

/** Progress/apiVersions key of the service tags step. */
export const SERVICE_TAGS_STEP = 'Microsoft.Network/locations/serviceTags';

/** `West Europe` → `westeurope`. */
export function normalizeRegion(location: string): string {
  return location.replace(/\s+/g, '').toLowerCase();
}

/** Region → a subscription to ask, from workspaces first, VNets when there is no workspace. */
export function regionsInUse(workspaces: readonly ArmResource[], vnets: readonly ArmResource[]): Map<string, string> {
  const pick = (list: readonly ArmResource[]) => {
    const m = new Map<string, string>();
    for (const r of list) {
      if (!r.location) continue;
      const region = normalizeRegion(r.location);
      if (region && region !== 'global' && !m.has(region)) m.set(region, subscriptionOf(r.id));
    }
    return m;
  };
  const fromWorkspaces = pick(workspaces);
  return fromWorkspaces.size ? fromWorkspaces : pick(vnets);
}

/** Fetch and merge; failures become `serviceTagsMissing` warnings. */
export async function harvestServiceTags(ctx: RunContext, regions: ReadonlyMap<string, string>): Promise<ServiceTagsDocument | undefined> {
  ctx.progress.started('*', SERVICE_TAGS_STEP);
  const docs: ServiceTagsDocument[] = [];
  let failed = 0;
  await Promise.all([...regions].map(async ([region, sub]) => {
    const sink: CapturedResponse[] = [];
    try {
      await ctx.runtime.capture(sink, () => ctx.clients.network(sub).serviceTags.list(region));
      const last = sink[sink.length - 1];
      const body = last ? parseBody(last) : undefined;
      if (!body || !Array.isArray(body.values)) throw new Error(`service tags answer for ${region} has no values[]`);
      docs.push(body as unknown as ServiceTagsDocument);
      ctx.ledger.apiVersion(SERVICE_TAGS_STEP, last ? apiVersionOf(last.url) : undefined);
    } catch (err) {
      ctx.signal?.throwIfAborted();
      failed++;
      ctx.ledger.warn('serviceTagsMissing', `service tags for ${region}: ${failureText(describeFailure(err))}`);
    }
  }));
  const merged = mergeServiceTags(docs.map(stripEnvelope));
  ctx.progress.finished('*', SERVICE_TAGS_STEP, failed ? 'failed' : 'done', merged?.values.length ?? 0);
  return merged;
}

/** Keep only the ServiceTagsDocument fields (the API adds name/id/type/nextLink around them). */
function stripEnvelope(doc: ServiceTagsDocument): ServiceTagsDocument {
  // The Discovery API writes change numbers as strings; the public download (and the model) as numbers.
  const values = doc.values.map((v) => (typeof v.properties?.changeNumber === 'string' ? { ...v, properties: { ...v.properties, changeNumber: Number(v.properties.changeNumber) } } : v));
  return { ...(doc.changeNumber !== undefined ? { changeNumber: Number(doc.changeNumber) } : {}), ...(doc.cloud ? { cloud: doc.cloud } : {}), values };
}
