/**
 * Attach a NAT gateway to a subnet (semantics §2.7: explicit outbound for private subnets). A new
 * gateway comes with a Standard static public IP, without which it gives no outbound connectivity.
 */
import type { ArmChange, NatGatewayAttach } from './edits';
import { sameId } from '../model';
import { fail, type HandlerResult } from './handlerResult';
import { ARM_TYPES, newResourceId } from './ids';
import { validatePlace } from './placeValidation';
import type { SnapshotDraft } from './snapshotDraft';

/** Existing or new NAT gateway on the subnet. */
export function applyNatGatewayAttach(draft: SnapshotDraft, edit: NatGatewayAttach): HandlerResult {
  const subnet = draft.get('subnets', edit.subnetId);
  if (!subnet) return fail('subnetId', `Subnet ${edit.subnetId} is not in the snapshot.`);
  if ((edit.natGatewayId === undefined) === (edit.create === undefined)) return fail('natGatewayId', 'Give either an existing NAT gateway id or `create` for a new one.');
  const changes: ArmChange[] = [];
  let natId: string;
  if (edit.create) {
    const error = validatePlace(draft, edit.create, 'natGateways', ARM_TYPES.natGateway);
    if (error) return { error: { field: error.field.replace('place.', 'create.'), message: error.message } };
    const pipPlace = { ...edit.create, name: `${edit.create.name}-pip` };
    if (draft.get('publicIps', newResourceId(pipPlace, ARM_TYPES.publicIp))) return fail('create.name', `Public IP ${pipPlace.name} already exists.`);
    const base = { location: edit.create.location, subscriptionId: edit.create.subscriptionId.toLowerCase(), resourceGroup: edit.create.resourceGroup };
    const pipId = newResourceId(pipPlace, ARM_TYPES.publicIp);
    natId = newResourceId(edit.create, ARM_TYPES.natGateway);
    draft.set('publicIps', pipId, { ...base, id: pipId, name: pipPlace.name, type: ARM_TYPES.publicIp, ipConfigurationId: natId });
    draft.set('natGateways', natId, { ...base, id: natId, name: edit.create.name, type: ARM_TYPES.natGateway, subnetIds: [], publicIpIds: [pipId] });
    changes.push({ action: 'create', resourceId: pipId, type: ARM_TYPES.publicIp }, { action: 'create', resourceId: natId, type: ARM_TYPES.natGateway });
  } else {
    const nat = draft.get('natGateways', edit.natGatewayId!);
    if (!nat) return fail('natGatewayId', `NAT gateway ${edit.natGatewayId} is not in the snapshot.`);
    if (sameId(subnet.natGatewayId, nat.id)) return fail('natGatewayId', `Subnet ${subnet.name} already uses NAT gateway ${nat.name}.`);
    natId = nat.id;
  }
  const vnet = draft.get('vnets', subnet.vnetId);
  const nat = draft.get('natGateways', natId)!;
  if (vnet && nat.location && vnet.location && nat.location.toLowerCase() !== vnet.location.toLowerCase()) {
    return fail(edit.create ? 'create.location' : 'natGatewayId', `NAT gateway ${nat.name} is in ${nat.location}; subnet ${subnet.name} is in ${vnet.location}.`);
  }
  const old = subnet.natGatewayId ? draft.get('natGateways', subnet.natGatewayId) : undefined;
  if (old) draft.set('natGateways', old.id, { ...old, subnetIds: old.subnetIds.filter((s) => !sameId(s, subnet.id)) });
  draft.set('natGateways', nat.id, { ...nat, subnetIds: [...nat.subnetIds, subnet.id] });
  draft.set('subnets', subnet.id, { ...subnet, natGatewayId: nat.id });
  changes.push({ action: 'update', resourceId: subnet.id, type: ARM_TYPES.subnet });
  return { changes };
}
