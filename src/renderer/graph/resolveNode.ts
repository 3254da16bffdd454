/**
 * Which graph node stands for an ARM id that may not be a node itself: a rule lives in its NSG, an
 * NSG or route table is shown on the subnets it is attached to, a NIC in its subnet, a VNet link in
 * its zone, a firewall policy (or its rule collection group) on the firewall applying it. Used by "select the resource at fault" and by the fault badges.
 */
import { idKey, parentId } from '../../shared/model/armId';
import type { Snapshot } from '../../shared/model/snapshot';
import { firewallsUsingPolicy } from './firewallHop';

/** The node id for `armId` among `nodeIds`, or undefined when nothing in the picture stands for it. */
export function resolveNodeId(snapshot: Snapshot, nodeIds: ReadonlySet<string> | ReadonlyMap<string, unknown>, armId: string | undefined, depth = 0): string | undefined {
  if (!armId || depth > 4) return undefined;
  const key = idKey(armId);
  if (nodeIds.has(key)) return key;
  const firstOf = (ids: readonly string[] | undefined) => ids?.map(idKey).find((k) => nodeIds.has(k));
  const nsg = snapshot.nsgs.get(key);
  if (nsg) return firstOf(nsg.subnetIds) ?? firstOf(nsg.nicIds.flatMap((n) => snapshot.nics.get(idKey(n))?.subnetIds ?? []));
  const rt = snapshot.routeTables.get(key);
  if (rt) return firstOf(rt.subnetIds);
  const nic = snapshot.nics.get(key);
  if (nic) return firstOf(nic.privateEndpointId ? [nic.privateEndpointId] : []) ?? firstOf(nic.subnetIds);
  const peering = snapshot.peerings.get(key);
  if (peering) return firstOf([peering.vnetId]);
  if (snapshot.firewallPolicies.has(key)) return firstOf(firewallsUsingPolicy(snapshot, armId));
  // A child resource (security rule, route, zone link, ip configuration): try its parent.
  const parent = parentId(armId);
  return parent.includes('/providers/') ? resolveNodeId(snapshot, nodeIds, parent, depth + 1) : undefined;
}
