/**
 * Compute-level checks (the catalogue's `check` rows): prerequisites of §5.2, the cross-VNet rules
 * of §5.5, Databricks (§5.7), managed networks (§5.8), and summaries of the dependency flows. Ids are
 * part of the JSON contract (issue 2 §5).
 */
import { idKey, subscriptionOf } from '../model/armId';
import type { Subnet, Workspace } from '../model/resources';
import { usableAddresses } from '../net/cidr';
import { tagSet } from '../net/addressSet';
import { DEPENDENCIES } from '../requirements/dependencies';
import type { ComputeTarget } from './computeTargets';
import { computeTargets } from './computeTargets';
import { pairKey, type EvalContext } from './context';
import { scanCollection } from './dependencyLog';
import { resolvePrivateName } from './dns';
import { endpointsFor } from './dependencyFlows';
import { nicsIndex, privateEndpointsBySubnet, zonesByName } from './indexes';
import { isUnreadable } from './missing';
import { peeringOf } from './peering';
import { outboundMethod, routeStep } from './routing';
import { FlowBuilder } from './flowBuilder';
import type { CheckResult, FlowVerdict } from './verdict';

const AML = new Set(['ComputeCluster', 'ComputeInstance', 'Serverless']);

/** All checks for one compute; `flows` are its already-evaluated flows. */
export function computeChecks(
  ctx: EvalContext, target: ComputeTarget, subnet: Subnet | undefined,
  dependencyFlows: readonly LabelledFlow[], zonesNeeded: readonly string[],
): CheckResult[] {
  const out: CheckResult[] = [];
  const w = target.workspace;
  // Checks are immutable and most depend on the subnet, VNet or workspace alone: one object per
  // pass for every compute that gets the same answer (ctx.memo, keyed by the records).
  if (w) out.push(ctx.memo('chkManaged', w, () => managedNetworkCheck(w)));
  if (!subnet) {
    // Flows are all `unknown` then; say why where a pipeline reading only checks will see it.
    if (target.subnetId) {
      const why = isUnreadable(ctx.snap, target.subnetId) ? 'could not be read (see the snapshot\'s missing scopes)' : 'is not in the snapshot';
      out.push({ id: 'subnet-readable', status: 'warn', resourceId: target.subnetId, message: `Subnet ${target.subnetId} ${why}: every flow of this compute is unknown.` });
    }
    return out;
  }
  if (w) out.push(ctx.memo('chkSubscription', subnet, () => sameSubscriptionCheck(subnet, w.id), w));
  if (target.kind !== 'Databricks') out.push(ctx.memo('chkDelegation', subnet, () => delegationCheck(subnet)));
  if (AML.has(target.kind)) out.push(ctx.memo('capacity', subnet, () => capacityCheck(ctx, subnet)));
  if (target.kind === 'ComputeInstance' && w) out.push(instanceLocationCheck(ctx, target, subnet));
  if (target.kind === 'Databricks' && w) {
    const ok = target.location.toLowerCase() === w.location.toLowerCase();
    out.push({ id: 'databricks-location', status: ok ? 'pass' : 'fail', resourceId: target.id,
      message: ok ? 'Databricks is in the workspace region.' : `Databricks is in ${target.location}, the workspace in ${w.location}.` });
  }
  if (w && target.kind !== 'Databricks') {
    // Peering and zone links are properties of the VNet: every subnet of it gets the same answer.
    out.push(...ctx.memo('wsPath', w, () => workspacePathChecks(ctx, target, subnet, zonesNeeded), pairKey(idKey(subnet.vnetId), zonesKey(zonesNeeded))));
  }
  if (AML.has(target.kind) && !target.publicIp) out.push(ctx.memo('outbound', subnet, () => outboundCheck(ctx, target, subnet)));
  out.push(...dependencyChecks(dependencyFlows));
  return out;
}

function managedNetworkCheck(w: Workspace): CheckResult {
  return w.isolationMode.toLowerCase() !== 'disabled'
    ? { id: 'managed-network', status: 'fail', resourceId: w.id,
      message: `Workspace ${w.name} uses a managed network (${w.isolationMode}): compute cannot be placed in a customer VNet.` }
    : { id: 'managed-network', status: 'pass', message: `Workspace ${w.name} has no managed network isolation.` };
}

function sameSubscriptionCheck(subnet: Subnet, workspaceId: string): CheckResult {
  const same = subscriptionOf(subnet.id) === subscriptionOf(workspaceId);
  return { id: 'same-subscription', status: same ? 'pass' : 'fail', resourceId: subnet.vnetId,
    message: same ? 'The compute VNet is in the workspace subscription.' : `The compute VNet is in subscription ${subscriptionOf(subnet.id)}, the workspace in ${subscriptionOf(workspaceId)}.` };
}

