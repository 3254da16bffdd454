/** Route tables: create one, add a route (CIDR or service-tag prefix), associate with a subnet (semantics §2.3–2.4). */
import type { RouteTable } from '../model';
import { sameId } from '../model';
import type { RouteAdd, RouteTableAssociateSubnet, RouteTableCreate } from './edits';
import { isIpOrCidr, isIpv4, isKnownTag } from './addressSyntax';
import { fail, type HandlerResult } from './handlerResult';
import { ARM_TYPES, childId, newResourceId } from './ids';
import { validatePlace } from './placeValidation';
import { isValidRuleName } from './validateRule';
import type { SnapshotDraft } from './snapshotDraft';

const NEXT_HOPS = ['VnetLocal', 'Internet', 'VirtualAppliance', 'None'];
/** Azure's limit on service-tag routes per table (semantics §2.4, R10). */
const MAX_TAG_ROUTES = 25;

/** A new, empty route table. */
export function applyRouteTableCreate(draft: SnapshotDraft, edit: RouteTableCreate): HandlerResult {
  const error = validatePlace(draft, edit.place, 'routeTables', ARM_TYPES.routeTable);
  if (error) return { error };
  const id = newResourceId(edit.place, ARM_TYPES.routeTable);
  const table: RouteTable = {
    id, name: edit.place.name, type: ARM_TYPES.routeTable, location: edit.place.location,
    subscriptionId: edit.place.subscriptionId.toLowerCase(), resourceGroup: edit.place.resourceGroup,
    routes: [], disableBgpRoutePropagation: edit.disableBgpRoutePropagation ?? false, subnetIds: [],
  };
  draft.set('routeTables', id, table);
  return { changes: [{ action: 'create', resourceId: id, type: ARM_TYPES.routeTable }] };
}

/** One more route in a table. */
export function applyRouteAdd(draft: SnapshotDraft, edit: RouteAdd): HandlerResult {
  const table = draft.get('routeTables', edit.routeTableId);
  if (!table) return fail('routeTableId', `Route table ${edit.routeTableId} is not in the snapshot.`);
  const r = edit.route;
  if (!isValidRuleName(r.name)) return fail('route.name', `Route name "${r.name}" is invalid (up to 80 letters, digits, _ . -).`);
  if (table.routes.some((x) => x.name.toLowerCase() === r.name.toLowerCase())) return fail('route.name', `Route table ${table.name} already has a route named "${r.name}".`);
  const isTag = !isIpOrCidr(r.addressPrefix);
  if (isTag && !isKnownTag(r.addressPrefix, draft.base.serviceTags)) return fail('route.addressPrefix', `"${r.addressPrefix}" is neither a CIDR nor a known service tag.`);
  if (!isTag && !r.addressPrefix.includes('/')) return fail('route.addressPrefix', `"${r.addressPrefix}" needs a prefix length (e.g. ${r.addressPrefix}/32).`);
  if (table.routes.some((x) => x.addressPrefix.toLowerCase() === r.addressPrefix.toLowerCase())) return fail('route.addressPrefix', `Route table ${table.name} already has a route for ${r.addressPrefix}.`);
  if (isTag && table.routes.filter((x) => !isIpOrCidr(x.addressPrefix)).length >= MAX_TAG_ROUTES) {
    return fail('route.addressPrefix', `Route table ${table.name} already has ${MAX_TAG_ROUTES} service-tag routes, Azure's limit.`);
  }
  if (!NEXT_HOPS.includes(r.nextHopType)) return fail('route.nextHopType', `Next hop must be one of ${NEXT_HOPS.join(', ')}, not "${String(r.nextHopType)}".`);
  if (r.nextHopType === 'VirtualAppliance' && (r.nextHopIpAddress === undefined || !isIpv4(r.nextHopIpAddress))) {
    return fail('route.nextHopIpAddress', 'A VirtualAppliance next hop needs the appliance\'s private IPv4 address.');
  }
  if (r.nextHopType !== 'VirtualAppliance' && r.nextHopIpAddress !== undefined) {
    return fail('route.nextHopIpAddress', `Only a VirtualAppliance next hop takes an IP address, not ${r.nextHopType}.`);
  }
  const id = childId(table.id, 'routes', r.name);
  const route = { id, name: r.name, addressPrefix: r.addressPrefix, nextHopType: r.nextHopType, ...(r.nextHopIpAddress ? { nextHopIpAddress: r.nextHopIpAddress } : {}) };
  draft.set('routeTables', table.id, { ...table, routes: [...table.routes, route] });
  return { changes: [{ action: 'create', resourceId: id, type: ARM_TYPES.route }] };
}

/** Point a subnet at a route table (or none). */
export function applyRouteTableAssociateSubnet(draft: SnapshotDraft, edit: RouteTableAssociateSubnet): HandlerResult {
  const subnet = draft.get('subnets', edit.subnetId);
  if (!subnet) return fail('subnetId', `Subnet ${edit.subnetId} is not in the snapshot.`);
  const next = edit.routeTableId === null ? undefined : draft.get('routeTables', edit.routeTableId);
  if (edit.routeTableId !== null && !next) return fail('routeTableId', `Route table ${edit.routeTableId} is not in the snapshot.`);
  if (sameId(subnet.routeTableId, next?.id) || (subnet.routeTableId === undefined && !next)) {
    return fail('routeTableId', `Subnet ${subnet.name} already has ${next ? `route table ${next.name}` : 'no route table'}.`);
  }
  const old = subnet.routeTableId ? draft.get('routeTables', subnet.routeTableId) : undefined;
  if (old) draft.set('routeTables', old.id, { ...old, subnetIds: old.subnetIds.filter((s) => !sameId(s, subnet.id)) });
  if (next) draft.set('routeTables', next.id, { ...next, subnetIds: [...next.subnetIds, subnet.id] });
  const { routeTableId: _drop, ...rest } = subnet;
  draft.set('subnets', subnet.id, next ? { ...rest, routeTableId: next.id } : rest);
  return { changes: [{ action: 'update', resourceId: subnet.id, type: ARM_TYPES.subnet }] };
}
