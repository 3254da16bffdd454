/**
 * Route steps shared by every outbound flow: the subnet's effective routes (memoized per pass),
 * the route a destination takes, and what its next hop means — an Azure Firewall is evaluated, any
 * other appliance is `unknown` unless assumed allow-all, `Internet` needs an outbound method for
 * no-public-IP compute (semantics §2.6–2.7).
 */
import { idKey } from '../model/armId';
import type { Subnet } from '../model/resources';
import type { AddressSet } from '../net/addressSet';
import type { ComputeSide } from './computeSide';
import type { ComputeTarget } from './computeTargets';
import type { EvalContext } from './context';
import { scanCollection } from './dependencyLog';
import { evaluateFirewall } from './firewall/evaluateFirewall';
import type { Ending, FlowBuilder } from './flowBuilder';
import { firewallsByPrivateIp } from './indexes';
import { effectiveRoutes, lookupRoute, type EffectiveRoute, type RouteDecision } from './routes/effectiveRoutes';

/** A subnet's effective routes, configuration errors, and why they are unknown (if they are). */
export type SubnetRoutes = ReturnType<typeof effectiveRoutes>;

/**
 * Effective routes of a subnet, once per pass. Subnets of one VNet with the same route table and
 * service endpoints have the same routes, so they share one array (and with it the prepared lookup
 * structures and route decisions); only an answer that names the subnet (a missing route table) is
 * made per subnet.
 */
export function routesOf(ctx: EvalContext, subnet: Subnet): SubnetRoutes {
  return ctx.memo('routes', subnet, () => {
    const own = () => effectiveRoutes(ctx.snap, subnet.id, { tags: ctx.tags, assumptions: ctx.assumptions });
    if (!ctx.snap.vnets.get(idKey(subnet.vnetId))) return own();
    const shared = ctx.memo('routesByVnet', `${idKey(subnet.vnetId)}|${subnet.routeTableId ? idKey(subnet.routeTableId) : ''}|${serviceEndpointsKey(subnet)}`, own);
    return shared.unknown ? own() : shared;
  });
}

/** A subnet's service endpoints as one key (they add routes, so subnets share routes only when these match). */
export function serviceEndpointsKey(subnet: Subnet): string {
  return subnet.serviceEndpoints.length ? subnet.serviceEndpoints.map((e) => `${e.service}@${e.locations.join('+')}`).join(',') : '';
}

function routeRef(subnet: Subnet, r: EffectiveRoute | undefined): { resourceId?: string; name?: string } {
  if (!r) return { resourceId: subnet.id };
  if (r.routeTableId) return { resourceId: r.routeId ?? r.routeTableId, name: r.routeName ?? r.addressPrefix };
  return { resourceId: subnet.id, name: `system route ${r.addressPrefix} → ${r.nextHopType}` };
}

/** Look the destination up and record the step; an ending when the route drops or cannot be told. */
export function routeStep(
  ctx: EvalContext, b: FlowBuilder, subnet: Subnet, destination: AddressSet, routes: SubnetRoutes = routesOf(ctx, subnet),
): { decision?: RouteDecision; ending?: Ending } {
  for (const e of routes.configErrors) b.info('route', `Route configuration error: ${e}`, { resourceId: subnet.routeTableId ?? subnet.id });
  if (routes.unknown) return { ending: b.unknown('route', routes.unknown, { resourceId: subnet.routeTableId ?? subnet.id }) };
  const decision = lookupRoute(routes.routes, destination, { tags: ctx.tags, assumptions: ctx.assumptions });
  if (decision.status === 'unknown') return { ending: b.unknown('route', decision.explanation, routeRef(subnet, decision.route)) };
  if (decision.split && new Set(decision.split.map((s) => s.route.nextHopType)).size > 1) {
    const parts = decision.split.map((s) => `${s.prefixes.length} prefix(es) → ${s.route.nextHopType}`).join(', ');
    const dropped = decision.split.find((s) => s.route.nextHopType === 'None');
    if (dropped) return { ending: b.block('route', `Part of the destination is dropped (${parts}).`, routeRef(subnet, dropped.route)) };
    return { ending: b.unknown('route', `Parts of the destination take different routes (${parts}).`, routeRef(subnet, decision.route)) };
  }
  const ref = routeRef(subnet, decision.route);
  if (decision.nextHopType === 'None') return { ending: b.block('route', decision.explanation, ref) };
  b.passFor(decision, subnet, 'route', decision.explanation, ref);
  return { decision };
}

