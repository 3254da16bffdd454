/**
 * What Azure does when a template is deployed, for the round trip test: template resources are
 * PUT over the estate (children land inside a parent that embeds them, like ARM's GET returns them),
 * then the server-side effects the template does not spell out: peering states, link states,
 * private endpoint approval, the endpoint's subnet ipConfiguration and the zone group's A records
 * (which replace a record set of the same name).
 */
import type { ArmResource } from '../../src/shared/model';
import { idKey, lastSegment, parentId } from '../../src/shared/model';
import { recordsForTarget } from '../../src/shared/whatif/privateLinkZones';

type Obj = Record<string, unknown>;
const props = (r: Obj): Obj => ((r.properties ??= {}) as Obj);
const EMBEDDED: Readonly<Record<string, string>> = {
  'microsoft.network/virtualnetworks/subnets': 'subnets',
  'microsoft.network/virtualnetworks/virtualnetworkpeerings': 'virtualNetworkPeerings',
  'microsoft.network/networksecuritygroups/securityrules': 'securityRules',
  'microsoft.network/routetables/routes': 'routes',
};

/** Deploy `deployed` over `base` (incremental mode) and return the resulting ARM resources. */
export function simulateDeployment(base: readonly ArmResource[], deployed: readonly ArmResource[]): ArmResource[] {
  const out = structuredClone(base as ArmResource[]) as Obj[];
  const top = new Map(out.map((r) => [idKey(String(r.id)), r]));
  const put = (r: Obj) => {
    const key = idKey(String(r.id));
    const existing = top.get(key);
    if (existing) {
      // an NSG PUT carries its rules; properties the template omits are read-only ones Azure keeps
      Object.assign(existing, { ...r, properties: { ...props(existing), ...props(r) } });
      return;
    }
    const listName = EMBEDDED[String(r.type).toLowerCase()];
    const parent = listName ? top.get(idKey(parentId(String(r.id)))) : undefined;
    if (parent && listName) {
      const list = ((props(parent)[listName] ??= []) as Obj[]);
      const i = list.findIndex((c) => typeof c.id === 'string' ? idKey(c.id) === key : String(c.name).toLowerCase() === lastSegment(key));
      const child = { ...r, id: r.id };
      if (i >= 0) list[i] = { ...list[i], ...child, properties: { ...props(list[i]!), ...props(child) } };
      else list.push(child);
      return;
    }
    out.push(r);
    top.set(key, r);
  };
  for (const r of structuredClone(deployed as ArmResource[]) as Obj[]) put(r);

  const all = (type: string): Obj[] => {
    const t = type.toLowerCase();
    const found = out.filter((r) => String(r.type).toLowerCase() === t);
    const listName = EMBEDDED[t];
    if (listName) for (const p of out) for (const c of (props(p)[listName] as Obj[] | undefined) ?? []) if (typeof c.id === 'string' && idKey(parentId(c.id)) === idKey(String(p.id))) found.push(c);
    return found;
  };
  const peerings = all('Microsoft.Network/virtualNetworks/virtualNetworkPeerings');
  for (const p of peerings) {
    const local = idKey(parentId(String(p.id)));
    const remote = idKey(String(((props(p).remoteVirtualNetwork as Obj | undefined)?.id) ?? ''));
    const back = peerings.some((q) => idKey(parentId(String(q.id))) === remote && idKey(String(((props(q).remoteVirtualNetwork as Obj | undefined)?.id) ?? '')) === local);
    props(p).peeringState = back ? 'Connected' : 'Initiated';
  }
  for (const l of all('Microsoft.Network/privateDnsZones/virtualNetworkLinks')) props(l).virtualNetworkLinkState ??= 'Completed';
  for (const pe of deployed.filter((r) => r.type === 'Microsoft.Network/privateEndpoints')) {
    const live = top.get(idKey(pe.id))!;
    const p = props(live);
    for (const c of (p.privateLinkServiceConnections as Obj[] | undefined) ?? []) props(c).privateLinkServiceConnectionState = { status: 'Approved' };
    const ip = String((((p.ipConfigurations as Obj[] | undefined)?.[0]?.properties as Obj | undefined)?.privateIPAddress) ?? '');
    const subnetId = String((p.subnet as Obj).id);
    const subnet = all('Microsoft.Network/virtualNetworks/subnets').find((s) => idKey(String(s.id)) === idKey(subnetId));
    if (subnet) ((props(subnet).ipConfigurations ??= []) as Obj[]).push({ id: `${pe.id}/nic/ipConfigurations/ipconfig1` });
    const conn = ((p.privateLinkServiceConnections as Obj[])[0]?.properties ?? {}) as Obj;
    const group = ((deployed.find((g) => idKey(parentId(g.id)) === idKey(pe.id))?.properties as Obj | undefined)?.privateDnsZoneConfigs as Obj[] | undefined) ?? [];
    for (const cfg of group) {
      const zoneId = String((cfg.properties as Obj).privateDnsZoneId);
      const zoneName = lastSegment(zoneId).toLowerCase();
      for (const rec of recordsForTarget(String(conn.privateLinkServiceId), String((conn.groupIds as string[])[0]), String(live.location)).filter((x) => x.zoneName === zoneName)) {
        put({ id: `${zoneId}/A/${rec.recordName}`, name: rec.recordName, type: 'Microsoft.Network/privateDnsZones/A', properties: { ttl: 10, aRecords: [{ ipv4Address: ip }] } });
      }
    }
  }
  return out as ArmResource[];
}
