/**
 * VNet peering (semantics §3): traffic crosses a peering only when both peering resources exist and
 * are Connected, and virtual network access is allowed (per the peeringAccess assumption). Peering
 * is not transitive. When we cannot read the other side, the answer is `unknown`, never a guess.
 */
import { idKey, subscriptionOf } from '../model/armId';
import type { VirtualNetwork, VirtualNetworkPeering } from '../model/resources';
import type { Snapshot } from '../model/snapshot';
import { overlaps } from '../net/cidr';
import type { Assumptions } from './assumptions';

export interface PeeringStatus {
  readonly status: 'connected' | 'notConnected' | 'unknown';
  readonly explanation: string;
  readonly peeringIds: readonly string[];
  readonly localPeering?: VirtualNetworkPeering;
  readonly remotePeering?: VirtualNetworkPeering;
}

const VNET_TYPE = 'microsoft.network/virtualnetworks';

const keys = new Map<string, string>();

/** idKey, memoized: peering and route code looks the same few hundred ids up thousands of times. */
export function keyOf(id: string): string {
  let k = keys.get(id);
  if (k === undefined) {
    k = idKey(id);
    if (keys.size > 200_000) keys.clear();
    keys.set(id, k);
  }
  return k;
}

function nameOf(id: string): string {
  return id.replace(/\/+$/, '').split('/').pop() ?? id;
}

/** Can we not read this VNet (absent, or its subscription/type/resource is recorded as unreadable)? */
function unreadable(snapshot: Snapshot, vnetId: string): boolean {
  if (!snapshot.vnets.get(keyOf(vnetId))) return true;
  const sub = subscriptionOf(vnetId);
  return snapshot.missing.some((m) => {
    if (m.kind === 'resource') return m.resourceId !== undefined && keyOf(m.resourceId) === keyOf(vnetId);
    if (m.subscriptionId && m.subscriptionId.toLowerCase() !== sub) return false;
    if (m.kind === 'subscription') return true;
    const t = (m.resourceType ?? '').toLowerCase();
    return t === VNET_TYPE || t === `${VNET_TYPE}/virtualnetworkpeerings`;
  });
}

/** The peerings a VNet owns (read through the VNet's list, so incremental re-evaluation tracks them). */
function peeringsOf(snapshot: Snapshot, vnet: VirtualNetwork | undefined): VirtualNetworkPeering[] {
  const out: VirtualNetworkPeering[] = [];
  for (const id of vnet?.peeringIds ?? []) {
    const p = snapshot.peerings.get(keyOf(id));
    if (p) out.push(p);
  }
  return out;
}

/** Per VNet record: remote VNet key → id of the peering pointing there (the VNet lists its peerings). */
const remoteIndex = new WeakMap<VirtualNetwork, Map<string, string>>();

/**
 * The peering owned by `from` that points at `to`. Indexed per VNet record so a hub with hundreds of
 * peerings is not scanned per spoke; the record itself is always read fresh (what-if edits replace
 * peering records but keep ids).
 */
export function peeringFromTo(snapshot: Snapshot, from: string, to: string): VirtualNetworkPeering | undefined {
  const vnet = snapshot.vnets.get(keyOf(from));
  if (!vnet) return undefined;
  let idx = remoteIndex.get(vnet);
  if (!idx) {
    idx = new Map();
    for (const p of peeringsOf(snapshot, vnet)) if (!idx.has(keyOf(p.remoteVnetId))) idx.set(keyOf(p.remoteVnetId), p.id);
    remoteIndex.set(vnet, idx);
  }
  const key = keyOf(to);
  const id = idx.get(key);
  const p = id !== undefined ? snapshot.peerings.get(keyOf(id)) : undefined;
  if (!p || keyOf(p.remoteVnetId) === key) return p;
  return peeringsOf(snapshot, vnet).find((x) => keyOf(x.remoteVnetId) === key);
}

