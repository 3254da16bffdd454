/**
 * Flows to the workspace and its dependencies (rows O12, P9): through a private endpoint when the
 * dependency has one — semantics §4.5: approved connection, a path (same VNet or Connected peering),
 * DNS answering the endpoint's IP from the compute VNet, routes, NSG out on the compute, NSG in on the
 * endpoint subnet when its network policies enable NSGs — else through the public endpoint's tag.
 */
import { idKey } from '../model/armId';
import { ipSet } from '../net/addressSet';
import type { PrivateEndpoint, Subnet } from '../model/resources';
import { DEPENDENCIES, withRegion, zonesFor, type DependencyInfo } from '../requirements/dependencies';
import type { Dependency } from '../requirements/types';
import type { ComputeTarget } from './computeTargets';
import { pairKey, type EvalContext } from './context';
import { scanCollection } from './dependencyLog';
import { resolvePrivateName } from './dns';
import { FlowBuilder, type Ending, type FlowSpec } from './flowBuilder';
import { privateEndpointsByTarget } from './indexes';
import type { ComputeSide } from './computeSide';
import { evaluateChainIn, nsgContextOf, subnetAttachments } from './nsgChains';
import { peeringOf } from './peering';
import { evaluatePublicOutbound } from './publicFlows';
import { nextHopStep, routeStep } from './routing';
import type { FlowVerdict } from './verdict';
import { adminRuleStep } from './adminRuleStep';
import { scopeHoldsVnet } from './subnetClass';

/** Private endpoints of a dependency (matching group id), closest to the compute VNet first. */
export function endpointsFor(ctx: EvalContext, info: DependencyInfo, targetId: string, computeVnetId: string): readonly PrivateEndpoint[] {
  // Every compute subnet of a VNet asks this for each dependency: once per pass.
  return ctx.memo('endpoints', idKey(computeVnetId), () => endpointsUncached(ctx, info, targetId, computeVnetId), pairKey(info.groupId, idKey(targetId)));
}

function endpointsUncached(ctx: EvalContext, info: DependencyInfo, targetId: string, computeVnetId: string): PrivateEndpoint[] {
  const all = privateEndpointsByTarget(scanCollection(ctx.snap.privateEndpoints)).get(idKey(targetId)) ?? [];
  const group = info.groupId.toLowerCase();
  const matching = all.filter((pe) => pe.connections.some((c) => idKey(c.targetId) === idKey(targetId) && c.groupIds.some((g) => g.toLowerCase() === group)));
  const vnetOf = (pe: PrivateEndpoint) => ctx.snap.subnets.get(idKey(pe.subnetId))?.vnetId ?? '';
  return matching.sort((a, b) => Number(idKey(vnetOf(b)) === idKey(computeVnetId)) - Number(idKey(vnetOf(a)) === idKey(computeVnetId)));
}

export interface DependencyFlowResult {
  readonly flow?: FlowVerdict;
  /** The zone names this flow needed linked (for the dns-zone-linked checks). */
  readonly zones: readonly string[];
}

