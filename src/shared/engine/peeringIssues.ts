/**
 * Peering configuration problems (semantics §3.1–3.2, P7): gateway-transit misuse, sync level not
 * FullyInSync, overlapping address spaces. Reported as findings; the data path is peering.ts's job.
 */
import type { VirtualNetwork, VirtualNetworkPeering } from '../model/resources';
import type { Snapshot } from '../model/snapshot';
import { overlaps } from '../net/cidr';
import { keyOf, peeringFromTo } from './peeringLookup';

/** A configuration problem of a peering. */
export interface PeeringIssue {
  readonly code: string;
  readonly message: string;
  readonly resourceId: string;
  readonly severity: 'error' | 'warning';
}

/** Does the VNet have a virtual network gateway (an ip configuration of one in its GatewaySubnet)? */
function hasGateway(snapshot: Snapshot, vnet: VirtualNetwork | undefined): boolean | undefined {
  if (!vnet) return undefined;
  for (const id of vnet.subnetIds) {
    const s = snapshot.subnets.get(keyOf(id));
    if (s?.name.toLowerCase() === 'gatewaysubnet' && s.ipConfigurationIds.some((c) => /\/virtualnetworkgateways\//i.test(c))) return true;
  }
  return false;
}

/** Config problems of peerings (P7 useRemoteGateways without remote allowGatewayTransit, peeringSyncLevel not FullyInSync as a warning, overlapping address spaces). */
export function peeringConfigIssues(snapshot: Snapshot): readonly PeeringIssue[] {
  const out: PeeringIssue[] = [];
  const remoteGatewayUsers = new Map<string, VirtualNetworkPeering[]>();
  for (const p of snapshot.peerings.values()) {
    const local = snapshot.vnets.get(keyOf(p.vnetId));
    const remoteVnet = snapshot.vnets.get(keyOf(p.remoteVnetId));
    if (p.peeringSyncLevel && p.peeringSyncLevel.toLowerCase() !== 'fullyinsync') {
      out.push({ code: 'peering-not-in-sync', severity: 'warning', resourceId: p.id, message: `Peering ${p.name} is ${p.peeringSyncLevel}: address-space changes are not synced to both sides yet.` });
    }
    if (p.useRemoteGateways) {
      const list = remoteGatewayUsers.get(keyOf(p.vnetId)) ?? [];
      list.push(p);
      remoteGatewayUsers.set(keyOf(p.vnetId), list);
      const back = peeringFromTo(snapshot, p.remoteVnetId, p.vnetId);
      if (back && !back.allowGatewayTransit) {
        out.push({ code: 'peering-remote-gateway-transit', severity: 'error', resourceId: p.id, message: `Peering ${p.name} uses remote gateways, but the remote side ${back.name} does not allow gateway transit.` });
      }
      if (hasGateway(snapshot, local)) {
        out.push({ code: 'peering-local-gateway', severity: 'error', resourceId: p.id, message: `Peering ${p.name} uses remote gateways, but its own VNet ${local?.name ?? ''} has a gateway.` });
      }
      if (hasGateway(snapshot, remoteVnet) === false) {
        out.push({ code: 'peering-no-remote-gateway', severity: 'error', resourceId: p.id, message: `Peering ${p.name} uses remote gateways, but ${remoteVnet?.name ?? 'the remote VNet'} has no gateway.` });
      }
    }
    const remotePrefixes = remoteVnet?.addressPrefixes ?? p.remoteAddressPrefixes;
    const clash = (local?.addressPrefixes ?? []).flatMap((x) => remotePrefixes.filter((y) => overlaps(x, y)).map((y) => `${x} ↔ ${y}`));
    if (clash.length) {
      out.push({ code: 'peering-address-overlap', severity: 'error', resourceId: p.id, message: `Peering ${p.name} joins overlapping address spaces (${clash.join(', ')}).` });
    }
  }
  for (const [, list] of remoteGatewayUsers) {
    if (list.length > 1) {
      for (const p of list) out.push({ code: 'peering-multiple-remote-gateways', severity: 'error', resourceId: p.id, message: `Only one peering per VNet may use remote gateways; ${p.name} is one of ${list.length}.` });
    }
  }
  return out;
}
