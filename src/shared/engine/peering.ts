/**
 * VNet peering (semantics §3): traffic crosses a peering only when both peering resources exist and
 * are Connected, and virtual network access is allowed (per the peeringAccess assumption). Peering
 * is not transitive. When we cannot read the other side, the answer is `unknown`, never a guess.
 */
import { lastSegment, subscriptionOf } from '../model/armId';
import type { VirtualNetworkPeering } from '../model/resources';
import type { Snapshot } from '../model/snapshot';
import type { Assumptions } from './assumptions';
import type { EvalContext } from './context';
import { keyOf, peeringFromTo, peeringsOf } from './peeringLookup';

export { keyOf, peeringFromTo } from './peeringLookup';

export interface PeeringStatus {
  readonly status: 'connected' | 'notConnected' | 'unknown';
  readonly explanation: string;
  readonly peeringIds: readonly string[];
  readonly localPeering?: VirtualNetworkPeering;
  readonly remotePeering?: VirtualNetworkPeering;
}

const VNET_TYPE = 'microsoft.network/virtualnetworks';

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

/**
 * Both peering resources exist and are Connected, access allowed per assumptions.peeringAccess
 * (P1–P3, P6); unknown when the remote VNet is not in the snapshot or covered by snapshot.missing
 * (we cannot read its side). Direction: traffic from `vnetA` to `vnetB` (matters only for the
 * `receivingSide` assumption, where B's side must allow access).
 */
export function peeringBetween(snapshot: Snapshot, vnetA: string, vnetB: string, assumptions: Assumptions): PeeringStatus {
  const a = lastSegment(vnetA);
  const b = lastSegment(vnetB);
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

/** {@link peeringBetween} once per VNet pair per pass: every compute subnet of a VNet asks it for each dependency. */
export function peeringOf(ctx: EvalContext, vnetA: string, vnetB: string): PeeringStatus {
  return ctx.memo('peering', keyOf(vnetA), () => peeringBetween(ctx.snap, vnetA, vnetB, ctx.assumptions), keyOf(vnetB));
}

/**
 * VNet ids directly peered and connected with vnetId (non-transitive, P4). `status` answers for one
 * pair (peeringBetween by default; connectedPeersOf passes the per-pass memo).
 */
export function connectedPeers(
  snapshot: Snapshot, vnetId: string, assumptions: Assumptions,
  status: (a: string, b: string) => PeeringStatus = (a, b) => peeringBetween(snapshot, a, b, assumptions),
): readonly string[] {
  const out: string[] = [];
  for (const p of peeringsOf(snapshot, snapshot.vnets.get(keyOf(vnetId)))) {
    if (status(vnetId, p.remoteVnetId).status === 'connected') out.push(p.remoteVnetId);
  }
  return out;
}

/** {@link connectedPeers} once per VNet per pass, from the per-pair memo of {@link peeringOf}. */
export function connectedPeersOf(ctx: EvalContext, vnetId: string): readonly string[] {
  return ctx.memo('connectedPeers', keyOf(vnetId), () => connectedPeers(ctx.snap, vnetId, ctx.assumptions, (a, b) => peeringOf(ctx, a, b)));
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

export { peeringConfigIssues, type PeeringIssue } from './peeringIssues';
