/**
 * Candidate edits for one red flow, by the layer that blocked it (engine `decidedBy`). Candidates
 * are guesses; suggestFixes keeps only those that re-evaluate green without turning anything red.
 */
import type { ComputeVerdict, FlowVerdict } from '../engine/verdict';
import type { Snapshot, Subnet, VirtualNetwork } from '../model';
import { idKey, lastSegment, sameId } from '../model';
import { isIpOrCidr, looksLikeTag } from './addressSyntax';
import type { Edit, NewResourcePlace } from './edits';
import { firewallCandidates } from './firewallFixes';
import { ARM_TYPES, newResourceId } from './ids';
import { PRIVATE_LINK_GROUPS, recordsForTarget, targetTypeOf, zonesForGroup } from './privateLinkZones';

/** One proposal before verification. */
export interface FixCandidate {
  readonly title: string;
  readonly edits: readonly Edit[];
}

interface Where {
  readonly snapshot: Snapshot;
  readonly compute: ComputeVerdict;
  readonly flow: FlowVerdict;
  readonly subnet?: Subnet;
  readonly vnet?: VirtualNetwork;
}

/** The numerically largest free priority below `below` in one direction of an NSG (100 at least). */
export function nextFreePriority(snapshot: Snapshot, nsgId: string, direction: 'Inbound' | 'Outbound', below: number): number | undefined {
  const nsg = snapshot.nsgs.get(idKey(nsgId));
  if (!nsg) return undefined;
  const used = new Set(nsg.securityRules.filter((r) => r.direction === direction).map((r) => r.priority));
  for (let p = Math.min(below - 1, 4096); p >= 100; p--) if (!used.has(p)) return p;
  return undefined;
}

