/**
 * Which of a VNet's admin rules actually apply to a flow endpoint (§3.3, §3.5): subnets and
 * resources Azure exempts (firewall, gateways, Bastion, Route Server, private endpoints), VNets with
 * network-intent-policy services (Databricks, SQL MI), and conflicting network managers.
 */
import { idKey, lastSegment } from '../../model/armId';
import type { AdminRule, VnetAdminRules } from '../../model/firewall';
import type { Snapshot } from '../../model/snapshot';
import { literalRanges, type AddressSet } from '../../net/addressSet';
import { Ipv4RangeSet } from '../../net/ipv4RangeSet';
import { scanCollection } from '../dependencyLog';
import { privateEndpointsBySubnet, subnetsByVnet } from '../indexes';
import type { AdminAssumptions } from './adminAssumptions';

/** Subnets that never get admin rules [NM1, NM5]. */
const EXEMPT_SUBNETS = new Set(['azurefirewallsubnet', 'azurefirewallmanagementsubnet', 'gatewaysubnet', 'azurebastionsubnet', 'routeserversubnet']);
/** Delegations that mark network-intent-policy services [NM1, NM5]. */
const INTENT_DELEGATIONS = ['microsoft.databricks/workspaces', 'microsoft.sql/managedinstances'];

/** Why the endpoint inside the VNet gets no admin rules, or undefined. */
export function exemptionOf(snapshot: Snapshot, vnetId: string, endpoint: AddressSet): string | undefined {
  const ranges = literalRanges(endpoint);
  if (!ranges || ranges.isEmpty || endpoint.kind === 'any') return undefined;
  const subnets = subnetsByVnet(scanCollection(snapshot.subnets)).get(idKey(vnetId)) ?? [];
  for (const s of subnets) {
    const space = Ipv4RangeSet.fromCidrs(s.addressPrefixes);
    if (!space.containsSet(ranges)) continue;
    if (EXEMPT_SUBNETS.has(s.name.toLowerCase())) return `${s.name} does not get security admin rules`;
    if (endpoint.kind === 'ip') {
      const pes = privateEndpointsBySubnet(scanCollection(snapshot.privateEndpoints)).get(idKey(s.id)) ?? [];
      const pe = pes.find((p) => p.privateIps.includes(endpoint.ip));
      if (pe) return `${endpoint.ip} is private endpoint ${pe.name}, and private endpoints do not get security admin rules`;
    }
  }
  return undefined;
}

/** True when the VNet holds a Databricks workspace or SQL managed instance (delegated subnets). */
export function hasIntentPolicyServices(snapshot: Snapshot, vnetId: string): boolean {
  const subnets = subnetsByVnet(scanCollection(snapshot.subnets)).get(idKey(vnetId)) ?? [];
  return subnets.some((s) => s.delegations.some((d) => INTENT_DELEGATIONS.includes(d.toLowerCase())));
}

/** The rules left after the Databricks / SQL MI exception; `note` explains what was dropped. */
export function applyIntentPolicy(rules: readonly AdminRule[], aa: AdminAssumptions): { rules: readonly AdminRule[]; note?: string } {
  const kept: AdminRule[] = [];
  let dropped = 0;
  for (const r of rules) {
    const setting = (r.applyOnNetworkIntentPolicyBasedServices?.[0] ?? aa.networkIntentPolicyDefault).toLowerCase();
    const applies = setting === 'all'
      || (setting === 'allowrulesonly' && (r.access === 'Allow' || (r.access === 'AlwaysAllow' && aa.alwaysAllowUnderAllowRulesOnly)));
    if (applies) kept.push(r);
    else dropped++;
  }
  if (!dropped) return { rules: kept };
  return { rules: kept, note: `The VNet holds a network-intent-policy service (Databricks or SQL MI): ${dropped} admin rule(s) not applied (applyOnNetworkIntentPolicyBasedServices).` };
}

function managerOf(r: AdminRule): string {
  return idKey(r.networkManagerId ?? r.id.replace(/\/securityAdminConfigurations\/.*$/i, ''));
}

/**
 * Rules in evaluation order after resolving several managers (§3.5): higher scope = a manager
 * scoped to management groups over one scoped to subscriptions only.
 */
export function orderAcrossManagers(record: VnetAdminRules, aa: AdminAssumptions): { rules: AdminRule[]; note?: string; keepOrder?: boolean } {
  const managers = new Set(record.rules.map(managerOf));
  const byPriority = (a: AdminRule, b: AdminRule): number => a.priority - b.priority;
  if (managers.size < 2) return { rules: [...record.rules].sort(byPriority) };
  const scopes = new Map((record.networkManagers ?? []).map((m) => [idKey(m.id), m]));
  if (![...managers].every((m) => scopes.has(m))) {
    return {
      rules: [...record.rules].sort(byPriority),
      note: `Rules come from ${managers.size} network managers whose scopes are not in the snapshot; they are merged by priority (AdminManagerScopeUnknown).`,
    };
  }
  const rank = (m: string): number => (scopes.get(m)?.managementGroups.length ? 0 : 1);
  const best = Math.min(...[...managers].map(rank));
  const ordered = [...record.rules].sort((a, b) => rank(managerOf(a)) - rank(managerOf(b)) || byPriority(a, b));
  if (aa.adminConflict === 'mergeHigherScopeFirst') {
    return { rules: ordered, keepOrder: true, note: 'Several network managers apply: the higher-scope manager\'s rules are evaluated first (adminConflict=mergeHigherScopeFirst).' };
  }
  const kept = ordered.filter((r) => rank(managerOf(r)) === best);
  const names = [...new Set(kept.map((r) => lastSegment(managerOf(r))))].join(', ');
  return { rules: kept, note: `Several network managers apply: only the higher-scope manager (${names}) is used (adminConflict=higherScopeOnly).` };
}
