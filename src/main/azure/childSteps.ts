/**
 * The per-parent reads that follow the subscription-wide lists, shared by the ARM and the Resource
 * Graph paths: effective admin rules per VNet, rule collection groups per firewall policy, DNS zone
 * groups per private endpoint, VNet links and A records per private DNS zone, computes and the
 * newer-api-version GET per workspace.
 */
import { createPipelineRequest, RestError } from '@azure/core-rest-pipeline';
import { lastSegment, resourceGroupOf } from '../../shared/model/armId';
import type { ArmResource } from '../../shared/model/snapshotFile';
import type { CapturedResponse } from './httpRuntime';
import { parseBody } from './rawList';
import { childStep, listChildren, type RunContext } from './runContext';

/** Child step type names (progress + apiVersions keys). */
export const CHILD = {
  adminRules: 'VNetLens.Harvest/effectiveSecurityAdminRules',
  ruleCollectionGroups: 'Microsoft.Network/firewallPolicies/ruleCollectionGroups',
  dnsZoneGroups: 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups',
  vnetLinks: 'Microsoft.Network/privateDnsZones/virtualNetworkLinks',
  aRecords: 'Microsoft.Network/privateDnsZones/A',
  computes: 'Microsoft.MachineLearningServices/workspaces/computes',
  workspaceDetails: 'Microsoft.MachineLearningServices/workspaces@details',
} as const;

/** api-version of the plain ARM GET that adds serverlessComputeSettings / managedNetwork. */
export const WORKSPACE_API_VERSION = '2025-12-01';

const rgName = (r: ArmResource) => [resourceGroupOf(r.id), lastSegment(r.id)] as const;

/** Effective security admin rules of each VNet, one pseudo-resource per VNet. */
export function adminRulesStep(ctx: RunContext, sub: string, vnets: readonly ArmResource[]): Promise<void> {
  return childStep(ctx, sub, CHILD.adminRules, vnets, async (vnet) => {
    const [rg, name] = rgName(vnet);
    const sink: CapturedResponse[] = [];
    const value: unknown[] = [];
    let skipToken: string | undefined;
    let pages = 0;
    await ctx.runtime.capture(sink, async () => {
      do {
        await ctx.clients.network(sub).listNetworkManagerEffectiveSecurityAdminRules(rg, name, skipToken ? { skipToken } : {});
        const last = sink[sink.length - 1];
        const body = last ? parseBody(last) : undefined;
        if (Array.isArray(body?.value)) value.push(...(body.value as unknown[]));
        skipToken = typeof body?.skipToken === 'string' && body.skipToken ? body.skipToken : undefined;
        pages++;
      } while (skipToken && pages < ctx.maxPages);
    });
    if (skipToken) ctx.ledger.warn('pagingCut', `${CHILD.adminRules} of ${vnet.id}: stopped after ${pages} pages`, vnet.id);
    const first = sink[0];
    ctx.ledger.apiVersion(CHILD.adminRules, first ? new URL(first.url).searchParams.get('api-version') ?? undefined : undefined);
    const pseudo: ArmResource = { id: `${vnet.id}/effectiveSecurityAdminRules`, name: 'effectiveSecurityAdminRules', type: CHILD.adminRules, properties: { vnetId: vnet.id, value } };
    ctx.ledger.add([pseudo]);
    return [pseudo];
  });
}

/** Rule collection groups of each firewall policy. */
export function ruleCollectionGroupsStep(ctx: RunContext, sub: string, policies: readonly ArmResource[]): Promise<void> {
  return childStep(ctx, sub, CHILD.ruleCollectionGroups, policies, (p) =>
    listChildren(ctx, CHILD.ruleCollectionGroups, () => ctx.clients.network(sub).firewallPolicyRuleCollectionGroups.list(...rgName(p))));
}

/** DNS zone groups of each private endpoint (ARM does not inline them in the PE). */
export function dnsZoneGroupsStep(ctx: RunContext, sub: string, endpoints: readonly ArmResource[]): Promise<void> {
  const notInline = endpoints.filter((pe) => !Array.isArray(pe.properties?.privateDnsZoneGroups));
  return childStep(ctx, sub, CHILD.dnsZoneGroups, notInline, (pe) =>
    listChildren(ctx, CHILD.dnsZoneGroups, () => ctx.clients.network(sub).privateDnsZoneGroups.list(...rgName(pe))));
}

/** VNet links of each private DNS zone. */
export function vnetLinksStep(ctx: RunContext, sub: string, zones: readonly ArmResource[]): Promise<void> {
  return childStep(ctx, sub, CHILD.vnetLinks, zones, (z) =>
    listChildren(ctx, CHILD.vnetLinks, () => ctx.clients.dns(sub).virtualNetworkLinks.list(...rgName(z))));
}

/** A record sets of each private DNS zone. */
export function aRecordsStep(ctx: RunContext, sub: string, zones: readonly ArmResource[]): Promise<void> {
  return childStep(ctx, sub, CHILD.aRecords, zones, (z) =>
    listChildren(ctx, CHILD.aRecords, () => ctx.clients.dns(sub).recordSets.listByType(...rgName(z), 'A')));
}

/** Computes of each workspace (ML client, 2022-10-01). */
export function computesStep(ctx: RunContext, sub: string, workspaces: readonly ArmResource[]): Promise<void> {
  return childStep(ctx, sub, CHILD.computes, workspaces, (ws) =>
    listChildren(ctx, CHILD.computes, () => ctx.clients.ml(sub).computeOperations.list(...rgName(ws))));
}

/**
 * Re-read each workspace with a newer api-version through the ML client's own pipeline (same
 * credential, retries, limiter): the 2022-10-01 list lacks serverlessComputeSettings and
 * managedNetwork. The newer body replaces the listed one; on failure the listed one stays.
 */
export function workspaceDetailsStep(ctx: RunContext, sub: string, workspaces: readonly ArmResource[]): Promise<void> {
  return childStep(ctx, sub, CHILD.workspaceDetails, workspaces, async (ws) => {
    const url = `${ctx.armEndpoint}${ws.id}?api-version=${WORKSPACE_API_VERSION}`;
    const res = await ctx.clients.ml(sub).sendRequest(createPipelineRequest({ url, method: 'GET' }));
    const body = res.bodyAsText ? (JSON.parse(res.bodyAsText) as unknown) : undefined;
    if (res.status !== 200 || typeof body !== 'object' || body === null || typeof (body as ArmResource).id !== 'string') {
      const error = (body as { error?: { code?: string; message?: string } } | undefined)?.error;
      throw new RestError(error?.message ?? `GET ${ws.id} returned ${res.status}`, { statusCode: res.status, ...(error?.code ? { code: error.code } : {}) });
    }
    ctx.ledger.replace(body as ArmResource);
    ctx.ledger.apiVersions['Microsoft.MachineLearningServices/workspaces'] = WORKSPACE_API_VERSION;
    return [body as ArmResource];
  });
}
