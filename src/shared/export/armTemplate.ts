/**
 * Deployment plan → ARM deployment template (2019-04-01 schema). One resource group: a flat
 * template. Several groups or subscriptions: one nested `Microsoft.Resources/deployments` per group
 * (inner-scoped, with its own location parameters), ordered by the cross-group references.
 */
import { DEPLOYMENT_TEMPLATE_SCHEMA, DEPLOYMENTS_API_VERSION } from './apiVersions';
import type { DeploymentGroup, DeploymentPlan, PlannedResource } from './plannedResource';
import { groupKey } from './plannedResource';
import { idKey } from '../model';

/** One resource object of a template (what ARM reads; everything optional ARM allows). */
export interface TemplateResource {
  readonly type: string;
  readonly apiVersion: string;
  readonly name: string;
  readonly location?: string;
  readonly sku?: Readonly<Record<string, unknown>>;
  readonly tags?: Readonly<Record<string, string>>;
  readonly dependsOn?: readonly string[];
  readonly comments?: string;
  readonly subscriptionId?: string;
  readonly resourceGroup?: string;
  readonly properties: Readonly<Record<string, unknown>>;
}

export interface TemplateParameter {
  readonly type: string;
  readonly defaultValue?: unknown;
  readonly metadata?: { readonly description: string };
}

export interface ArmTemplate {
  readonly $schema: string;
  readonly contentVersion: string;
  readonly metadata?: Readonly<Record<string, unknown>>;
  readonly parameters: Readonly<Record<string, TemplateParameter>>;
  readonly resources: readonly TemplateResource[];
}

/** ARM string literal inside an expression: single quotes doubled. */
const lit = (s: string): string => `'${s.replace(/'/g, "''")}'`;

/** Name of the location parameter for a region (`location` when the template has one region). */
export function locationParamName(region: string, regions: readonly string[]): string {
  if (regions.length <= 1) return 'location';
  return `location${region.charAt(0).toUpperCase()}${region.slice(1).toLowerCase()}`;
}

function regionsOf(resources: readonly PlannedResource[]): string[] {
  return [...new Set(resources.map((r) => r.location?.toLowerCase()).filter((l): l is string => !!l && l !== 'global'))].sort();
}

function locationParams(regions: readonly string[]): Record<string, TemplateParameter> {
  return Object.fromEntries(regions.map((r) => [locationParamName(r, regions), {
    type: 'string', defaultValue: r, metadata: { description: `Region of the new resources that VNetLens planned in ${r}.` },
  }]));
}

/** `[resourceId('type', 'a', 'b')]` of a planned resource in the same deployment scope. */
function resourceIdExpr(r: PlannedResource): string {
  return `[resourceId(${[r.type, ...r.names].map(lit).join(', ')})]`;
}

function templateResource(r: PlannedResource, regions: readonly string[], byId: ReadonlyMap<string, PlannedResource>): TemplateResource {
  const sameGroupDeps = r.dependsOn.map((d) => byId.get(idKey(d))).filter((d): d is PlannedResource => !!d && groupKey(d.group) === groupKey(r.group));
  const location = r.location === undefined ? undefined : r.location.toLowerCase() === 'global' ? 'global' : `[parameters('${locationParamName(r.location.toLowerCase(), regions)}')]`;
  return {
    type: r.type, apiVersion: r.apiVersion, name: r.names.join('/'),
    ...(location ? { location } : {}),
    ...(r.sku ? { sku: r.sku } : {}),
    ...(r.tags ? { tags: r.tags } : {}),
    ...(sameGroupDeps.length ? { dependsOn: sameGroupDeps.map(resourceIdExpr) } : {}),
    comments: r.comment,
    properties: r.properties,
  };
}

function flatTemplate(resources: readonly PlannedResource[], byId: ReadonlyMap<string, PlannedResource>, metadata?: Record<string, unknown>): ArmTemplate {
  const regions = regionsOf(resources);
  return {
    $schema: DEPLOYMENT_TEMPLATE_SCHEMA, contentVersion: '1.0.0.0', ...(metadata ? { metadata } : {}),
    parameters: locationParams(regions),
    resources: resources.map((r) => templateResource(r, regions, byId)),
  };
}

/** Deployment names: `vnetlens-<rg>` (64 chars max, ARM's limit), made unique. */
function deploymentNames(groups: readonly DeploymentGroup[]): string[] {
  const seen = new Set<string>();
  return groups.map((g) => {
    const stem = `vnetlens-${g.resourceGroup}`.replace(/[^-\w.()]/g, '-').slice(0, 60);
    let name = stem;
    for (let i = 2; seen.has(name.toLowerCase()); i++) name = `${stem}-${i}`;
    seen.add(name.toLowerCase());
    return name;
  });
}

/** The template for a plan. `metadata` lands in the template's metadata (generator, notes). */
export function armTemplate(plan: DeploymentPlan, metadata: Record<string, unknown> = {}): ArmTemplate {
  const meta = { generator: 'VNetLens', ...(plan.notes.length ? { notes: plan.notes } : {}), ...metadata };
  const byId = new Map(plan.resources.map((r) => [idKey(r.id), r]));
  const groups = new Map<string, { group: DeploymentGroup; resources: PlannedResource[] }>();
  for (const r of plan.resources) {
    const k = groupKey(r.group);
    if (!groups.has(k)) groups.set(k, { group: r.group, resources: [] });
    groups.get(k)!.resources.push(r);
  }
  if (groups.size <= 1) return flatTemplate(plan.resources, byId, meta);

  const entries = [...groups.entries()];
  const names = deploymentNames(entries.map(([, g]) => g.group));
  const nameOf = new Map(entries.map(([k], i) => [k, names[i]!]));
  const allRegions = regionsOf(plan.resources);
  const resources: TemplateResource[] = entries.map(([k, g]) => {
    const inner = flatTemplate(g.resources, byId);
    const deps = new Set<string>();
    for (const r of g.resources) {
      for (const d of r.dependsOn) {
        const other = byId.get(idKey(d));
        if (other && groupKey(other.group) !== k) deps.add(nameOf.get(groupKey(other.group))!);
      }
    }
    const innerRegions = regionsOf(g.resources);
    return {
      type: 'Microsoft.Resources/deployments', apiVersion: DEPLOYMENTS_API_VERSION, name: nameOf.get(k)!,
      subscriptionId: g.group.subscriptionId, resourceGroup: g.group.resourceGroup,
      ...(deps.size ? { dependsOn: [...deps].map((n) => `[resourceId('Microsoft.Resources/deployments', ${lit(n)})]`) } : {}),
      comments: `Changes in resource group ${g.group.resourceGroup} of subscription ${g.group.subscriptionId}`,
      properties: {
        mode: 'Incremental',
        expressionEvaluationOptions: { scope: 'inner' },
        parameters: Object.fromEntries(innerRegions.map((r) => [locationParamName(r, innerRegions), { value: `[parameters('${locationParamName(r, allRegions)}')]` }])),
        template: inner,
      },
    };
  });
  return { $schema: DEPLOYMENT_TEMPLATE_SCHEMA, contentVersion: '1.0.0.0', metadata: meta, parameters: locationParams(allRegions), resources };
}