export interface NextHopFlow {
  readonly protocol: 'Tcp' | 'Udp' | 'Any';
  readonly source: AddressSet;
  readonly destination: AddressSet | { kind: 'fqdn'; fqdn: string };
  readonly port: number;
  /** The destination is a public endpoint (service tag, FQDN): `Internet` needs an outbound method. */
  readonly publicDestination: boolean;
}

/** What happens at the next hop the route chose for a flow from the compute of `side`. */
export function nextHopStep(side: ComputeSide, b: FlowBuilder, decision: RouteDecision, flow: NextHopFlow): Ending | undefined {
  const { ctx, target, subnet } = side;
  const hop = decision.nextHopType;
  if (hop === 'VirtualAppliance') {
    const ip = decision.nextHopIp ?? '';
    const fw = firewallsByPrivateIp(scanCollection(ctx.snap.firewalls)).get(ip);
    if (fw) {
      // Firewall rules match the source addresses: these flows are the subnet's own.
      side.addressesMatter();
      const fd = evaluateFirewall(ctx.snap, fw, {
        protocol: flow.protocol, source: flow.source, destination: flow.destination, destinationPort: flow.port,
        ...(flow.destination.kind === 'fqdn' ? { scheme: flow.port === 80 ? 'Http' : 'Https' } : {}),
      }, { tags: ctx.tags, assumptions: ctx.assumptions });
      b.trace.push(...fd.trace);
      if (fd.access === 'Allow') {
        b.allowedByDecision(fd.decidedBy, fd.explanation);
        return undefined;
      }
      return { status: fd.access === 'Deny' ? 'blocked' : 'unknown', decidedBy: fd.decidedBy, explanation: fd.explanation };
    }
    if (ctx.assumptions.allowAllAppliances.includes(ip)) {
      b.pass('route', `Appliance ${ip} is assumed to allow everything (allowAllAppliances).`, { name: ip });
      return undefined;
    }
    return b.unknown('route', `Next hop ${ip} is a virtual appliance that is not an Azure Firewall in the snapshot, so its rules are unknown (treat it as allow-all with --assume allowAllAppliances=${ip}).`, { name: ip });
  }
  if (hop === 'VirtualNetworkGateway') {
    return b.unknown('route', 'The route leads to the virtual network gateway (on-premises or another network), beyond the snapshot.');
  }
  if (hop === 'Internet' && flow.publicDestination) return outboundConnectivityStep(ctx, b, target, subnet);
  if (hop === 'VirtualNetworkServiceEndpoint') {
    b.pass('route', 'A service endpoint keeps this traffic on the Azure backbone.');
    return undefined;
  }
  if (flow.publicDestination && (hop === 'VnetLocal' || hop === 'VNetPeering' || hop === 'InterfaceEndpoint')) {
    return b.unknown('route', `A public destination is routed to ${hop}; nothing in the snapshot forwards it on.`);
  }
  return undefined;
}

/** §2.7: how no-public-IP compute reaches public endpoints, and `NoOutboundConnectivity` when it can't. */
export function outboundMethod(ctx: EvalContext, target: ComputeTarget, subnet: Subnet): { ok: boolean; how: string; resourceId?: string } {
  if (target.publicIp) return { ok: true, how: 'the compute has a public IP' };
  if (subnet.natGatewayId) return { ok: true, how: 'the subnet NAT gateway', resourceId: subnet.natGatewayId };
  const dflt = subnet.defaultOutboundAccess ?? ctx.assumptions.defaultOutboundWhenUnset;
  if (dflt) {
    return { ok: true, how: subnet.defaultOutboundAccess === undefined
      ? 'default outbound access (the subnet does not set defaultOutboundAccess; assumed on; Microsoft recommends a NAT gateway or firewall)'
      : 'default outbound access (retiring; Microsoft recommends a NAT gateway or firewall)' };
  }
  return { ok: false, how: 'NoOutboundConnectivity: the subnet is private (defaultOutboundAccess=false) with no NAT gateway, public IP or firewall route', resourceId: subnet.id };
}

function outboundConnectivityStep(ctx: EvalContext, b: FlowBuilder, target: ComputeTarget, subnet: Subnet): Ending | undefined {
  // The same answer for every public flow of the subnet (per public-IP mode): once per pass.
  const m = ctx.memo('outboundStep', subnet, () => {
    const r = outboundMethod(ctx, target, subnet);
    return { ...r, text: r.ok ? `Reaches the internet through ${r.how}.` : `${r.how}.` };
  }, target.publicIp ? 'public' : 'private');
  if (m.ok) {
    b.passFor(m, '', 'outbound', m.text, m.resourceId ? { resourceId: m.resourceId } : undefined);
    return undefined;
  }
  return b.block('outbound', m.text, { resourceId: subnet.id, name: subnet.name });
}
