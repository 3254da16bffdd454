/** NSG rule edits: add, update, delete, reprioritize (validated like Azure does, semantics §1.1). */
import type { SecurityRule } from '../model';
import type { NsgRuleAdd, NsgRuleDelete, NsgRuleReprioritize, NsgRuleUpdate, RuleSpec } from './edits';
import { fail, type HandlerResult } from './handlerResult';
import { ARM_TYPES, childId } from './ids';
import type { SnapshotDraft } from './snapshotDraft';
import { validateRule } from './validateRule';

function toRecord(nsgId: string, spec: RuleSpec): SecurityRule {
  return {
    id: childId(nsgId, 'securityRules', spec.name),
    name: spec.name,
    priority: spec.priority,
    direction: spec.direction,
    access: spec.access,
    protocol: spec.protocol,
    sourceAddressPrefixes: spec.sourceAddressPrefixes,
    destinationAddressPrefixes: spec.destinationAddressPrefixes,
    sourcePortRanges: spec.sourcePortRanges,
    destinationPortRanges: spec.destinationPortRanges,
    sourceAsgIds: spec.sourceAsgIds ?? [],
    destinationAsgIds: spec.destinationAsgIds ?? [],
    isDefault: false,
    ...(spec.description !== undefined ? { description: spec.description } : {}),
  };
}

function toSpec(rule: SecurityRule): RuleSpec {
  return {
    name: rule.name, priority: rule.priority, direction: rule.direction, access: rule.access, protocol: rule.protocol,
    sourceAddressPrefixes: rule.sourceAddressPrefixes, sourcePortRanges: rule.sourcePortRanges,
    destinationAddressPrefixes: rule.destinationAddressPrefixes, destinationPortRanges: rule.destinationPortRanges,
    sourceAsgIds: rule.sourceAsgIds, destinationAsgIds: rule.destinationAsgIds,
    ...(rule.description !== undefined ? { description: rule.description } : {}),
  };
}

function asgsExist(draft: SnapshotDraft, spec: RuleSpec): HandlerResult | undefined {
  for (const [field, ids] of [['rule.sourceAsgIds', spec.sourceAsgIds], ['rule.destinationAsgIds', spec.destinationAsgIds]] as const) {
    const missing = (ids ?? []).find((id) => !draft.get('asgs', id));
    if (missing) return fail(field, `Application security group ${missing} is not in the snapshot.`);
  }
  return undefined;
}

/** Add a custom rule. */
export function applyNsgRuleAdd(draft: SnapshotDraft, edit: NsgRuleAdd): HandlerResult {
  const nsg = draft.get('nsgs', edit.nsgId);
  if (!nsg) return fail('nsgId', `NSG ${edit.nsgId} is not in the snapshot.`);
  const error = validateRule(edit.rule, nsg, draft.base.serviceTags);
  if (error) return { error };
  const asg = asgsExist(draft, edit.rule);
  if (asg) return asg;
  const rule = toRecord(nsg.id, edit.rule);
  draft.set('nsgs', nsg.id, { ...nsg, securityRules: [...nsg.securityRules, rule] });
  return { changes: [{ action: 'create', resourceId: rule.id, type: ARM_TYPES.securityRule }] };
}

function replaceRule(draft: SnapshotDraft, nsgId: string, ruleName: string, make: (old: RuleSpec) => RuleSpec): HandlerResult {
  const nsg = draft.get('nsgs', nsgId);
  if (!nsg) return fail('nsgId', `NSG ${nsgId} is not in the snapshot.`);
  const index = nsg.securityRules.findIndex((r) => r.name.toLowerCase() === ruleName.toLowerCase());
  const old = nsg.securityRules[index];
  if (!old) return fail('ruleName', `NSG ${nsg.name} has no custom rule named "${ruleName}" (default rules cannot be changed).`);
  const spec = make(toSpec(old));
  const error = validateRule(spec, nsg, draft.base.serviceTags, old.name);
  if (error) return { error };
  const asg = asgsExist(draft, spec);
  if (asg) return asg;
  const rules = nsg.securityRules.slice();
  rules[index] = { ...toRecord(nsg.id, spec), id: old.id };
  draft.set('nsgs', nsg.id, { ...nsg, securityRules: rules });
  return { changes: [{ action: 'update', resourceId: old.id, type: ARM_TYPES.securityRule }] };
}

/** Change fields of a custom rule (not its name: a rename is delete + add in ARM). */
export function applyNsgRuleUpdate(draft: SnapshotDraft, edit: NsgRuleUpdate): HandlerResult {
  return replaceRule(draft, edit.nsgId, edit.ruleName, (old) => ({ ...old, ...edit.changes, name: old.name }));
}

/** Move a custom rule to another priority. */
export function applyNsgRuleReprioritize(draft: SnapshotDraft, edit: NsgRuleReprioritize): HandlerResult {
  return replaceRule(draft, edit.nsgId, edit.ruleName, (old) => ({ ...old, priority: edit.priority }));
}

/** Remove a custom rule. */
export function applyNsgRuleDelete(draft: SnapshotDraft, edit: NsgRuleDelete): HandlerResult {
  const nsg = draft.get('nsgs', edit.nsgId);
  if (!nsg) return fail('nsgId', `NSG ${edit.nsgId} is not in the snapshot.`);
  const old = nsg.securityRules.find((r) => r.name.toLowerCase() === edit.ruleName.toLowerCase());
  if (!old) return fail('ruleName', `NSG ${nsg.name} has no custom rule named "${edit.ruleName}" (default rules cannot be deleted).`);
  draft.set('nsgs', nsg.id, { ...nsg, securityRules: nsg.securityRules.filter((r) => r !== old) });
  return { changes: [{ action: 'delete', resourceId: old.id, type: ARM_TYPES.securityRule }] };
}
