/**
 * Peer two VNets on both sides (semantics §3.1: traffic flows only when both peering resources are
 * Connected). A side that already exists is reused; it is rewritten only if its flags block traffic.
 */
import type { VirtualNetwork, VirtualNetworkPeering } from '../model';
import { sameId } from '../model';
import type { ArmChange, PeeringCreate } from './edits';
import { cidrsOverlap } from './addressSyntax';
import { fail, type HandlerResult } from './handlerResult';
import { ARM_TYPES, childId } from './ids';
import { isValidResourceName } from './placeValidation';
import type { SnapshotDraft } from './snapshotDraft';

function existingSide(draft: SnapshotDraft, local: VirtualNetwork, remote: VirtualNetwork): VirtualNetworkPeering | undefined {
  for (const p of draft.values('peerings')) if (sameId(p.vnetId, local.id) && sameId(p.remoteVnetId, remote.id)) return p;
  return undefined;
}

function side(
  draft: SnapshotDraft, local: VirtualNetwork, remote: VirtualNetwork, name: string, forwarded: boolean | undefined,
): ArmChange | undefined {
  const old = existingSide(draft, local, remote);
  if (old) {
    const blocked = !old.allowVirtualNetworkAccess || (forwarded === true && !old.allowForwardedTraffic);
    const rewrite = blocked || old.peeringState === 'Disconnected';
    draft.set('peerings', old.id, {
      ...old, peeringState: 'Connected', allowVirtualNetworkAccess: true,
      allowForwardedTraffic: forwarded ?? old.allowForwardedTraffic, remoteAddressPrefixes: remote.addressPrefixes,
    });
    return rewrite ? { action: 'update', resourceId: old.id, type: ARM_TYPES.peering } : undefined;
  }
  const id = childId(local.id, 'virtualNetworkPeerings', name);
  draft.set('peerings', id, {
    id, name, type: ARM_TYPES.peering, location: '', subscriptionId: local.subscriptionId, resourceGroup: local.resourceGroup,
    vnetId: local.id, remoteVnetId: remote.id, peeringState: 'Connected', peeringSyncLevel: 'FullyInSync',
    allowVirtualNetworkAccess: true, allowForwardedTraffic: forwarded ?? false, allowGatewayTransit: false,
    useRemoteGateways: false, remoteAddressPrefixes: remote.addressPrefixes,
  });
  draft.set('vnets', local.id, { ...local, peeringIds: [...local.peeringIds, id] });
  return { action: 'create', resourceId: id, type: ARM_TYPES.peering };
}

/** Both sides of a peering, Connected. */
export function applyPeeringCreate(draft: SnapshotDraft, edit: PeeringCreate): HandlerResult {
  const a = draft.get('vnets', edit.vnetId);
  if (!a) return fail('vnetId', `VNet ${edit.vnetId} is not in the snapshot.`);
  const b = draft.get('vnets', edit.remoteVnetId);
  if (!b) return fail('remoteVnetId', `VNet ${edit.remoteVnetId} is not in the snapshot.`);
  if (sameId(a.id, b.id)) return fail('remoteVnetId', 'A VNet cannot be peered with itself.');
  for (const pa of a.addressPrefixes) {
    const clash = b.addressPrefixes.find((pb) => cidrsOverlap(pa, pb));
    if (clash) return fail('remoteVnetId', `${a.name} (${pa}) and ${b.name} (${clash}) overlap; peered address spaces must not overlap.`);
  }
  const nameA = edit.name ?? `${a.name}-to-${b.name}`;
  const nameB = edit.remoteName ?? `${b.name}-to-${a.name}`;
  for (const [field, n] of [['name', nameA], ['remoteName', nameB]] as const) {
    if (!isValidResourceName(n)) return fail(field, `"${n}" is not a valid peering name.`);
  }
  const oldA = existingSide(draft, a, b);
  const oldB = existingSide(draft, b, a);
  if (oldA?.peeringState === 'Connected' && oldB?.peeringState === 'Connected' && oldA.allowVirtualNetworkAccess && oldB.allowVirtualNetworkAccess) {
    return fail('remoteVnetId', `${a.name} and ${b.name} are already peered (both sides Connected).`);
  }
  // Draft reads see earlier writes, so re-read the VNets after each side updates peeringIds.
  const changes = [side(draft, a, b, nameA, edit.allowForwardedTraffic), side(draft, draft.get('vnets', b.id)!, draft.get('vnets', a.id)!, nameB, edit.allowForwardedTraffic)];
  return { changes: changes.filter((c): c is ArmChange => c !== undefined) };
}
