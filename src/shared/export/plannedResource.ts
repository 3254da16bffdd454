/**
 * The neutral form of one resource to deploy, shared by the ARM JSON and Bicep writers: literal
 * values only (ids as full ARM ids), so both writers stay simple and the round trip can read it back.
 */

/** A resource group scope. */
export interface DeploymentGroup {
  readonly subscriptionId: string;
  readonly resourceGroup: string;
}

export interface PlannedResource {
  /** The resource's ARM id (original spelling). */
  readonly id: string;
  readonly group: DeploymentGroup;
  readonly type: string;
  readonly apiVersion: string;
  /** Name segments: `['nsg-a', 'rule-1']` for a child resource. */
  readonly names: readonly string[];
  /** Region (rendered as a parameter); undefined for child resources; `global` stays literal. */
  readonly location?: string;
  readonly sku?: Readonly<Record<string, unknown>>;
  readonly tags?: Readonly<Record<string, string>>;
  readonly properties: Readonly<Record<string, unknown>>;
  /** ARM ids of other planned resources this one needs first. */
  readonly dependsOn: readonly string[];
  /** Why this resource is here (the edit), for the template's `comments`. */
  readonly comment: string;
}

/** The plan of an export: resources plus notes for the user (things a template cannot express). */
export interface DeploymentPlan {
  readonly resources: readonly PlannedResource[];
  readonly notes: readonly string[];
}

/** `sub|rg` in lower case, for grouping. */
export function groupKey(g: DeploymentGroup): string {
  return `${g.subscriptionId.toLowerCase()}|${g.resourceGroup.toLowerCase()}`;
}
