/**
 * NSG configuration errors ARM would reject or that make a verdict meaningless (semantics §1.1): the
 * engine issue calls them config errors; they must show, not crash, so they are warnings.
 */
import type { NetworkSecurityGroup, SecurityRule } from '../../model';
import { isServiceTagLike } from './addressKind';
import { warning, type CheckContext } from './types';

// ≤ 80 chars; starts with a word character; ends with a word character or '_'; word chars, '.', '-', '_'.
const RULE_NAME = /^\w(?:[\w.-]{0,78}\w)?$/;

function sideCount(prefixes: readonly string[], asgs: readonly string[]): number {
  return prefixes.filter(isServiceTagLike).length + asgs.length;
}

function checkRule(nsg: NetworkSecurityGroup, r: SecurityRule, ctx: CheckContext): void {
  if (!Number.isInteger(r.priority) || r.priority < 100 || r.priority > 4096) {
    ctx.warn(warning(ctx, 'invalid-priority', `${nsg.name}: rule ${r.name} has priority ${r.priority}; custom rules take 100–4096`, r.id));
  }
  if (!RULE_NAME.test(r.name)) {
    ctx.warn(warning(ctx, 'invalid-rule-name', `${nsg.name}: rule name "${r.name}" is not a valid NSG rule name (≤ 80 word characters, '.', '-', '_'; starts with a word character, ends with a word character or '_')`, r.id));
  }
  for (const [side, prefixes, asgs] of [
    ['source', r.sourceAddressPrefixes, r.sourceAsgIds],
    ['destination', r.destinationAddressPrefixes, r.destinationAsgIds],
  ] as const) {
    if (sideCount(prefixes, asgs) > 1) {
      ctx.warn(warning(ctx, 'multiple-service-tags', `${nsg.name}: rule ${r.name} has more than one service tag or application security group as ${side} (${[...prefixes.filter(isServiceTagLike), ...asgs].join(', ')}); Azure allows one`, r.id));
    }
  }
}

/** Warnings for one NSG's custom rules. */
export function checkNsg(nsg: NetworkSecurityGroup, ctx: CheckContext): void {
  const byPriority = new Map<string, SecurityRule>();
  for (const r of nsg.securityRules) {
    checkRule(nsg, r, ctx);
    const key = `${r.direction}:${r.priority}`;
    const first = byPriority.get(key);
    if (first) {
      ctx.warn(warning(ctx, 'duplicate-priority', `${nsg.name}: rules ${first.name} and ${r.name} both have ${r.direction.toLowerCase()} priority ${r.priority}; Azure does not allow two rules with the same priority and direction`, r.id));
    } else {
      byPriority.set(key, r);
    }
  }
}
