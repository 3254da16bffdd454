/**
 * Every field error of an NSG rule form at once, from the shared validator (validateRule reports
 * one problem at a time): record the problem, put a harmless value in that field, ask again.
 */
import type { NetworkSecurityGroup, ServiceTagData } from '../../shared/model';
import type { RuleSpec } from '../../shared/whatif/edits';
import { validateRule } from '../../shared/whatif/validateRule';

/** The form's fields, named as validateRule names them (`rule.<field>`). */
export type RuleField = 'name' | 'priority' | 'direction' | 'access' | 'protocol' | 'sourceAddressPrefixes' | 'destinationAddressPrefixes' | 'sourcePortRanges' | 'destinationPortRanges' | 'description';

/** The largest free priority below `below` in `direction` (what a fix for a deny wants), else the first free one. */
export function freePriority(nsg: NetworkSecurityGroup, direction: RuleSpec['direction'], below = 4097): number | undefined {
  const used = new Set(nsg.securityRules.filter((r) => r.direction === direction).map((r) => r.priority));
  for (let p = Math.min(4096, below - 1); p >= 100; p--) if (!used.has(p)) return p;
  for (let p = 100; p <= 4096; p++) if (!used.has(p)) return p;
  return undefined;
}

function neutral(rule: RuleSpec, field: RuleField, nsg: NetworkSecurityGroup, round: number): RuleSpec | undefined {
  switch (field) {
    case 'name': return { ...rule, name: `vnetlens_form_check_${round}` };
    case 'priority': {
      const p = freePriority(nsg, rule.direction);
      return p === undefined ? undefined : { ...rule, priority: p };
    }
    case 'direction': return { ...rule, direction: 'Inbound' };
    case 'access': return { ...rule, access: 'Allow' };
    case 'protocol': return { ...rule, protocol: '*' };
    case 'sourceAddressPrefixes': return { ...rule, sourceAddressPrefixes: ['*'], sourceAsgIds: [] };
    case 'destinationAddressPrefixes': return { ...rule, destinationAddressPrefixes: ['*'], destinationAsgIds: [] };
    case 'sourcePortRanges': return { ...rule, sourcePortRanges: ['*'] };
    case 'destinationPortRanges': return { ...rule, destinationPortRanges: ['*'] };
    case 'description': {
      const { description: _dropped, ...rest } = rule;
      return rest;
    }
  }
}

/** Field → message for everything wrong with `rule` as a new rule of `nsg`. */
export function ruleFieldErrors(rule: RuleSpec, nsg: NetworkSecurityGroup, tags: ServiceTagData | undefined): Partial<Record<RuleField, string>> {
  const errors: Partial<Record<RuleField, string>> = {};
  let current: RuleSpec | undefined = rule;
  for (let round = 0; current && round < 10; round++) {
    const e = validateRule(current, nsg, tags);
    if (!e) break;
    const field = e.field.replace(/^rule\./, '') as RuleField;
    if (errors[field]) break; // the neutral value did not help: stop rather than loop
    errors[field] = e.message;
    current = neutral(current, field, nsg, round);
  }
  return errors;
}
