/**
 * Fix candidates for a flow the Azure Firewall blocks (or cannot decide): the smallest rule that
 * allows exactly that flow, in the policy attached to the firewall (the child; a base policy is
 * shared by other firewalls). Service-tag / address flows get a network rule (tag, protocol, port);
 * FQDN flows on 80/443 an application rule (Http/Https); other FQDN flows a network rule with that
 * FQDN (needs DNS proxy, §2.4). suggestFixes keeps the candidates that re-evaluate green.
 */
import type { ComputeVerdict, FlowVerdict } from '../engine/verdict';
import type { AzureFirewall, FirewallPolicy, FirewallRuleCollectionGroup, Snapshot, Subnet } from '../model';
import { idKey, sameId } from '../model';
import { isIpOrCidr, isKnownTag, looksLikeTag } from './addressSyntax';
import type { FirewallRuleAdd, FirewallRuleSpec } from './firewallEditTypes';
import { collectionViews, findRule, type CollectionView } from './firewallRawRules';
import { policyGroups } from './firewallGroups';
import { firewallFqdnError } from './firewallRuleSyntax';

/** One proposal before verification (same shape as fixCandidates' FixCandidate). */
interface Candidate {
  readonly title: string;
  readonly edits: readonly FirewallRuleAdd[];
}

/** Name of the group VNetLens creates when the policy has none. */
const NEW_GROUP = 'rcg-vnetlens';
const NEW_COLLECTION = { NetworkRule: 'allow-vnetlens-network', ApplicationRule: 'allow-vnetlens-app' } as const;

/** The firewall the flow crossed: named by the decision, or by a firewall step of its trace. */
function firewallOf(snapshot: Snapshot, flow: FlowVerdict): AzureFirewall | undefined {
  const ids = [flow.decidedBy.resourceId, ...flow.trace.filter((t) => t.layer === 'firewall').map((t) => t.resourceId)];
  for (const id of ids) {
    const fw = id ? snapshot.firewalls.get(idKey(id)) : undefined;
    if (fw) return fw;
  }
  // Decided by a policy rule: the firewall whose policy (chain) holds it.
  const policyId = flow.decidedBy.policyId;
  return policyId ? [...snapshot.firewalls.values()].find((f) => f.firewallPolicyId && chainOf(snapshot, f.firewallPolicyId).some((p) => sameId(p.id, policyId))) : undefined;
}

function chainOf(snapshot: Snapshot, policyId: string): FirewallPolicy[] {
  const out: FirewallPolicy[] = [];
  for (let p = snapshot.firewallPolicies.get(idKey(policyId)); p && !out.includes(p); p = p.basePolicyId ? snapshot.firewallPolicies.get(idKey(p.basePolicyId)) : undefined) out.push(p);
  return out;
}

/** Is the flow's peer a service tag (vs an FQDN such as `contoso.com`)? Tag data decides when present. */
function isTagPeer(snapshot: Snapshot, peer: string): boolean {
  if (!looksLikeTag(peer)) return false;
  const data = snapshot.serviceTags;
  if (data && data.tags.length > 0) return isKnownTag(peer, data);
  return !peer.includes('.') || /^[A-Z]/.test(peer);
}

/** The rule that allows exactly this flow from the compute subnet, or undefined when no rule can. */
function ruleFor(snapshot: Snapshot, compute: ComputeVerdict, flow: FlowVerdict, subnet: Subnet | undefined): FirewallRuleSpec | undefined {
  const sourceAddresses = subnet?.addressPrefixes.length ? [...subnet.addressPrefixes] : ['*'];
  const peer = flow.peer;
  const description = `VNetLens fix for ${flow.requirement} (${compute.name})`;
  const stem = `${flow.requirement}-${flow.protocol}-${flow.port}`;
  const ipProtocols = [flow.protocol === 'Udp' ? 'UDP' as const : flow.protocol === 'Any' ? 'Any' as const : 'TCP' as const];
  if (peer.startsWith('/')) return undefined;
  if (isIpOrCidr(peer) || isTagPeer(snapshot, peer)) {
    return { ruleType: 'NetworkRule', name: `allow-${stem}`, description, ipProtocols, sourceAddresses, destinationAddresses: [peer], destinationPorts: [String(flow.port)] };
  }
  // Protocol ANY requirements are evaluated as TCP at the firewall (semantics open point 7).
  if (flow.protocol !== 'Udp' && (flow.port === 80 || flow.port === 443) && !firewallFqdnError(peer, true)) {
    return {
      ruleType: 'ApplicationRule', name: `allow-${stem}`, description, sourceAddresses,
      protocols: [{ protocolType: flow.port === 80 ? 'Http' : 'Https', port: flow.port }], targetFqdns: [peer],
    };
  }
  if (!firewallFqdnError(peer, false)) {
    return { ruleType: 'NetworkRule', name: `allow-${stem}`, description, ipProtocols, sourceAddresses, destinationAddresses: [], destinationFqdns: [peer], destinationPorts: [String(flow.port)] };
  }
  return undefined;
}

