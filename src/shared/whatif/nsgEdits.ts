/** Create an NSG; associate an NSG with a subnet (or dissociate). */
import type { NetworkSecurityGroup } from '../model';
import { sameId } from '../model';
import type { NsgAssociateSubnet, NsgCreate } from './edits';
import { defaultSecurityRules } from '../model/defaultSecurityRules';
import { fail, type HandlerResult } from './handlerResult';
import { ARM_TYPES, newResourceId } from './ids';
import { validatePlace } from './placeValidation';
import type { SnapshotDraft } from './snapshotDraft';

/** A new, empty NSG (default rules only). */
export function applyNsgCreate(draft: SnapshotDraft, edit: NsgCreate): HandlerResult {
  const error = validatePlace(draft, edit.place, 'nsgs', ARM_TYPES.nsg);
  if (error) return { error };
  const id = newResourceId(edit.place, ARM_TYPES.nsg);
  const nsg: NetworkSecurityGroup = {
    id, name: edit.place.name, type: ARM_TYPES.nsg, location: edit.place.location,
    subscriptionId: edit.place.subscriptionId.toLowerCase(), resourceGroup: edit.place.resourceGroup,
    securityRules: [], defaultSecurityRules: defaultSecurityRules(id), subnetIds: [], nicIds: [],
  };
  draft.set('nsgs', id, nsg);
  return { changes: [{ action: 'create', resourceId: id, type: ARM_TYPES.nsg }] };
}

/** Point a subnet at an NSG, keeping both NSGs' `subnetIds` back-references right. */
export function applyNsgAssociateSubnet(draft: SnapshotDraft, edit: NsgAssociateSubnet): HandlerResult {
  const subnet = draft.get('subnets', edit.subnetId);
  if (!subnet) return fail('subnetId', `Subnet ${edit.subnetId} is not in the snapshot.`);
  const next = edit.nsgId === null ? undefined : draft.get('nsgs', edit.nsgId);
  if (edit.nsgId !== null && !next) return fail('nsgId', `NSG ${edit.nsgId} is not in the snapshot.`);
  if (sameId(subnet.nsgId, next?.id) || (subnet.nsgId === undefined && next === undefined)) {
    return fail('nsgId', `Subnet ${subnet.name} already has ${next ? `NSG ${next.name}` : 'no NSG'}.`);
  }
  const vnet = draft.get('vnets', subnet.vnetId);
  if (next && vnet && next.location && vnet.location && next.location.toLowerCase() !== vnet.location.toLowerCase()) {
    return fail('nsgId', `NSG ${next.name} is in ${next.location} but subnet ${subnet.name} is in ${vnet.location}; an NSG must be in the subnet's region.`);
  }
  const old = subnet.nsgId ? draft.get('nsgs', subnet.nsgId) : undefined;
  if (old) draft.set('nsgs', old.id, { ...old, subnetIds: old.subnetIds.filter((s) => !sameId(s, subnet.id)) });
  if (next) draft.set('nsgs', next.id, { ...next, subnetIds: [...next.subnetIds, subnet.id] });
  const { nsgId: _drop, ...rest } = subnet;
  draft.set('subnets', subnet.id, next ? { ...rest, nsgId: next.id } : rest);
  return { changes: [{ action: 'update', resourceId: subnet.id, type: ARM_TYPES.subnet }] };
}
