/**
 * Rule collection groups and collections of a policy as firewall edits see them: lookup (separate
 * records and groups nested in the policy), and the checks Azure makes when a group or a filter
 * collection is created (names, priorities 100–65000, unique priorities).
 */
import type { FirewallPolicy, FirewallRuleCollectionGroup } from '../model';
import { idKey, parentId, sameId } from '../model';
import type { FirewallRuleAdd } from './firewallEditTypes';
import type { CollectionView, RawObject } from './firewallRawRules';
import { fail, type HandlerResult } from './handlerResult';
import { childId } from './ids';
import { isValidResourceName } from './placeValidation';
import type { SnapshotDraft } from './snapshotDraft';

/** ARM type of a rule collection group, as the exports write it. */
export const RULE_COLLECTION_GROUP_TYPE = 'Microsoft.Network/firewallPolicies/ruleCollectionGroups';

const MIN_PRIORITY = 100;
const MAX_PRIORITY = 65000;

function priorityOk(p: number): boolean {
  return Number.isInteger(p) && p >= MIN_PRIORITY && p <= MAX_PRIORITY;
}

/** Every group of a policy as the draft sees it (separate records first, then nested ones). */
export function policyGroups(all: Iterable<FirewallRuleCollectionGroup>, policy: FirewallPolicy): FirewallRuleCollectionGroup[] {
  const out = new Map<string, FirewallRuleCollectionGroup>();
  for (const g of all) if (sameId(g.policyId || parentId(g.id), policy.id)) out.set(idKey(g.id), g);
  for (const g of policy.inlineRuleCollectionGroups ?? []) if (!out.has(idKey(g.id))) out.set(idKey(g.id), g);
  return [...out.values()];
}

/** The group an add goes to: the existing one, or a new one when the edit gives a valid priority. */
export function groupFor(draft: SnapshotDraft, policy: FirewallPolicy, edit: FirewallRuleAdd): { group: FirewallRuleCollectionGroup; created: boolean } | { error: HandlerResult } {
  const groups = policyGroups(draft.values('ruleCollectionGroups'), policy);
  const existing = groups.find((g) => g.name.toLowerCase() === edit.groupName.toLowerCase());
  if (existing) {
    if (edit.groupPriority !== undefined && edit.groupPriority !== existing.priority) {
      return { error: fail('groupPriority', `Rule collection group ${existing.name} already exists with priority ${existing.priority}; leave groupPriority out to add to it.`) };
    }
    return { group: existing, created: false };
  }
  if (!isValidResourceName(edit.groupName)) return { error: fail('groupName', `Rule collection group name "${edit.groupName}" is invalid (1–80 letters, digits, _ . -, starting with a letter or digit).`) };
  if (edit.groupPriority === undefined) return { error: fail('groupPriority', `Policy ${policy.name} has no group "${edit.groupName}"; give groupPriority (${MIN_PRIORITY}–${MAX_PRIORITY}) to create it.`) };
  if (!priorityOk(edit.groupPriority)) return { error: fail('groupPriority', `Group priority ${edit.groupPriority} is outside ${MIN_PRIORITY}–${MAX_PRIORITY}.`) };
  const clash = groups.find((g) => g.priority === edit.groupPriority);
  if (clash) return { error: fail('groupPriority', `Group ${clash.name} of policy ${policy.name} already has priority ${edit.groupPriority}.`) };
  const id = childId(policy.id, 'ruleCollectionGroups', edit.groupName);
  return {
    created: true,
    group: {
      id, name: edit.groupName, type: RULE_COLLECTION_GROUP_TYPE, location: '', subscriptionId: policy.subscriptionId,
      resourceGroup: policy.resourceGroup, policyId: policy.id, priority: edit.groupPriority, ruleCollections: [],
    },
  };
}

/** A new filter collection, or why the edit's collection fields cannot make one. */
export function newCollection(group: FirewallRuleCollectionGroup, views: readonly CollectionView[], edit: FirewallRuleAdd): { made: RawObject } | { error: HandlerResult } {
  const no = (field: string, message: string) => ({ error: fail(field, message) });
  if (!edit.collection) return no('collection', `Group ${group.name} has no rule collection "${edit.collectionName}"; give collection.action and collection.priority to create it.`);
  if (!isValidResourceName(edit.collectionName)) return no('collectionName', `Rule collection name "${edit.collectionName}" is invalid (1–80 letters, digits, _ . -, starting with a letter or digit).`);
  const { action, priority } = edit.collection;
  if (action !== 'Allow' && action !== 'Deny') return no('collection.action', `A filter rule collection's action is Allow or Deny, not "${String(action)}".`);
  if (!priorityOk(priority)) return no('collection.priority', `Collection priority ${priority} is outside ${MIN_PRIORITY}–${MAX_PRIORITY}.`);
  const clash = views.find((v) => v.priority === priority);
  if (clash) return no('collection.priority', `Collection ${clash.name} of group ${group.name} already has priority ${priority}.`);
  return { made: { ruleCollectionType: 'FirewallPolicyFilterRuleCollection', name: edit.collectionName, priority, action: { type: action }, rules: [] } };
}