/** A rule name not yet used in the collection. */
function freeName(view: CollectionView | undefined, stem: string): string {
  const clean = stem.replace(/[^\w.-]/g, '-').replace(/^[^A-Za-z0-9]+/, '').slice(0, 70).replace(/[^\w]+$/, '');
  let name = clean;
  for (let i = 2; view && findRule(view, name) >= 0; i++) name = `${clean}-${i}`;
  return name;
}

/** The smallest priority from 100 up that `used` does not hold (the first evaluated slot), if any. */
function freePriority(used: ReadonlySet<number>, below = 65001): number | undefined {
  for (let p = 100; p < below; p++) if (!used.has(p)) return p;
  return undefined;
}

/** Allow collections that may take the rule: filter, Allow, only rules of its type; best (first evaluated) first. */
function allowCollections(groups: readonly FirewallRuleCollectionGroup[], ruleType: FirewallRuleSpec['ruleType']): { group: FirewallRuleCollectionGroup; view: CollectionView }[] {
  const out: { group: FirewallRuleCollectionGroup; view: CollectionView }[] = [];
  for (const group of groups) {
    for (const view of collectionViews(group.ruleCollections)) {
      if (view.isNat || view.action.toLowerCase() !== 'allow') continue;
      if ([...view.ruleTypes].some((t) => t !== ruleType.toLowerCase())) continue;
      out.push({ group, view });
    }
  }
  return out.sort((a, b) => a.group.priority - b.group.priority || a.view.priority - b.view.priority);
}

/** Candidates for a flow decided at layer `firewall`: existing Allow collection, new collection, new group. */
export function firewallCandidates(snapshot: Snapshot, compute: ComputeVerdict, flow: FlowVerdict, subnet: Subnet | undefined): Candidate[] {
  const fw = firewallOf(snapshot, flow);
  const policy = fw?.firewallPolicyId ? snapshot.firewallPolicies.get(idKey(fw.firewallPolicyId)) : undefined;
  if (!fw || !policy) return [];
  const spec = ruleFor(snapshot, compute, flow, subnet);
  if (!spec) return [];
  const kind = spec.ruleType === 'NetworkRule' ? 'network' : 'application';
  const what = `${flow.protocol.toUpperCase()} ${flow.port} to ${flow.peer}`;
  const groups = policyGroups(snapshot.ruleCollectionGroups.values(), policy).sort((a, b) => a.priority - b.priority);
  const out: Candidate[] = [];
  const place = { policyId: policy.id };

  const best = allowCollections(groups, spec.ruleType)[0];
  if (best) {
    const rule = { ...spec, name: freeName(best.view, spec.name) };
    out.push({
      title: `Firewall policy ${policy.name}: allow ${what} with a ${kind} rule in collection ${best.view.name} (group ${best.group.name})`,
      edits: [{ kind: 'firewallRule.add', ...place, groupName: best.group.name, collectionName: best.view.name, rule }],
    });
  }
  // A new Allow collection evaluated first in the policy's first group (before any Deny there).
  const first = groups[0];
  if (first) {
    const views = collectionViews(first.ruleCollections);
    const priority = freePriority(new Set(views.map((v) => v.priority)));
    let name: string = NEW_COLLECTION[spec.ruleType];
    for (let i = 2; views.some((v) => v.name.toLowerCase() === name.toLowerCase()); i++) name = `${NEW_COLLECTION[spec.ruleType]}-${i}`;
    if (priority !== undefined) {
      out.push({
        title: `Firewall policy ${policy.name}: allow ${what} with a ${kind} rule in a new Allow collection ${name} (priority ${priority}) of group ${first.name}`,
        edits: [{ kind: 'firewallRule.add', ...place, groupName: first.name, collectionName: name, collection: { action: 'Allow', priority }, rule: spec }],
      });
    }
  }
  if (!groups.some((g) => g.name.toLowerCase() === NEW_GROUP)) {
    const groupPriority = freePriority(new Set(groups.map((g) => g.priority)));
    if (groupPriority !== undefined) {
      out.push({
        title: `Firewall policy ${policy.name}: allow ${what} with a ${kind} rule in a new group ${NEW_GROUP} (priority ${groupPriority})`,
        edits: [{ kind: 'firewallRule.add', ...place, groupName: NEW_GROUP, groupPriority, collectionName: NEW_COLLECTION[spec.ruleType], collection: { action: 'Allow', priority: 100 }, rule: spec }],
      });
    }
  }
  return out;
}