function delegationCheck(subnet: Subnet): CheckResult {
  return subnet.delegations.length
    ? { id: 'subnet-not-delegated', status: 'fail', resourceId: subnet.id, message: `Subnet ${subnet.name} is delegated to ${subnet.delegations.join(', ')}.` }
    : { id: 'subnet-not-delegated', status: 'pass', message: `Subnet ${subnet.name} is not delegated.` };
}

/** The distinct zone names of a flow set, as one key (flow sets, and so their zone lists, are shared). */
const zonesKeys = new WeakMap<readonly string[], string>();
function zonesKey(zones: readonly string[]): string {
  let k = zonesKeys.get(zones);
  if (k === undefined) zonesKeys.set(zones, (k = [...new Set(zones)].join(',')));
  return k;
}

/** P3/P4: usable = 2^(32−prefix) − 5; needed = nodes of every compute in the subnet + NICs + PEs. */
function capacityCheck(ctx: EvalContext, subnet: Subnet): CheckResult {
  const usable = subnet.addressPrefixes.filter((p) => p.includes('.')).reduce((n, p) => n + usableAddresses(p), 0);
  const key = idKey(subnet.id);
  const computes = targetsBySubnet(ctx).get(key) ?? [];
  const nodes = computes.reduce((n, t) => n + t.nodes, 0);
  const pes = (privateEndpointsBySubnet(scanCollection(ctx.snap.privateEndpoints)).get(key) ?? []).length;
  const nics = (nicsIndex(scanCollection(ctx.snap.nics)).bySubnet.get(key) ?? []).filter((n) => !n.privateEndpointId).length;
  const needed = nodes + pes + nics;
  const detail = `${needed} addresses needed (${nodes} compute nodes, ${pes} private endpoints, ${nics} other NICs) of ${usable} usable in ${subnet.addressPrefixes.join(', ')}`;
  if (needed > usable) return { id: 'subnet-capacity', status: 'fail', resourceId: subnet.id, message: `${detail}: clusters will be allocated partially (resize error).` };
  if (needed > usable * 0.9) return { id: 'subnet-capacity', status: 'warn', resourceId: subnet.id, message: `${detail}: little headroom.` };
  return { id: 'subnet-capacity', status: 'pass', message: `${detail}.` };
}

const targetsCache = new WeakMap<object, { workspaces: unknown; nics: unknown; bySubnet: Map<string, ComputeTarget[]> }>();

/** AML compute targets grouped by subnet; rebuilt only when computes, workspaces or NICs change. */
function targetsBySubnet(ctx: EvalContext): Map<string, ComputeTarget[]> {
  const computes = scanCollection(ctx.snap.computes);
  const workspaces = scanCollection(ctx.snap.workspaces);
  const nics = scanCollection(ctx.snap.nics);
  const hit = targetsCache.get(computes);
  if (hit && hit.workspaces === workspaces && hit.nics === nics) return hit.bySubnet;
  const bySubnet = new Map<string, ComputeTarget[]>();
  for (const t of computeTargets({ ...ctx.snap, computes, workspaces, nics })) {
    if (!AML.has(t.kind) || !t.subnetId) continue;
    const k = idKey(t.subnetId);
    bySubnet.set(k, [...(bySubnet.get(k) ?? []), t]);
  }
  targetsCache.set(computes, { workspaces, nics, bySubnet });
  return bySubnet;
}

/** §5.5: a compute instance only in the workspace VNet (where its private endpoint is) and region. */
function instanceLocationCheck(ctx: EvalContext, target: ComputeTarget, subnet: Subnet): CheckResult {
  const w = target.workspace;
  if (!w) return { id: 'compute-instance-location', status: 'warn', message: 'Workspace not in the snapshot.' };
  if (target.location.toLowerCase() !== w.location.toLowerCase()) {
    return { id: 'compute-instance-location', status: 'fail', resourceId: target.id, message: `Compute instance in ${target.location}, workspace in ${w.location}: not supported.` };
  }
  const pes = endpointsFor(ctx, DEPENDENCIES.workspace, w.id, subnet.vnetId);
  const wsVnets = new Set(pes.map((pe) => idKey(ctx.snap.subnets.get(idKey(pe.subnetId))?.vnetId ?? '')));
  if (wsVnets.size && !wsVnets.has(idKey(subnet.vnetId))) {
    return { id: 'compute-instance-location', status: 'fail', resourceId: subnet.vnetId, message: 'A compute instance must be in the workspace VNet (the VNet of its private endpoint), not another one.' };
  }
  return { id: 'compute-instance-location', status: 'pass', message: 'The compute instance is in the workspace region and VNet.' };
}

/** No expected address: whether the zone is linked at all (one array, so the DNS memo key is made once). */
const NO_ADDRESSES: readonly string[] = [];

