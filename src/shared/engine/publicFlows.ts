/**
 * Flows between a compute and a public peer: outbound to a service tag or an FQDN (rows O*, F*),
 * and inbound from a service tag (I1, I3) with the asymmetric-return rule of §2.6 / §5.6.
 * Order of steps (semantics §6.3): route → admin rules → NSGs → next hop (firewall / outbound).
 */
import type { Subnet } from '../model/resources';
import { cidrsSet, ipSet, tagSet, type AddressSet } from '../net/addressSet';
import { adminRuleStep } from './adminRuleStep';
import { tagHintForFqdn } from './firewall/tagHints';
import type { ComputeTarget } from './computeTargets';
import { FlowBuilder, type FlowSpec } from './flowBuilder';
import type { ComputeSide } from './computeSide';
import { evaluateChainIn } from './nsgChains';
import { nextHopStep, routeStep } from './routing';
import type { FlowVerdict } from './verdict';

/** Where the compute's traffic comes from: its NIC addresses when known, else its whole subnet. */
export function computeAddresses(target: ComputeTarget, subnet: Subnet): AddressSet {
  // Interned sets: NSG and endpoint caches key on the set object.
  if (!target.nics.length) return cidrsSet(subnet.addressPrefixes);
  const ips = target.nics.flatMap((n) => n.privateIps);
  return ips.length === 1 && ips[0] ? ipSet(ips[0]) : cidrsSet(subnet.addressPrefixes);
}

/** Outbound to a service tag or an FQDN. */
export function evaluatePublicOutbound(side: ComputeSide, spec: FlowSpec, peer: { tag: string } | { fqdn: string }): FlowVerdict {
  const { ctx, subnet } = side;
  const b = new FlowBuilder(spec);
  const source = side.source;
  // For NSGs and routes an FQDN is some public address: the service tag it most likely resolves
  // into (firewall §4.3 heuristic, `useFqdnTagHints`), else just Internet.
  const hint = 'fqdn' in peer && ctx.assumptions.useFqdnTagHints ? tagHintForFqdn(peer.fqdn) : undefined;
  if (hint) b.info('route', `${'fqdn' in peer ? peer.fqdn : ''} is taken to resolve into service tag ${hint} (heuristic, useFqdnTagHints).`);
  const dest = tagSet('tag' in peer ? peer.tag : hint ?? 'Internet');
  const { decision, ending } = routeStep(ctx, b, subnet, dest, side.routes);
  if (ending || !decision) return b.finish(ending);
  const admin = adminRuleStep(ctx, b, subnet, { direction: 'Outbound', protocol: spec.protocol, source, destination: dest, port: spec.port });
  if (admin.ending) return b.finish(admin.ending);
  if (!admin.skipNsgs) {
    const r = evaluateChainIn(side.nsgCtx, side.chains.outbound, 'Outbound', spec.protocol, source, dest, spec.port);
    side.noteNsg(r, 'source');
    const e = b.nsgChain(r.result, spec.protocol === 'Any' ? ` (checked for ${r.protocol})` : '');
    if (e) return b.finish(e);
  }
  const hop = nextHopStep(side, b, decision, {
    protocol: spec.protocol, source, port: spec.port, publicDestination: true,
    destination: 'tag' in peer ? dest : { kind: 'fqdn', fqdn: peer.fqdn },
  });
  return b.finish(hop);
}

/** Inbound from a service tag (I1 44224 from AzureMachineLearning, I3 22 to attached VMs). */
export function evaluatePublicInbound(side: ComputeSide, spec: FlowSpec, tag: string): FlowVerdict {
  const { ctx, subnet } = side;
  const b = new FlowBuilder(spec);
  const source = tagSet(tag);
  const destination = side.source;
  const admin = adminRuleStep(ctx, b, subnet, { direction: 'Inbound', protocol: spec.protocol, source, destination, port: spec.port });
  if (admin.ending) return b.finish(admin.ending);
  if (!admin.skipNsgs) {
    const r = evaluateChainIn(side.nsgCtx, side.chains.inbound, 'Inbound', spec.protocol, source, destination, spec.port);
    side.noteNsg(r, 'destination');
    const e = b.nsgChain(r.result, spec.protocol === 'Any' ? ` (checked for ${r.protocol})` : '');
    if (e) return b.finish(e);
  }
  return b.finish(asymmetryStep(side, b, tag));
}

/**
 * §2.6: the reply to an inbound connection follows the subnet's routes. If they send it to a
 * stateful appliance that never saw the inbound SYN, the appliance drops it.
 */
function asymmetryStep(side: ComputeSide, b: FlowBuilder, tag: string) {
  const { ctx, subnet } = side;
  const { decision, ending } = routeStep(ctx, b, subnet, tagSet(tag), side.routes);
  if (ending) {
    return ending.status === 'blocked'
      ? b.block('asymmetry', `The reply to ${tag} is dropped by the route (${ending.explanation})`, ending.decidedBy)
      : ending;
  }
  if (decision?.nextHopType === 'VirtualAppliance' && ctx.assumptions.appliancesStateful) {
    const r = decision.route;
    return b.block('asymmetry',
      `The reply to ${tag} is routed to the appliance ${decision.nextHopIp ?? ''} by ${r?.routeName ?? r?.addressPrefix ?? 'a route'}, which never saw the inbound connection and drops it (asymmetric routing); add a route for ${tag} with next hop Internet.`,
      { resourceId: r?.routeId ?? r?.routeTableId ?? subnet.id, name: r?.routeName ?? r?.addressPrefix });
  }
  b.pass('asymmetry', `The reply to ${tag} leaves by ${decision?.nextHopType ?? 'the default route'}, the way the connection came in.`);
  return undefined;
}
