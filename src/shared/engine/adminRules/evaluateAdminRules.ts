/**
 * Virtual Network Manager security admin rules for one VNet and direction (firewall semantics
 * §3.2): rules sorted by priority, first match; `Deny` drops, `AlwaysAllow` delivers without NSGs,
 * `Allow` (or no match) hands over to the NSGs. An uncertain earlier rule whose outcome would differ
 * makes the answer `Unknown`. Outbound rules apply at the source VNet, inbound at the destination.
 */
import { idKey, lastSegment, subscriptionOf } from '../../model/armId';
import type { AdminRule, VnetAdminRules } from '../../model/firewall';
import type { Snapshot } from '../../model/snapshot';
import { describeAddressSet, type AddressSet } from '../../net/addressSet';
import type { TagIndex } from '../../servicetags/tagIndex';
import type { Assumptions } from '../assumptions';
import { isUnreadable } from '../missing';
import type { TraceStep } from '../verdict';
import { adminAssumptions, type AdminAssumptions } from './adminAssumptions';
import { applyIntentPolicy, exemptionOf, hasIntentPolicyServices, orderAcrossManagers } from './adminScope';
import { compileAdminRule, matchAdminRule, type AdminFlow, type CompiledAdminRule } from './matchAdminRule';

export interface AdminDecision {
  readonly access: 'Allow' | 'AlwaysAllow' | 'Deny' | 'None' | 'Unknown';
  readonly rule?: AdminRule;
  readonly trace: readonly TraceStep[];
  readonly explanation: string;
  /** `adminRule:<manager>/<configuration>/<collection>/<rule>@<priority>` (§4.5) when a rule decided. */
  readonly ref?: string;
}

/** The §4.5 reference string of a rule. */
export function adminRuleRef(r: AdminRule): string {
  const m = /networkManagers\/([^/]+)\/securityAdminConfigurations\/([^/]+)\/ruleCollections\/([^/]+)\/rules\/([^/]+)/i.exec(r.id);
  return m ? `adminRule:${m[1]}/${m[2]}/${m[3]}/${m[4]}@${r.priority}` : `adminRule:${r.name}@${r.priority}`;
}

interface Prepared {
  readonly tags: TagIndex;
  readonly aa: AdminAssumptions;
  readonly intent: boolean;
  readonly rules: readonly CompiledAdminRule[];
  readonly notes: readonly string[];
}
const prepared = new WeakMap<VnetAdminRules, Prepared>();

function prepare(snapshot: Snapshot, record: VnetAdminRules, tags: TagIndex, aa: AdminAssumptions): Prepared {
  const intent = hasIntentPolicyServices(snapshot, record.vnetId);
  const hit = prepared.get(record);
  if (hit && hit.tags === tags && hit.aa === aa && hit.intent === intent) return hit;
  const notes: string[] = [];
  const across = orderAcrossManagers(record, aa);
  if (across.note) notes.push(across.note);
  let rules: readonly AdminRule[] = across.rules;
  if (intent) {
    const applied = applyIntentPolicy(rules, aa);
    rules = applied.rules;
    if (applied.note) notes.push(applied.note);
  }
  const seen = new Map<string, AdminRule>();
  for (const r of rules) {
    const key = `${r.direction}:${r.priority}`;
    const prev = seen.get(key);
    if (prev && prev.ruleCollectionId !== r.ruleCollectionId) {
      notes.push(`AmbiguousAdminPriority: ${prev.name} and ${r.name} share priority ${r.priority} in different rule collections; Deny is taken before AlwaysAllow before Allow.`);
    }
    seen.set(key, r);
  }
  const accessRank = { Deny: 0, AlwaysAllow: 1, Allow: 2 } as const;
  // Stable sort keeps the manager order; equal priorities: the stricter access first (engine choice).
  const ordered = across.keepOrder ? [...rules]
    : [...rules].sort((a, b) => a.priority - b.priority || accessRank[a.access] - accessRank[b.access]);
  const result: Prepared = { tags, aa, intent, rules: ordered.map((r) => compileAdminRule(r, tags)), notes };
  prepared.set(record, result);
  return result;
}

function unreadable(snapshot: Snapshot, vnetId: string): boolean {
  if (isUnreadable(snapshot, `${vnetId}/effectiveSecurityAdminRules`)) return true;
  const sub = subscriptionOf(vnetId);
  return snapshot.missing.some((m) => m.kind === 'resourceType' && (m.resourceType ?? '').toLowerCase() === 'vnetlens.harvest/effectivesecurityadminrules'
    && (!m.subscriptionId || m.subscriptionId.toLowerCase() === sub));
}

