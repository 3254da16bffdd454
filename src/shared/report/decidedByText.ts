/**
 * One readable phrase for "what decided this flow", shared by the table and SARIF messages: the
 * layer, the resource that holds the rule, the rule and its priority, and for firewall policies
 * where in the policy the rule sits.
 */
import { lastSegment, parentId } from '../model/armId';
import type { DecidedBy } from '../engine/verdict';

// ARM ids of rules and routes end in `<collection>/<name>`; the owner is two segments up.
const CHILD_COLLECTIONS = new Set([
  'securityrules', 'defaultsecurityrules', 'routes', 'rulecollectiongroups', 'virtualnetworkpeerings',
  'subnets', 'virtualnetworklinks', 'a', 'privatelinkserviceconnections',
]);

/** Short name of the resource that holds the deciding rule (`nsg-cluster` for an NSG rule id). */
export function ownerName(resourceId: string): string {
  const parts = resourceId.replace(/\/+$/, '').split('/');
  const collection = parts[parts.length - 2]?.toLowerCase() ?? '';
  return CHILD_COLLECTIONS.has(collection) ? lastSegment(parentId(resourceId)) : lastSegment(resourceId);
}

/** e.g. `nsg nsg-cluster › Deny-Internet-Out @4000`, `firewall afwp-hub › rcg-aml@300 › app@200 › rule`. */
export function decidedByText(d: DecidedBy): string {
  const parts: string[] = [];
  const owner = d.policyId ? lastSegment(d.policyId) : d.resourceId ? ownerName(d.resourceId) : undefined;
  if (owner) parts.push(owner);
  if (d.ruleCollectionGroup) {
    parts.push(d.ruleCollectionGroupPriority !== undefined ? `${d.ruleCollectionGroup}@${d.ruleCollectionGroupPriority}` : d.ruleCollectionGroup);
  }
  if (d.ruleCollection) {
    parts.push(d.ruleCollectionPriority !== undefined ? `${d.ruleCollection}@${d.ruleCollectionPriority}` : d.ruleCollection);
  }
  let rule = d.name && d.name !== owner ? d.name : '';
  // A firewall rule has no priority of its own: the engine repeats its collection's, shown already.
  const repeated = d.ruleCollection !== undefined && d.priority === d.ruleCollectionPriority;
  if (d.priority !== undefined && !repeated) rule = rule ? `${rule} @${d.priority}` : `@${d.priority}`;
  if (rule) parts.push(rule);
  return parts.length ? `${d.layer} ${parts.join(' › ')}` : d.layer;
}
