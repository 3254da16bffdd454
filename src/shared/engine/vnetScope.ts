/**
 * What the `VirtualNetwork` service tag means for NSG rules evaluated in one VNet (semantics §1.5):
 * its own address space, the address spaces of peered VNets (Connected), UDR prefixes (per the
 * `udrPrefixesInVirtualNetworkTag` assumption) and the host address 168.63.129.16.
 */
import { idKey } from '../model/armId';
import type { Subnet } from '../model/resources';
import type { EvalContext } from './context';
import { connectedPeersOf } from './peering';

const HOST_VIP = '168.63.129.16/32';

/**
 * `VirtualNetwork` prefixes as seen from `subnet`. Once per pass per VNet and route table (what it
 * depends on; the subnet's own prefixes only when its VNet is not in the snapshot).
 */
export function virtualNetworkPrefixes(ctx: EvalContext, subnet: Subnet): readonly string[] {
  const vnet = ctx.snap.vnets.get(idKey(subnet.vnetId));
  const key = vnet ? idKey(subnet.vnetId) : idKey(subnet.id);
  return ctx.memo('vnetScope', key, () => {
    const out = new Set<string>([HOST_VIP]);
    for (const p of vnet?.addressPrefixes ?? subnet.addressPrefixes) out.add(p);
    for (const peerId of connectedPeersOf(ctx, subnet.vnetId)) {
      const peer = ctx.snap.vnets.get(idKey(peerId));
      if (peer) for (const p of peer.addressPrefixes) out.add(p);
      else {
        // The remote VNet is unreadable: its address space as our side of the peering knows it.
        for (const pr of vnet?.peeringIds ?? []) {
          const peering = ctx.snap.peerings.get(idKey(pr));
          if (peering && idKey(peering.remoteVnetId) === idKey(peerId)) for (const p of peering.remoteAddressPrefixes) out.add(p);
        }
      }
    }
    const mode = ctx.assumptions.udrPrefixesInVirtualNetworkTag;
    if (mode !== 'none' && subnet.routeTableId) {
      const rt = ctx.snap.routeTables.get(idKey(subnet.routeTableId));
      for (const r of rt?.routes ?? []) {
        const isCidr = /^[0-9.]+\/\d+$/.test(r.addressPrefix);
        if (isCidr && r.addressPrefix !== '0.0.0.0/0') out.add(r.addressPrefix);
        else if (!isCidr && mode === 'cidrAndTags') {
          for (const p of ctx.tags.prefixes(r.addressPrefix) ?? []) out.add(p);
        }
      }
    }
    return [...out];
  }, subnet.routeTableId ? idKey(subnet.routeTableId) : '');
}