/**
 * Both peering resources exist and are Connected, access allowed per assumptions.peeringAccess
 * (P1–P3, P6); unknown when the remote VNet is not in the snapshot or covered by snapshot.missing
 * (we cannot read its side). Direction: traffic from `vnetA` to `vnetB` (matters only for the
 * `receivingSide` assumption, where B's side must allow access).
 */
export function peeringBetween(snapshot: Snapshot, vnetA: string, vnetB: string, assumptions: Assumptions): PeeringStatus {
  const a = nameOf(vnetA);
  const b = nameOf(vnetB);
  if (keyOf(vnetA) === keyOf(vnetB)) return { status: 'connected', explanation: `Same VNet ${a}: no peering needed.`, peeringIds: [] };
  const local = peeringFromTo(snapshot, vnetA, vnetB);
  const remote = peeringFromTo(snapshot, vnetB, vnetA);
  const ids = [local?.id, remote?.id].filter((x): x is string => x !== undefined);
  const found = { peeringIds: ids, ...(local ? { localPeering: local } : {}), ...(remote ? { remotePeering: remote } : {}) };
  const aBlind = unreadable(snapshot, vnetA);
  const bBlind = unreadable(snapshot, vnetB);

  for (const [p, owner] of [[local, a], [remote, b]] as const) {
    // P1/P3: one side Initiated or Disconnected means the peering is not established.
    if (p && p.peeringState.toLowerCase() !== 'connected') {
      return { status: 'notConnected', ...found, explanation: `Peering ${p.name} of ${owner} is ${p.peeringState}, not Connected: traffic does not flow.` };
    }
  }
  if (!local && !remote) {
    if (aBlind || bBlind) {
      return { status: 'unknown', ...found, explanation: `Cannot read ${aBlind ? a : b}, so whether ${a} and ${b} are peered is unknown.` };
    }
    return { status: 'notConnected', ...found, explanation: `${a} and ${b} are not peered (peering is not transitive).` };
  }
  if (!local || !remote) {
    const blind = !local ? aBlind : bBlind;
    const missingSide = !local ? a : b;
    return blind
      ? { status: 'unknown', ...found, explanation: `Cannot read ${missingSide}'s side of the peering, so its state and access flags are unknown.` }
      : { status: 'notConnected', ...found, explanation: `${missingSide} has no peering back to ${missingSide === a ? b : a}: the peering is not established.` };
  }
  // P6: allowVirtualNetworkAccess; conservative model wants both sides, else the receiving side (B).
  const denying = assumptions.peeringAccess === 'bothSides'
    ? [local, remote].find((p) => !p.allowVirtualNetworkAccess)
    : remote.allowVirtualNetworkAccess ? undefined : remote;
  if (denying) {
    return { status: 'notConnected', ...found, explanation: `Peering ${denying.name} does not allow virtual network access.` };
  }
  return { status: 'connected', ...found, explanation: `${a} and ${b} are peered (both sides Connected, access allowed).` };
}

/** VNet ids directly peered and connected with vnetId (non-transitive, P4). */
export function connectedPeers(snapshot: Snapshot, vnetId: string, assumptions: Assumptions): readonly string[] {
  const out: string[] = [];
  for (const p of peeringsOf(snapshot, snapshot.vnets.get(keyOf(vnetId)))) {
    if (peeringBetween(snapshot, vnetId, p.remoteVnetId, assumptions).status === 'connected') out.push(p.remoteVnetId);
  }
  return out;
}

/**
 * P5: traffic that an appliance in the hub forwards into a spoke enters only when the spoke's peering
 * to the hub has allowForwardedTraffic; 'unknown' when we cannot read the spoke's side.
 */
export function forwardedTrafficAllowed(snapshot: Snapshot, fromHubVnet: string, toSpokeVnet: string): boolean | 'unknown' {
  const p = peeringFromTo(snapshot, toSpokeVnet, fromHubVnet);
  if (p) return p.allowForwardedTraffic;
  return unreadable(snapshot, toSpokeVnet) ? 'unknown' : false;
}

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
