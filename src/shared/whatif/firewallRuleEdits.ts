/**
 * Firewall policy rule edits: add / change / delete a network or application rule in a rule
 * collection group, creating the group or the collection when asked. Each edit yields a new
 * FirewallRuleCollectionGroup record and one ArmChange for the whole group, because ARM deploys a
 * group with every collection and rule in it (firewall semantics §1.4).
 */
import type { FirewallPolicy, FirewallRuleCollectionGroup } from '../model';
import { sameId } from '../model';
import type { ArmChange } from './edits';
import type { FirewallRuleAdd, FirewallRuleDelete, FirewallRulePlace, FirewallRuleUpdate } from './firewallEditTypes';
import { groupFor, newCollection, policyGroups, RULE_COLLECTION_GROUP_TYPE } from './firewallGroups';
import { collectionViews, findCollection, findRule, rawSet, type CollectionView, type RawObject } from './firewallRawRules';
import { foreignChangeFields, mergeRuleIntoRaw, ruleFromArm, ruleToArm } from './firewallRuleArm';
import { firewallRuleError, type RuleCheckContext } from './firewallRuleSpec';
import { fail, type HandlerResult } from './handlerResult';
import type { SnapshotDraft } from './snapshotDraft';

function checkContext(draft: SnapshotDraft): RuleCheckContext {
  return { serviceTags: draft.base.serviceTags, ipGroupExists: (id) => draft.get('ipGroups', id) !== undefined };
}

function change(group: FirewallRuleCollectionGroup, created: boolean): ArmChange[] {
  return [{ action: created ? 'create' : 'update', resourceId: group.id, type: RULE_COLLECTION_GROUP_TYPE }];
}

function writeCollection(group: FirewallRuleCollectionGroup, view: CollectionView | undefined, next: RawObject | undefined): FirewallRuleCollectionGroup {
  const list = group.ruleCollections.slice();
  if (view && next) list[view.index] = next;
  else if (view) list.splice(view.index, 1);
  else if (next) list.push(next);
  return { ...group, ruleCollections: list };
}

type Located =
  | { readonly policy: FirewallPolicy; readonly group: FirewallRuleCollectionGroup; readonly view: CollectionView }
  | { readonly error: HandlerResult };

/** The existing policy, group and collection an update or delete names. */
function locate(draft: SnapshotDraft, place: FirewallRulePlace): Located {
  const policy = draft.get('firewallPolicies', place.policyId);
  if (!policy) return { error: fail('policyId', `Firewall policy ${place.policyId} is not in the snapshot.`) };
  const group = policyGroups(draft.values('ruleCollectionGroups'), policy).find((g) => g.name.toLowerCase() === place.groupName.toLowerCase());
  if (!group) return { error: fail('groupName', `Firewall policy ${policy.name} has no rule collection group "${place.groupName}".`) };
  const view = findCollection(collectionViews(group.ruleCollections), place.collectionName);
  if (!view) return { error: fail('collectionName', `Rule collection group ${group.name} has no rule collection "${place.collectionName}".`) };
  return { policy, group, view };
}

/** Add a rule (and its group / collection when they are new). */
export function applyFirewallRuleAdd(draft: SnapshotDraft, edit: FirewallRuleAdd): HandlerResult {
  const policy = draft.get('firewallPolicies', edit.policyId);
  if (!policy) return fail('policyId', `Firewall policy ${edit.policyId} is not in the snapshot.`);
  const g = groupFor(draft, policy, edit);
  if ('error' in g) return g.error;
  const views = collectionViews(g.group.ruleCollections);
  const view = findCollection(views, edit.collectionName);
  let raw: RawObject;
  if (view) {
    if (edit.collection && (edit.collection.priority !== view.priority || edit.collection.action.toLowerCase() !== view.action.toLowerCase())) {
      return fail('collection', `Collection ${view.name} already exists (${view.action}, priority ${view.priority}); leave collection out to add to it.`);
    }
    if (view.isNat) return fail('collectionName', `Collection ${view.name} is a DNAT collection; network and application rules go into filter collections.`);
    const other = [...view.ruleTypes].find((t) => t !== edit.rule.ruleType.toLowerCase());
    if (other) return fail('rule.ruleType', `Collection ${view.name} holds ${other === 'networkrule' ? 'network' : other === 'applicationrule' ? 'application' : other} rules; a collection holds rules of one type only.`);
    if (findRule(view, edit.rule.name) >= 0) return fail('rule.name', `Collection ${view.name} already has a rule named "${edit.rule.name}".`);
    raw = view.raw;
  } else {
    const made = newCollection(g.group, views, edit);
    if ('error' in made) return made.error;
    raw = made.made;
  }
  const error = firewallRuleError(edit.rule, checkContext(draft), 'rule');
  if (error) return { error };
  const next = rawSet(raw, 'rules', [...(view?.rules ?? []), ruleToArm(edit.rule)]);
  const group = writeCollection(g.group, view, next);
  draft.set('ruleCollectionGroups', group.id, group);
  if (g.created && !policy.ruleCollectionGroupIds.some((id) => sameId(id, group.id))) {
    draft.set('firewallPolicies', policy.id, { ...policy, ruleCollectionGroupIds: [...policy.ruleCollectionGroupIds, group.id] });
  }
  return { changes: change(group, g.created) };
}

/** Change fields of a rule; the fields of the other rule type are refused. */
export function applyFirewallRuleUpdate(draft: SnapshotDraft, edit: FirewallRuleUpdate): HandlerResult {
  const at = locate(draft, edit);
  if ('error' in at) return at.error;
  const index = findRule(at.view, edit.ruleName);
  if (index < 0) return fail('ruleName', `Collection ${at.view.name} has no rule named "${edit.ruleName}".`);
  const raw = at.view.rules[index];
  const old = ruleFromArm(raw);
  if (!old) return fail('ruleName', `Rule ${edit.ruleName} is not a network or application rule; only those can be edited.`);
  const foreign = foreignChangeFields(old.ruleType, edit.changes);
  if (foreign.length) return fail(`changes.${foreign[0]}`, `A ${old.ruleType === 'NetworkRule' ? 'network' : 'application'} rule has no field ${foreign.join(', ')}.`);
  const spec = { ...old, ...edit.changes, name: old.name, ruleType: old.ruleType } as typeof old;
  const error = firewallRuleError(spec, checkContext(draft), 'changes');
  if (error) return { error };
  const rules = at.view.rules.slice();
  rules[index] = mergeRuleIntoRaw(raw, spec);
  const group = writeCollection(at.group, at.view, rawSet(at.view.raw, 'rules', rules));
  draft.set('ruleCollectionGroups', group.id, group);
  return { changes: change(group, false) };
}

/** Remove a rule; its collection goes too when it has no rule left. */
export function applyFirewallRuleDelete(draft: SnapshotDraft, edit: FirewallRuleDelete): HandlerResult {
  const at = locate(draft, edit);
  if ('error' in at) return at.error;
  const index = findRule(at.view, edit.ruleName);
  if (index < 0) return fail('ruleName', `Collection ${at.view.name} has no rule named "${edit.ruleName}".`);
  const rules = at.view.rules.filter((_, i) => i !== index);
  const group = writeCollection(at.group, at.view, rules.length ? rawSet(at.view.raw, 'rules', rules) : undefined);
  draft.set('ruleCollectionGroups', group.id, group);
  return { changes: change(group, false) };
}