/** Both hand the flow to the NSGs: they never conflict. */
function toNsgs(access: AdminDecision['access']): boolean {
  return access === 'Allow' || access === 'None';
}

/** Evaluate the admin rules of `vnetId` for `flow`. */
export function evaluateAdminRules(
  snapshot: Snapshot, vnetId: string,
  flow: { direction: 'Inbound' | 'Outbound'; protocol: 'Tcp' | 'Udp' | 'Icmp'; source: AddressSet; destination: AddressSet; destinationPort: number },
  ctx: { tags: TagIndex; assumptions: Assumptions },
): AdminDecision {
  const vnetName = lastSegment(vnetId);
  const record = snapshot.adminRules.get(idKey(vnetId));
  if (!record) {
    if (unreadable(snapshot, vnetId)) {
      const explanation = `The security admin rules in force for VNet ${vnetName} could not be read during harvest, so whether they allow the flow is unknown.`;
      return { access: 'Unknown', trace: [{ layer: 'adminRule', outcome: 'unknown', resourceId: vnetId, detail: explanation }], explanation };
    }
    return { access: 'None', trace: [], explanation: `No security admin rules are in force for VNet ${vnetName}.` };
  }
  const endpoint = flow.direction === 'Outbound' ? flow.source : flow.destination;
  const exempt = exemptionOf(snapshot, vnetId, endpoint);
  if (exempt) {
    const explanation = `Security admin rules of VNet ${vnetName} do not apply: ${exempt}.`;
    return { access: 'None', trace: [{ layer: 'adminRule', outcome: 'info', resourceId: vnetId, detail: explanation }], explanation };
  }
  const aa = adminAssumptions(ctx.assumptions);
  const prep = prepare(snapshot, record, ctx.tags, aa);
  const trace: TraceStep[] = prep.notes.map((n) => ({ layer: 'adminRule', outcome: 'info', resourceId: vnetId, detail: n }));
  const f: AdminFlow = flow;
  const pending: { c: CompiledAdminRule; reason: string }[] = [];
  let decided: CompiledAdminRule | undefined;
  for (const c of prep.rules) {
    const m = matchAdminRule(c, f, ctx.tags, ctx.assumptions.portRuleMatchesIcmp);
    if (m.result === 'no') continue;
    if (m.result === 'unknown') { pending.push({ c, reason: m.reason ?? 'uncertain' }); continue; }
    decided = c;
    break;
  }
  const access: AdminDecision['access'] = decided ? decided.rule.access : 'None';
  const what = `${flow.protocol.toUpperCase()} ${flow.destinationPort} from ${describeAddressSet(flow.source)} to ${describeAddressSet(flow.destination)}`;
  const conflict = pending.find((p) => toNsgs(p.c.rule.access) !== toNsgs(access) || (!toNsgs(access) && p.c.rule.access !== access));
  for (const p of pending) {
    trace.push({ layer: 'adminRule', outcome: p === conflict ? 'unknown' : 'info', resourceId: p.c.rule.id, name: p.c.rule.name, priority: p.c.rule.priority, detail: `May match: ${adminRuleRef(p.c.rule)} (${p.c.rule.access}) — ${p.reason}.` });
  }
  if (conflict) {
    const r = conflict.c.rule;
    const explanation = `Security admin rule ${adminRuleRef(r)} (${r.access}) may match ${what} on VNet ${vnetName}: ${conflict.reason}.`;
    return { access: 'Unknown', rule: r, trace, explanation, ref: adminRuleRef(r) };
  }
  if (!decided) {
    const explanation = `No security admin rule of VNet ${vnetName} matches ${flow.direction.toLowerCase()} ${what}; the NSGs decide.`;
    trace.push({ layer: 'adminRule', outcome: 'info', resourceId: vnetId, detail: explanation });
    return { access: 'None', trace, explanation };
  }
  const r = decided.rule;
  const ref = adminRuleRef(r);
  const effect = r.access === 'Deny' ? 'denies it' : r.access === 'AlwaysAllow' ? 'always allows it (NSGs are not evaluated)' : 'allows it and hands over to the NSGs';
  const explanation = `Security admin rule ${ref} on VNet ${vnetName} ${effect}: ${flow.direction.toLowerCase()} ${what}.`;
  trace.push({ layer: 'adminRule', outcome: r.access === 'Deny' ? 'block' : 'pass', resourceId: r.id, name: r.name, priority: r.priority, detail: explanation });
  return { access, rule: r, trace, explanation, ref };
}