/** §5.5 options A/B: peering to a workspace VNet, zone links, and the workspace being reachable. */
function workspacePathChecks(ctx: EvalContext, target: ComputeTarget, subnet: Subnet, zonesNeeded: readonly string[]): CheckResult[] {
  const w = target.workspace;
  if (!w) return [];
  const out: CheckResult[] = [];
  const pes = endpointsFor(ctx, DEPENDENCIES.workspace, w.id, subnet.vnetId);
  const peVnets = [...new Set(pes.map((pe) => ctx.snap.subnets.get(idKey(pe.subnetId))?.vnetId).filter((v): v is string => !!v))];
  if (peVnets.length && !peVnets.some((v) => idKey(v) === idKey(subnet.vnetId))) {
    const statuses = peVnets.map((v) => peeringOf(ctx, subnet.vnetId, v));
    const ok = statuses.find((s) => s.status === 'connected');
    const unk = statuses.find((s) => s.status === 'unknown');
    const worst = ok ?? unk ?? statuses[0];
    out.push({ id: 'peering-connected', status: ok ? 'pass' : unk ? 'warn' : 'fail', message: worst?.explanation ?? '',
      ...(ok ? {} : { resourceId: worst?.localPeering?.id ?? subnet.vnetId }) });
  }
  for (const zone of [...new Set(zonesNeeded)]) {
    const a = resolvePrivateName(ctx, subnet.vnetId, zone, NO_ADDRESSES);
    const linked = a.status !== 'public' && a.status !== 'unknown';
    const zoneIds = [...(zonesByName(scanCollection(ctx.snap.dnsZones)).get(zone.toLowerCase()) ?? [])].map((z) => z.id);
    out.push({ id: `dns-zone-linked:${zone}`, status: linked ? 'pass' : a.status === 'unknown' ? 'warn' : 'fail',
      message: linked ? `${zone} is linked to the resolving VNet.` : a.detail,
      ...(linked ? {} : { resourceId: zoneIds[0] ?? subnet.vnetId }) });
  }
  return out;
}

/** §2.7 / M20: no-public-IP compute needs a way out to public endpoints. */
function outboundCheck(ctx: EvalContext, target: ComputeTarget, subnet: Subnet): CheckResult {
  const b = new FlowBuilder({ requirement: 'X5', direction: 'Outbound', protocol: 'Tcp', port: 443, peer: 'Internet', required: true });
  const r = routeStep(ctx, b, subnet, tagSet('Internet'));
  if (r.decision?.nextHopType === 'VirtualAppliance') {
    return { id: 'outbound-connectivity', status: 'pass', message: `Internet-bound traffic goes through the appliance ${r.decision.nextHopIp ?? ''}.` };
  }
  if (!r.decision) return { id: 'outbound-connectivity', status: 'warn', message: r.ending?.explanation ?? 'Route unknown.' };
  const m = outboundMethod(ctx, target, subnet);
  return m.ok
    ? { id: 'outbound-connectivity', status: 'pass', message: `Reaches the internet through ${m.how}.` }
    : { id: 'outbound-connectivity', status: 'fail', resourceId: subnet.id, message: `${m.how}.` };
}

/** A dependency flow with the dependency it reaches (`workspace`, `storage`, `keyvault`, `acr`). */
export interface LabelledFlow {
  readonly label: string;
  readonly flow: FlowVerdict;
}

/** Per dependency-flow list (shared by the computes that share a flow set): its summary checks. */
const dependencyCheckCache = new WeakMap<readonly LabelledFlow[], CheckResult[]>();

/** `workspace-reachable` and `dependency-reachable:<x>`, summarising the dependency flows. */
function dependencyChecks(flows: readonly LabelledFlow[]): CheckResult[] {
  let hit = dependencyCheckCache.get(flows);
  if (!hit) dependencyCheckCache.set(flows, (hit = summarizeDependencies(flows)));
  return hit;
}

function summarizeDependencies(flows: readonly LabelledFlow[]): CheckResult[] {
  const groups = new Map<string, FlowVerdict[]>();
  for (const { label, flow } of flows) {
    const list = groups.get(label);
    if (list) list.push(flow);
    else groups.set(label, [flow]);
  }
  const out: CheckResult[] = [];
  for (const [label, list] of groups) {
    const id = label === 'workspace' ? 'workspace-reachable' : `dependency-reachable:${label}`;
    const blocked = list.find((f) => f.status === 'blocked');
    const unknown = list.find((f) => f.status === 'unknown');
    const bad = blocked ?? unknown;
    out.push(bad
      ? { id, status: blocked ? 'fail' : 'warn', message: `${bad.port}/${bad.protocol}: ${bad.explanation}`, ...(bad.decidedBy.resourceId ? { resourceId: bad.decidedBy.resourceId } : {}) }
      : { id, status: 'pass', message: `Reachable on ${list.map((f) => `${f.port}/${f.protocol}`).join(', ')}.` });
  }
  return out;
}