/** Evaluate one dependency flow; no flow when the row's condition does not hold. */
export function evaluateDependencyFlow(
  side: ComputeSide, spec: Omit<FlowSpec, 'peer'>, dependency: Dependency, condition: string,
): DependencyFlowResult {
  const { ctx, target, subnet } = side;
  const info = DEPENDENCIES[dependency];
  const w = target.workspace;
  const targetId = w ? info.targetOf(w) : undefined;
  if (!w || !targetId) return { zones: [] };
  const region = w.location;
  const pes = endpointsFor(ctx, info, targetId, subnet.vnetId);
  const zones = zonesFor(info, ctx.snap.provenance.cloud);
  if (!pes.length && privateEndpointsUnreadable(ctx)) {
    const b = new FlowBuilder(withPeer(spec, targetId));
    return { zones, flow: b.finish(b.unknown('privateEndpoint', `No readable private endpoint reaches ${info.label}, but private endpoints of some subscriptions could not be read.`, { resourceId: targetId })) };
  }
  if (!pes.length) {
    if (dependency === 'workspace') {
      const needsPe = !target.publicIp || w.publicNetworkAccess.toLowerCase() === 'disabled';
      if (!needsPe) return { zones: [] };
      const b = new FlowBuilder(withPeer(spec, targetId));
      const why = w.publicNetworkAccess.toLowerCase() === 'disabled'
        ? `Workspace ${w.name} disables public network access and has no private endpoint.`
        : `No-public-IP compute must reach workspace ${w.name} through a private endpoint, and it has none${w.ipAllowlist.length ? ' (its IP allow list cannot list the dynamic default-outbound address)' : ''}.`;
      return { zones: [], flow: b.finish(b.block('privateEndpoint', why, { resourceId: w.id, name: w.name })) };
    }
    if (condition === 'dependencyHasPrivateEndpoint') return { zones: [] };
    // No private endpoint: the dependency is reached on its public endpoint (e.g. P9 445 to Storage.<region>).
    const tag = withRegion(info.publicTag, region);
    return { zones: [], flow: evaluatePublicOutbound(side, withPeer(spec, targetId), { tag }) };
  }
  // Try endpoints closest first; report the first that works, else the closest one's failure.
  let first: FlowVerdict | undefined;
  for (const pe of pes) {
    const v = viaEndpoint(side, withPeer(spec, targetId, pe.id), info, targetId, pe, zones);
    if (v.status === 'allowed') return { flow: v, zones };
    first ??= v;
  }
  return { flow: first, zones };
}

/** The flow spec with its peer, built field by field (an object spread here was the hottest line of the pass). */
function withPeer(spec: Omit<FlowSpec, 'peer'>, peer: string, peerResourceId?: string): FlowSpec {
  return peerResourceId !== undefined
    ? { requirement: spec.requirement, direction: spec.direction, protocol: spec.protocol, port: spec.port, peer, required: spec.required, peerResourceId }
    : { requirement: spec.requirement, direction: spec.direction, protocol: spec.protocol, port: spec.port, peer, required: spec.required };
}

/** Some private endpoints may exist where we could not read (a 403 subscription or type). */
function privateEndpointsUnreadable(ctx: EvalContext): boolean {
  return ctx.snap.missing.some((m) => m.kind === 'subscription' || (m.resourceType ?? '').toLowerCase() === 'microsoft.network/privateendpoints');
}

