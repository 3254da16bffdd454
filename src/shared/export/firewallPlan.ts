/**
 * Rule collection groups in a deployment plan: the whole group (priority + every collection), as
 * a group PUT replaces all its rules. Values are copied from the record's raw collections minus
 * `null`s (ARM GETs return some; the schema types them as strings or lists, and ARM ignores them).
 */
import type { FirewallRuleCollectionGroup, Snapshot } from '../model';
import { idKey, lastSegment, parentId } from '../model';

/** The ARM `properties` of a rule collection group. */
export function ruleCollectionGroupProperties(group: FirewallRuleCollectionGroup): Record<string, unknown> {
  return { priority: group.priority, ruleCollections: withoutNulls(group.ruleCollections) };
}

function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined).map(([k, v]) => [k, withoutNulls(v)]));
  }
  return value;
}

/** The group record behind an ARM change (separate record, or nested in its policy). */
export function findRuleCollectionGroup(snapshot: Snapshot, id: string): FirewallRuleCollectionGroup | undefined {
  const own = snapshot.ruleCollectionGroups.get(idKey(id));
  if (own) return own;
  return snapshot.firewallPolicies.get(idKey(parentId(id)))?.inlineRuleCollectionGroups?.find((g) => idKey(g.id) === idKey(id));
}

/** The plan comment for a group. */
export function ruleCollectionGroupComment(group: FirewallRuleCollectionGroup, action: string): string {
  return `${action === 'create' ? 'new' : 'changed'} rule collection group ${group.name} of firewall policy ${lastSegment(group.policyId || parentId(group.id))} (whole group: a PUT replaces every collection)`;
}
