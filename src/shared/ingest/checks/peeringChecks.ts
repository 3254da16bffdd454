/** Peering gateway flags that cannot work together (semantics §3.2). */
import type { VirtualNetworkPeering } from '../../model';
import { keyOf } from '../keys';
import { warning, type CheckContext } from './types';

/** Warns when `useRemoteGateways` is set on more than one peering of a VNet, or the remote side does not offer transit. */
export function checkGatewayTransit(peerings: ReadonlyMap<string, VirtualNetworkPeering>, ctx: CheckContext): void {
  const users = new Map<string, VirtualNetworkPeering[]>();
  // reverse side of a peering: owned by the remote VNet, pointing back at ours
  const reverse = new Map<string, VirtualNetworkPeering>();
  for (const p of peerings.values()) {
    reverse.set(`${keyOf(p.vnetId)}→${keyOf(p.remoteVnetId)}`, p);
    if (p.useRemoteGateways) users.set(keyOf(p.vnetId), [...(users.get(keyOf(p.vnetId)) ?? []), p]);
  }
  for (const list of users.values()) {
    if (list.length > 1) {
      const [first, second] = list;
      if (first && second) {
        ctx.warn(warning(ctx, 'gateway-transit-misconfig', `${first.vnetId} sets useRemoteGateways on ${list.length} peerings (${list.map((p) => p.name).join(', ')}); only one peering per VNet may`, second.id));
      }
    }
    for (const p of list) {
      const back = reverse.get(`${keyOf(p.remoteVnetId)}→${keyOf(p.vnetId)}`);
      if (back && !back.allowGatewayTransit) {
        ctx.warn(warning(ctx, 'gateway-transit-misconfig', `peering ${p.name} uses the remote VNet's gateway, but the remote side's peering ${back.name} does not set allowGatewayTransit`, p.id));
      }
    }
  }
}
