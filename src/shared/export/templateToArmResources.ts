/**
 * Read a template back into ARM resource objects (ids built from scope + type + names), nested
 * deployments included. The round trip test ingests these to prove an export deploys exactly the
 * what-if state; it understands the expressions the exporter writes (`[parameters('x')]`) and no others.
 */
import type { ArmResource } from '../model';
import type { ArmTemplate, TemplateResource } from './armTemplate';
import type { DeploymentGroup } from './plannedResource';

function resolve(value: unknown, params: Readonly<Record<string, unknown>>): unknown {
  if (typeof value === 'string') {
    const m = /^\[parameters\('([^']+)'\)\]$/.exec(value);
    if (m) {
      if (!(m[1]! in params)) throw new Error(`Template uses parameter "${m[1]}" that has no value`);
      return params[m[1]!];
    }
    if (value.startsWith('[') && !value.startsWith('[[')) throw new Error(`Unsupported template expression ${value}`);
    return value;
  }
  if (Array.isArray(value)) return value.map((v) => resolve(v, params));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v, params)]));
  return value;
}

/** `/subscriptions/s/resourceGroups/g/providers/A/B/n1/C/n2` from type `A/B/C` and name `n1/n2`. */
export function resourceIdFromName(scope: DeploymentGroup, type: string, name: string): string {
  const [ns, ...types] = type.split('/');
  const names = name.split('/');
  if (types.length !== names.length) throw new Error(`Resource name "${name}" does not fit type ${type}`);
  return `/subscriptions/${scope.subscriptionId}/resourceGroups/${scope.resourceGroup}/providers/${ns}/${types.map((t, i) => `${t}/${names[i]}`).join('/')}`;
}

function paramValues(template: ArmTemplate, given: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, p] of Object.entries(template.parameters)) {
    if (name in given) out[name] = given[name];
    else if (p.defaultValue !== undefined) out[name] = p.defaultValue;
  }
  return out;
}

/** Every resource the template deploys, flattened, as ARM would then return it (minus read-only state). */
export function templateToArmResources(
  template: ArmTemplate, scope: DeploymentGroup, parameters: Readonly<Record<string, unknown>> = {},
): ArmResource[] {
  const params = paramValues(template, parameters);
  const out: ArmResource[] = [];
  for (const r of template.resources as readonly TemplateResource[]) {
    if (r.type.toLowerCase() === 'microsoft.resources/deployments') {
      const inner = r.properties as { template: ArmTemplate; parameters?: Record<string, { value: unknown }> };
      const innerScope = { subscriptionId: r.subscriptionId ?? scope.subscriptionId, resourceGroup: r.resourceGroup ?? scope.resourceGroup };
      const innerParams = Object.fromEntries(Object.entries(inner.parameters ?? {}).map(([k, v]) => [k, resolve(v.value, params)]));
      out.push(...templateToArmResources(inner.template, innerScope, innerParams));
      continue;
    }
    const name = r.name.split('/').pop() ?? r.name;
    out.push({
      id: resourceIdFromName(scope, r.type, r.name), name, type: r.type,
      ...(r.location !== undefined ? { location: resolve(r.location, params) as string } : {}),
      ...(r.sku ? { sku: r.sku } : {}),
      ...(r.tags ? { tags: r.tags } : {}),
      properties: resolve(r.properties, params) as Record<string, unknown>,
    });
  }
  return out;
}