function uniqueRuleName(snapshot: Snapshot, nsgId: string, stem: string): string {
  const taken = new Set(snapshot.nsgs.get(idKey(nsgId))?.securityRules.map((r) => r.name.toLowerCase()) ?? []);
  const clean = stem.replace(/[^\w.-]/g, '-').replace(/^[^\w]+/, '').slice(0, 70).replace(/[^\w]+$/, '');
  let name = clean;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${clean}-${i}`;
  return name;
}

/** NSG deny → an allow rule at the next free priority below the deny, for exactly this flow. */
function nsgCandidates(w: Where): FixCandidate[] {
  const d = w.flow.decidedBy;
  if (!d.resourceId || !w.snapshot.nsgs.has(idKey(d.resourceId))) return [];
  const direction = w.flow.direction;
  const priority = nextFreePriority(w.snapshot, d.resourceId, direction, d.priority ?? 65500);
  if (priority === undefined) return [];
  const peer = w.flow.peer;
  const own = w.subnet?.addressPrefixes.length ? [...w.subnet.addressPrefixes] : ['*'];
  let remote: string[];
  if (looksLikeTag(peer) || isIpOrCidr(peer)) remote = [peer];
  else if (peer.startsWith('/')) {
    const ips = [...w.snapshot.privateEndpoints.values()].filter((p) => sameId(p.id, w.flow.peerResourceId) || p.connections.some((c) => sameId(c.targetId, peer))).flatMap((p) => p.privateIps.slice(0, 1));
    remote = ips.length ? ips.map((ip) => (ip.includes('/') ? ip : `${ip}/32`)) : ['VirtualNetwork'];
  } else remote = ['Internet']; // an FQDN: NSGs cannot name it; its public addresses are in Internet
  const protocol = w.flow.protocol === 'Any' ? '*' : w.flow.protocol;
  const name = uniqueRuleName(w.snapshot, d.resourceId, `Allow-${w.flow.requirement}-${w.flow.protocol}-${w.flow.port}`);
  const outbound = direction === 'Outbound';
  return [{
    title: `Allow ${w.flow.protocol} ${w.flow.port} ${outbound ? 'to' : 'from'} ${remote.join(', ')} in ${lastSegment(d.resourceId)} at priority ${priority} (before ${d.name ?? 'the deny'})`,
    edits: [{
      kind: 'nsgRule.add', nsgId: d.resourceId,
      rule: {
        name, priority, direction, access: 'Allow', protocol,
        sourceAddressPrefixes: outbound ? own : remote, sourcePortRanges: ['*'],
        destinationAddressPrefixes: outbound ? remote : own, destinationPortRanges: [String(w.flow.port)],
        description: `VNetLens fix for ${w.flow.requirement} (${w.compute.name})`,
      },
    }],
  }];
}

/** Zones the flow's dependency needs, with the private endpoints that serve it. */
function dependencyEndpoints(w: Where) {
  const targetId = w.flow.peer.startsWith('/') ? w.flow.peer : undefined;
  const pes = targetId ? [...w.snapshot.privateEndpoints.values()].filter((p) => p.connections.some((c) => sameId(c.targetId, targetId))) : [];
  return { targetId, pes };
}

function placeIn(vnet: VirtualNetwork, name: string): NewResourcePlace {
  return { subscriptionId: vnet.subscriptionId, resourceGroup: vnet.resourceGroup, name, location: vnet.location };
}

/** DNS: link the existing zone, create zone + link (+ records of the endpoints), or add the missing record. */
function dnsCandidates(w: Where): FixCandidate[] {
  const vnet = w.vnet;
  if (!vnet) return [];
  const zoneName = (w.flow.decidedBy.name ?? '').toLowerCase();
  if (!zoneName) return [];
  const out: FixCandidate[] = [];
  const zones = [...w.snapshot.dnsZones.values()].filter((z) => z.zoneName === zoneName);
  const { targetId, pes } = dependencyEndpoints(w);
  // A dependency may need several zones (a workspace: api + notebooks): also offer linking them all.
  const group = pes[0]?.connections.find((c) => sameId(c.targetId, targetId))?.groupIds[0];
  const unlinked = (name: string) => [...w.snapshot.dnsZones.values()].find((z) => z.zoneName === name && !z.links.some((l) => sameId(l.vnetId, vnet.id)));
  const siblings = group ? zonesForGroup(group).map(unlinked).filter((z) => z !== undefined) : [];
  if (siblings.length > 1) {
    out.push({ title: `Link zones ${siblings.map((z) => z.zoneName).join(' and ')} to ${vnet.name}`, edits: siblings.map((z) => ({ kind: 'dnsZone.link' as const, zoneId: z.id, vnetId: vnet.id })) });
  }
  for (const z of zones) {
    if (!z.links.some((l) => sameId(l.vnetId, vnet.id))) {
      out.push({ title: `Link zone ${zoneName} (${z.resourceGroup}) to ${vnet.name}`, edits: [{ kind: 'dnsZone.link', zoneId: z.id, vnetId: vnet.id }] });
    } else if (targetId && pes.length) {
      const records = recordsForTarget(targetId, pes[0]!.connections[0]?.groupIds[0] ?? '', vnet.location, w.snapshot.workspaces.get(idKey(targetId))).filter((r) => r.zoneName === zoneName);
      const ip = pes[0]!.privateIps[0];
      if (ip && records[0]) out.push({ title: `Add A record ${records[0].recordName} → ${ip} to ${zoneName}`, edits: [{ kind: 'dnsRecord.addA', zoneId: z.id, recordName: records[0].recordName, ipv4Addresses: [ip] }] });
    }
  }
  if (!zones.length) {
    const zoneId = newResourceId({ subscriptionId: vnet.subscriptionId, resourceGroup: vnet.resourceGroup, name: zoneName }, ARM_TYPES.dnsZone);
    const edits: Edit[] = [
      { kind: 'dnsZone.create', subscriptionId: vnet.subscriptionId, resourceGroup: vnet.resourceGroup, zoneName },
      { kind: 'dnsZone.link', zoneId, vnetId: vnet.id },
    ];
    for (const pe of pes) {
      const group = pe.connections[0]?.groupIds[0] ?? '';
      const ip = pe.privateIps[0];
      if (!ip || !targetId) continue;
      for (const r of recordsForTarget(targetId, group, pe.location, w.snapshot.workspaces.get(idKey(targetId))).filter((x) => x.zoneName === zoneName)) {
        edits.push({ kind: 'dnsRecord.addA', zoneId, recordName: r.recordName, ipv4Addresses: [ip] });
      }
    }
    out.push({ title: `Create zone ${zoneName} in ${vnet.resourceGroup}, link it to ${vnet.name}${edits.length > 2 ? ' and add the endpoint records' : ''}`, edits });
  }
  return out;
}

/** Peering not connected → create (or complete) it. */
function peeringCandidates(w: Where): FixCandidate[] {
  const id = w.flow.decidedBy.resourceId;
  if (!id || !w.vnet) return [];
  const peering = w.snapshot.peerings.get(idKey(id));
  const remote = peering ? (sameId(peering.vnetId, w.vnet.id) ? peering.remoteVnetId : peering.vnetId) : w.snapshot.vnets.has(idKey(id)) ? id : undefined;
  if (!remote) return [];
  return [{ title: `Peer ${w.vnet.name} and ${lastSegment(remote)} (both sides Connected)`, edits: [{ kind: 'peering.create', vnetId: w.vnet.id, remoteVnetId: remote }] }];
}

/** No reachable endpoint → one in the compute subnet, plus links for its zones that the compute VNet lacks. */
function privateEndpointCandidates(w: Where): FixCandidate[] {
  const targetId = w.flow.peer.startsWith('/') ? w.flow.peer : w.flow.decidedBy.resourceId;
  if (!targetId || !w.vnet || !w.subnet) return [];
  const groups = PRIVATE_LINK_GROUPS[targetTypeOf(targetId)];
  const group = groups?.[0];
  if (!group) return [];
  const name = `pe-${lastSegment(targetId)}-${w.vnet.name}`.slice(0, 80);
  const edits: Edit[] = [{ kind: 'privateEndpoint.add', place: placeIn(w.vnet, name), subnetId: w.subnet.id, targetId, groupId: group }];
  for (const zoneName of zonesForGroup(group)) {
    const zone = [...w.snapshot.dnsZones.values()].find((z) => z.zoneName === zoneName);
    if (zone && !zone.links.some((l) => sameId(l.vnetId, w.vnet!.id))) edits.push({ kind: 'dnsZone.link', zoneId: zone.id, vnetId: w.vnet.id });
  }
  return [{ title: `Add a private endpoint to ${lastSegment(targetId)} in ${w.subnet.name}`, edits }];
}

/** Asymmetric return through an appliance → `AzureMachineLearning` (the flow's tag) → Internet. */
function asymmetryCandidates(w: Where): FixCandidate[] {
  const tableId = w.subnet?.routeTableId;
  if (!tableId || !w.snapshot.routeTables.has(idKey(tableId))) return [];
  const tag = looksLikeTag(w.flow.peer) ? w.flow.peer : 'AzureMachineLearning';
  const taken = new Set(w.snapshot.routeTables.get(idKey(tableId))!.routes.map((r) => r.name.toLowerCase()));
  let name = `${tag.replace(/\./g, '-')}-Internet`;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${tag.replace(/\./g, '-')}-Internet-${i}`;
  return [{ title: `Route ${tag} to Internet in ${lastSegment(tableId)} so replies bypass the appliance`, edits: [{ kind: 'route.add', routeTableId: tableId, route: { name, addressPrefix: tag, nextHopType: 'Internet' } }] }];
}