function viaEndpoint(
  side: ComputeSide, spec: FlowSpec, info: DependencyInfo, targetId: string, pe: PrivateEndpoint, zones: readonly string[],
): FlowVerdict {
  const { ctx, target, subnet } = side;
  const b = new FlowBuilder(spec);
  const peRef = { resourceId: pe.id, name: pe.name };
  const targetKey = idKey(targetId);
  const conn = pe.connections.find((c) => idKey(c.targetId) === targetKey);
  if (!conn || conn.status.toLowerCase() !== 'approved') {
    return b.finish(b.block('privateEndpoint', `Private endpoint ${pe.name} is ${conn?.status ?? 'not connected'}, not Approved: it carries no traffic.`, peRef));
  }
  const peIp = pe.privateIps[0];
  const peSubnet = ctx.snap.subnets.get(idKey(pe.subnetId));
  if (!peIp || !peSubnet) return b.finish(b.unknown('privateEndpoint', `Private endpoint ${pe.name} has no known address or subnet in the snapshot.`, peRef));
  b.passFor(pe, '', 'privateEndpoint', () => `Private endpoint ${pe.name} (${peIp}) is Approved.`, peRef);

  // Path: same VNet, or a Connected peering (non-transitive).
  if (idKey(peSubnet.vnetId) !== idKey(subnet.vnetId)) {
    const p = peeringOf(ctx, subnet.vnetId, peSubnet.vnetId);
    const ref = { resourceId: p.localPeering?.id ?? p.remotePeering?.id ?? peSubnet.vnetId, name: p.localPeering?.name ?? p.remotePeering?.name };
    if (p.status === 'notConnected') return b.finish(b.block('peering', p.explanation, ref));
    if (p.status === 'unknown') return b.finish(b.unknown('peering', p.explanation, ref));
    b.passFor(p, '', 'peering', p.explanation, ref);
  }

  // DNS: every zone of the dependency must answer the endpoint's address from the compute VNet.
  const ending = dnsSteps(ctx, b, subnet, pe, zones, info, target);
  if (ending) return b.finish(ending);

  const dest = ipSet(peIp);
  const source = side.source;
  const route = routeStep(ctx, b, subnet, dest, side.routes);
  if (route.ending || !route.decision) return b.finish(route.ending);
  const admin = adminRuleStep(ctx, b, subnet, { direction: 'Outbound', protocol: spec.protocol, source, destination: dest, port: spec.port });
  if (admin.ending) return b.finish(admin.ending);
  if (!admin.skipNsgs) {
    // The compute's NIC ASGs count here as for public flows: an ASG-scoped allow applies to its members.
    const out = evaluateChainIn(side.nsgCtx, side.chains.outbound, 'Outbound', spec.protocol, source, dest, spec.port);
    side.noteNsg(out, 'source');
    const e = b.nsgChain(out.result);
    if (e) return b.finish(e);
  }
  const hop = nextHopStep(side, b, route.decision, { protocol: spec.protocol, source, destination: dest, port: spec.port, publicDestination: false });
  if (hop) return b.finish(hop);

  // NSG on the endpoint's subnet applies only when its network policies enable NSGs (§1.7).
  const policies = peSubnet.privateEndpointNetworkPolicies;
  if (policies === 'Enabled' || policies === 'NetworkSecurityGroupEnabled') {
    const inbound = evaluateChainIn(nsgContextOf(ctx, peSubnet), subnetAttachments(ctx, peSubnet), 'Inbound', spec.protocol, source, dest, spec.port);
    side.noteNsg(inbound, 'source', scopeHoldsVnet(ctx, peSubnet, subnet));
    const e = b.nsgChain(inbound.result, ' (private endpoint subnet, network policies on)');
    if (e) return b.finish(e);
  } else if (peSubnet.nsgId) {
    const nsgId = peSubnet.nsgId;
    b.infoFor(peSubnet, '', 'nsg', () => `The NSG on ${peSubnet.name} does not apply to private endpoint traffic (privateEndpointNetworkPolicies=${policies}).`, { resourceId: nsgId });
  }
  return b.finish(undefined);
}

function dnsSteps(ctx: EvalContext, b: FlowBuilder, subnet: Subnet, pe: PrivateEndpoint, zones: readonly string[], info: DependencyInfo, target: ComputeTarget): Ending | undefined {
  for (const zone of zones) {
    const a = resolvePrivateName(ctx, subnet.vnetId, zone, pe.privateIps);
    const ref = a.zone ? { resourceId: a.zone.id, name: a.zone.zoneName } : { name: zone };
    if (a.status === 'private') {
      b.passFor(a, '', 'dns', a.detail, ref);
      continue;
    }
    if (a.status === 'unknown') return b.unknown('dns', a.detail, ref);
    if (a.status === 'nxdomain') return b.block('dns', a.detail, ref);
    // Public answer: the workspace with public access disabled is unreachable; others depend on settings we do not read.
    if (info.dependency === 'workspace') {
      const disabled = target.workspace?.publicNetworkAccess.toLowerCase() === 'disabled';
      if (disabled || !target.publicIp) return b.block('dns', `${a.detail} ${disabled ? 'The workspace disables public network access.' : 'No-public-IP compute must use the private endpoint.'}`, ref);
      b.info('dns', a.detail, ref);
      continue;
    }
    return b.unknown('dns', `${a.detail} Whether ${info.label} accepts public traffic is not in the snapshot.`, ref);
  }
  return undefined;
}
