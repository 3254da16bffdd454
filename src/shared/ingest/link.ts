/**
 * Back-references, derived both ways. ARM states most associations on one side only, and which side
 * depends on the API and the dump (a subnet may appear only in its NSG's `subnets` list). After this
 * step `Subnet.nsgId` and `Nsg.subnetIds` agree, and so do route tables, NAT gateways, NIC↔NSG and
 * NIC↔private endpoint. When both sides are stated and disagree, the member's own field wins (it is
 * the one ARM lets you set) and a `conflicting-reference` warning names both.
 */
import { parentId } from '../model';
import { keyOf } from './keys';
import type {
  IngestWarning, NatGateway, NetworkInterface, NetworkSecurityGroup, PrivateEndpoint, PublicIpAddress, RouteTable, Subnet,
} from '../model';
import type { Draft } from './normalize/base';
import type { IpConfigUse } from './normalize/nic';

type WithList<L extends string> = { readonly id: string } & { [K in L]: readonly string[] };
type WithRef<R extends string> = { readonly id: string } & { [K in R]?: string };

/**
 * Owners list members (`nsg.subnetIds`); members point at one owner (`subnet.nsgId`). Fills each side
 * from the other and drops list entries that contradict the member's own reference.
 */
function associate<L extends string, R extends string>(
  owners: ReadonlyMap<string, WithList<L>>, listKey: L,
  members: ReadonlyMap<string, WithRef<R>>, refKey: R,
  warn: (w: IngestWarning) => void,
): void {
  const lists = new Map<string, Map<string, string>>();
  for (const [key, owner] of owners) lists.set(key, new Map(owner[listKey].map((id) => [keyOf(id), id])));

  for (const [ownerKey, owner] of owners) {
    for (const [memberKey] of lists.get(ownerKey) ?? []) {
      const member = members.get(memberKey);
      if (!member) continue;
      const ref = member[refKey];
      if (ref === undefined) {
        (member as Record<R, string>)[refKey] = owner.id;
      } else if (keyOf(ref) !== ownerKey) {
        lists.get(ownerKey)?.delete(memberKey);
        warn({
          code: 'conflicting-reference',
          message: `${owner.id} lists ${member.id} in ${listKey}, but ${member.id} has ${refKey} ${ref}; using ${ref}`,
          resourceId: member.id,
        });
      }
    }
  }
  for (const [memberKey, member] of members) {
    const ref = member[refKey];
    if (ref === undefined) continue;
    const list = lists.get(keyOf(ref));
    if (list && !list.has(memberKey)) list.set(memberKey, member.id);
  }
  for (const [key, owner] of owners) {
    (owner as Record<L, readonly string[]>)[listKey] = [...(lists.get(key)?.values() ?? [])];
  }
}

/** The drafts whose references link.ts completes. */
export interface LinkDrafts {
  readonly subnets: ReadonlyMap<string, Draft<Subnet>>;
  readonly nsgs: ReadonlyMap<string, Draft<NetworkSecurityGroup>>;
  readonly routeTables: ReadonlyMap<string, Draft<RouteTable>>;
  readonly natGateways: ReadonlyMap<string, Draft<NatGateway>>;
  readonly nics: ReadonlyMap<string, Draft<NetworkInterface>>;
  readonly publicIps: ReadonlyMap<string, Draft<PublicIpAddress>>;
  readonly privateEndpoints: ReadonlyMap<string, Draft<PrivateEndpoint>>;
  /** Ip configurations of NICs and firewalls: each takes an address in its subnet. */
  readonly ipConfigs: readonly IpConfigUse[];
}

/** Completes every back-reference in place (drafts are fresh objects owned by this ingest run). */
export function linkReferences(d: LinkDrafts, warn: (w: IngestWarning) => void): void {
  associate(d.nsgs, 'subnetIds', d.subnets, 'nsgId', warn);
  associate(d.routeTables, 'subnetIds', d.subnets, 'routeTableId', warn);
  associate(d.natGateways, 'subnetIds', d.subnets, 'natGatewayId', warn);
  associate(d.nsgs, 'nicIds', d.nics, 'nsgId', warn);
  associate(d.privateEndpoints, 'nicIds', d.nics, 'privateEndpointId', warn);

  // Subnet address use: what the subnet listed, plus ip configurations that point at it.
  const used = new Map<string, Map<string, string>>();
  for (const [key, s] of d.subnets) used.set(key, new Map(s.ipConfigurationIds.map((id) => [keyOf(id), id])));
  for (const c of d.ipConfigs) {
    if (!c.subnetId) continue;
    const list = used.get(keyOf(c.subnetId));
    if (list && !list.has(keyOf(c.id))) list.set(keyOf(c.id), c.id);
  }
  for (const [key, s] of d.subnets) {
    s.ipConfigurationIds = [...(used.get(key)?.values() ?? [])];
    s.usedAddressCount = s.ipConfigurationIds.length;
  }

  // Public IP ↔ NIC ip configuration.
  for (const c of d.ipConfigs) {
    if (!c.publicIpId) continue;
    const pip = d.publicIps.get(keyOf(c.publicIpId));
    if (pip && pip.ipConfigurationId === undefined) pip.ipConfigurationId = c.id;
  }
  for (const pip of d.publicIps.values()) {
    if (!pip.ipConfigurationId) continue;
    const nic = d.nics.get(keyOf(parentId(pip.ipConfigurationId)));
    if (nic && !nic.publicIpIds.some((id) => keyOf(id) === keyOf(pip.id))) nic.publicIpIds = [...nic.publicIpIds, pip.id];
  }

  // A private endpoint's addresses include those of its NICs.
  for (const pe of d.privateEndpoints.values()) {
    const ips = new Set(pe.privateIps);
    for (const nicId of pe.nicIds) for (const ip of d.nics.get(keyOf(nicId))?.privateIps ?? []) ips.add(ip);
    pe.privateIps = [...ips];
  }
}
