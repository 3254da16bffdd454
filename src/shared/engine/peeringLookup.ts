/**
 * Finding peerings fast: a hub VNet may own hundreds, and every spoke's flows ask for the one back
 * to it. Shared by peering.ts (data path) and peeringIssues.ts (findings).
 */
import { idKey } from '../model/armId';
import type { VirtualNetwork, VirtualNetworkPeering } from '../model/resources';
import type { Snapshot } from '../model/snapshot';

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

/** The peerings a VNet owns (read through the VNet's list, so incremental re-evaluation tracks them). */
export function peeringsOf(snapshot: Snapshot, vnet: VirtualNetwork | undefined): VirtualNetworkPeering[] {
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

