/**
 * References to resources the snapshot does not hold. Not fatal (the engine answers `unknown` for
 * what depends on them), but worth saying — unless the snapshot already records that scope as
 * unreadable in `missing`, where the gap is explained.
 */
import { keyOf } from '../keys';
import { idKey, subscriptionOf, typeKey, type MissingScope, type Snapshot } from '../../model';
import { typeFromId } from '../typeFromId';
import { warning, type CheckContext } from './types';

type Collections = Pick<Snapshot, 'vnets' | 'subnets' | 'nsgs' | 'routeTables' | 'natGateways' | 'nics' | 'privateEndpoints'
  | 'peerings' | 'dnsZones' | 'workspaces' | 'computes' | 'firewalls' | 'firewallPolicies'>;

/** Is `id` inside a scope the snapshot says it could not read? */
export function coveredByMissing(id: string, missing: readonly MissingScope[]): boolean {
  const sub = subscriptionOf(id);
  const type = typeKey(typeFromId(id) ?? '');
  return missing.some((m) => {
    if (m.kind === 'resource') return m.resourceId !== undefined && idKey(m.resourceId) === idKey(id);
    const sameSub = m.subscriptionId === undefined || m.subscriptionId.toLowerCase() === sub;
    if (m.kind === 'subscription') return sameSub;
    return sameSub && m.resourceType !== undefined && typeKey(m.resourceType) === type;
  });
}

/** Warns for every reference to a modelled resource that is neither present nor covered by `missing`. */
export function checkDangling(s: Collections, missing: readonly MissingScope[], ctx: CheckContext): void {
  const check = (fromId: string, field: string, ref: string | undefined, target: ReadonlyMap<string, unknown>): void => {
    if (!ref || target.has(keyOf(ref)) || coveredByMissing(ref, missing)) return;
    ctx.warn(warning(ctx, 'dangling-reference', `${fromId}: ${field} ${ref} is not in the snapshot`, fromId));
  };
  for (const x of s.subnets.values()) {
    check(x.id, 'networkSecurityGroup', x.nsgId, s.nsgs);
    check(x.id, 'routeTable', x.routeTableId, s.routeTables);
    check(x.id, 'natGateway', x.natGatewayId, s.natGateways);
  }
  for (const x of s.nics.values()) {
    for (const id of x.subnetIds) check(x.id, 'subnet', id, s.subnets);
    check(x.id, 'networkSecurityGroup', x.nsgId, s.nsgs);
  }
  for (const x of s.privateEndpoints.values()) check(x.id, 'subnet', x.subnetId, s.subnets);
  for (const x of s.peerings.values()) check(x.id, 'remoteVirtualNetwork', x.remoteVnetId, s.vnets);
  for (const z of s.dnsZones.values()) for (const l of z.links) check(l.id, 'virtualNetwork', l.vnetId, s.vnets);
  for (const x of s.workspaces.values()) check(x.id, 'serverlessComputeCustomSubnet', x.serverless?.subnetId, s.subnets);
  for (const x of s.computes.values()) {
    check(x.id, 'subnet', x.subnetId, s.subnets);
    check(x.id, 'workspace', x.workspaceId, s.workspaces);
  }
  for (const x of s.firewalls.values()) {
    check(x.id, 'subnet', x.subnetId, s.subnets);
    check(x.id, 'firewallPolicy', x.firewallPolicyId, s.firewallPolicies);
  }
}
