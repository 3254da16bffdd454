/**
 * The firewall's policy and its base-policy chain, with each policy's rule collection groups, read
 * from the snapshot. Anything unreadable makes the whole firewall decision `Unknown`: a missing
 * group could hold the rule that decides (§1.3, issue 6 "a resource the user cannot read").
 */
import { idKey, lastSegment, parentId } from '../../model/armId';
import type { FirewallPolicy, FirewallRuleCollectionGroup } from '../../model/firewall';
import type { Snapshot } from '../../model/snapshot';
import { scanCollection } from '../dependencyLog';
import { isUnreadable } from '../missing';

/** The chain root first, each policy with its groups; or why it cannot be read. */
export type PolicyChainResult =
  | { readonly ok: true; readonly chain: readonly { readonly policy: FirewallPolicy; readonly groups: readonly FirewallRuleCollectionGroup[] }[] }
  | { readonly ok: false; readonly reason: string; readonly code: 'PolicyUnreadable' | 'RuleCollectionGroupUnreadable' | 'PolicyChainCycle'; readonly resourceId: string };

const groupsByPolicyCache = new WeakMap<object, Map<string, FirewallRuleCollectionGroup[]>>();

function groupsByPolicy(snapshot: Snapshot): Map<string, FirewallRuleCollectionGroup[]> {
  // The real map (scan recorded), so the index survives across passes that share the collection.
  const all = scanCollection(snapshot.ruleCollectionGroups);
  let out = groupsByPolicyCache.get(all);
  if (!out) {
    out = new Map();
    for (const g of all.values()) {
      const key = idKey(g.policyId || parentId(g.id));
      const list = out.get(key);
      if (list) list.push(g);
      else out.set(key, [g]);
    }
    groupsByPolicyCache.set(all, out);
  }
  return out;
}

function groupsOf(snapshot: Snapshot, policy: FirewallPolicy): { groups: FirewallRuleCollectionGroup[]; unreadable?: string } {
  const byKey = new Map<string, FirewallRuleCollectionGroup>();
  for (const g of groupsByPolicy(snapshot).get(idKey(policy.id)) ?? []) byKey.set(idKey(g.id), g);
  for (const g of policy.inlineRuleCollectionGroups ?? []) if (!byKey.has(idKey(g.id))) byKey.set(idKey(g.id), g);
  for (const id of policy.ruleCollectionGroupIds) {
    if (!byKey.has(idKey(id))) return { groups: [], unreadable: id };
  }
  // A policy that lists no groups may still have some the harvest was refused.
  const probe = `${policy.id}/ruleCollectionGroups/*`;
  if (byKey.size === 0 && isUnreadable(snapshot, probe)) return { groups: [], unreadable: probe };
  return { groups: [...byKey.values()] };
}

/** Resolve `firewallPolicyId` and its `basePolicyId`s (root first). */
export function resolvePolicyChain(snapshot: Snapshot, policyId: string): PolicyChainResult {
  const leafFirst: { policy: FirewallPolicy; groups: FirewallRuleCollectionGroup[] }[] = [];
  const seen = new Set<string>();
  let next: string | undefined = policyId;
  while (next) {
    const key = idKey(next);
    if (seen.has(key)) {
      return { ok: false, code: 'PolicyChainCycle', resourceId: next, reason: `base policy chain loops back to ${lastSegment(next)}` };
    }
    seen.add(key);
    const policy = snapshot.firewallPolicies.get(key);
    if (!policy) {
      const why = isUnreadable(snapshot, next) ? 'could not be read during harvest' : 'is not in the snapshot';
      return { ok: false, code: 'PolicyUnreadable', resourceId: next, reason: `firewall policy ${lastSegment(next)} ${why}` };
    }
    const { groups, unreadable } = groupsOf(snapshot, policy);
    if (unreadable) {
      return {
        ok: false, code: 'RuleCollectionGroupUnreadable', resourceId: unreadable,
        reason: `rule collection group ${lastSegment(unreadable)} of policy ${policy.name} is not in the snapshot`,
      };
    }
    leafFirst.push({ policy, groups });
    next = policy.basePolicyId;
  }
  return { ok: true, chain: leafFirst.reverse() };
}
