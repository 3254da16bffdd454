/**
 * Lookups the engine needs that ARM does not key directly (private endpoints by target, zones by
 * name, computes by subnet, firewalls by private IP). Built once per collection *object*: what-if
 * candidates share untouched collections with their parent snapshot, so an index survives every
 * edit that does not touch its collection.
 */
import { idKey } from '../model/armId';
import type { ById } from '../model/snapshot';
import type {
  AzureFirewall, Compute, NetworkInterface, PrivateDnsZone, PrivateEndpoint, Subnet, VirtualNetworkPeering,
} from '../model/resources';

function memoByCollection<T, R>(build: (m: ById<T>) => R): (m: ById<T>) => R {
  const cache = new WeakMap<ById<T>, R>();
  return (m) => {
    let r = cache.get(m);
    if (r === undefined) {
      r = build(m);
      cache.set(m, r);
    }
    return r;
  };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Private endpoints by the idKey of each connection's target resource. */
export const privateEndpointsByTarget = memoByCollection((pes: ById<PrivateEndpoint>) => {
  const out = new Map<string, PrivateEndpoint[]>();
  for (const pe of pes.values()) for (const c of pe.connections) push(out, idKey(c.targetId), pe);
  return out;
});

/** Private endpoints by the idKey of their subnet. */
export const privateEndpointsBySubnet = memoByCollection((pes: ById<PrivateEndpoint>) => {
  const out = new Map<string, PrivateEndpoint[]>();
  for (const pe of pes.values()) push(out, idKey(pe.subnetId), pe);
  return out;
});

/** Private DNS zones by lower-case zone name (several resource groups may hold a zone of one name). */
export const zonesByName = memoByCollection((zones: ById<PrivateDnsZone>) => {
  const out = new Map<string, PrivateDnsZone[]>();
  for (const z of zones.values()) push(out, z.zoneName.toLowerCase(), z);
  return out;
});

/** Zone name → idKey of a linked VNet → the zones of that name linked to it (§4.4: links decide). */
export const zonesByNameAndVnet = memoByCollection((zones: ById<PrivateDnsZone>) => {
  const out = new Map<string, Map<string, PrivateDnsZone[]>>();
  for (const z of zones.values()) {
    const name = z.zoneName.toLowerCase();
    let byVnet = out.get(name);
    if (!byVnet) out.set(name, (byVnet = new Map()));
    for (const l of z.links) push(byVnet, idKey(l.vnetId), z);
  }
  return out;
});

/** Computes by the idKey of their subnet. */
export const computesBySubnet = memoByCollection((computes: ById<Compute>) => {
  const out = new Map<string, Compute[]>();
  for (const c of computes.values()) if (c.subnetId) push(out, idKey(c.subnetId), c);
  return out;
});

/** NICs by subnet, and by the VM they are attached to. */
export const nicsIndex = memoByCollection((nics: ById<NetworkInterface>) => {
  const bySubnet = new Map<string, NetworkInterface[]>();
  const byVm = new Map<string, NetworkInterface[]>();
  for (const n of nics.values()) {
    for (const s of n.subnetIds) push(bySubnet, idKey(s), n);
    if (n.virtualMachineId) push(byVm, idKey(n.virtualMachineId), n);
  }
  return { bySubnet, byVm };
});

/** Azure Firewalls by private IP: a VirtualAppliance next hop is looked up here. */
export const firewallsByPrivateIp = memoByCollection((fws: ById<AzureFirewall>) => {
  const out = new Map<string, AzureFirewall>();
  for (const f of fws.values()) if (f.privateIp) out.set(f.privateIp, f);
  return out;
});

/** Peerings by the idKey of their local VNet (ARM nests them there; flat input may not). */
export const peeringsByVnet = memoByCollection((peerings: ById<VirtualNetworkPeering>) => {
  const out = new Map<string, VirtualNetworkPeering[]>();
  for (const p of peerings.values()) push(out, idKey(p.vnetId), p);
  return out;
});

/** Subnets by the idKey of their VNet. */
export const subnetsByVnet = memoByCollection((subnets: ById<Subnet>) => {
  const out = new Map<string, Subnet[]>();
  for (const s of subnets.values()) push(out, idKey(s.vnetId), s);
  return out;
});