/** No outbound connectivity → a new NAT gateway on the subnet. */
function outboundCandidates(w: Where): FixCandidate[] {
  if (!w.subnet || !w.vnet || w.subnet.natGatewayId) return [];
  return [{ title: `Attach a new NAT gateway to ${w.subnet.name}`, edits: [{ kind: 'natGateway.attach', subnetId: w.subnet.id, create: placeIn(w.vnet, `nat-${w.subnet.name}`.slice(0, 80)) }] }];
}

/** Every candidate for a flow, by its deciding layer. */
export function fixCandidates(snapshot: Snapshot, compute: ComputeVerdict, flow: FlowVerdict): FixCandidate[] {
  const subnet = compute.subnetId ? snapshot.subnets.get(idKey(compute.subnetId)) : undefined;
  const vnet = subnet ? snapshot.vnets.get(idKey(subnet.vnetId)) : undefined;
  const w: Where = { snapshot, compute, flow, ...(subnet ? { subnet } : {}), ...(vnet ? { vnet } : {}) };
  switch (flow.decidedBy.layer) {
    case 'nsg': return nsgCandidates(w);
    case 'dns': return [...dnsCandidates(w), ...privateEndpointCandidates(w)];
    case 'peering': return [...peeringCandidates(w), ...privateEndpointCandidates(w)];
    case 'privateEndpoint': return privateEndpointCandidates(w);
    case 'asymmetry': return asymmetryCandidates(w);
    case 'outbound': return outboundCandidates(w);
    case 'firewall': return firewallCandidates(snapshot, compute, flow, subnet);
    default: return [];
  }
}
