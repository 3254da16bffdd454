/** Toggle a compute's node public IP (semantics §5.1: it decides inbound 44224 and outbound paths). */
import type { ComputeSetPublicIp } from './edits';
import { fail, type HandlerResult } from './handlerResult';
import { ARM_TYPES } from './ids';
import type { SnapshotDraft } from './snapshotDraft';

const TOGGLABLE = ['amlcompute', 'computeinstance'];

/** Set `enableNodePublicIp`; Azure applies it only when the compute is (re)created, as the export notes. */
export function applyComputeSetPublicIp(draft: SnapshotDraft, edit: ComputeSetPublicIp): HandlerResult {
  const compute = draft.get('computes', edit.computeId);
  if (!compute) return fail('computeId', `Compute ${edit.computeId} is not in the snapshot.`);
  if (!TOGGLABLE.includes(compute.computeType.toLowerCase())) return fail('computeId', `${compute.name} is a ${compute.computeType}; only compute clusters and instances have a node public IP setting.`);
  if (compute.enableNodePublicIp === edit.enabled) return fail('enabled', `${compute.name} already has its public IP ${edit.enabled ? 'enabled' : 'disabled'}.`);
  if (!edit.enabled && !compute.subnetId) return fail('enabled', `${compute.name} is not in a customer subnet; no-public-IP compute needs one.`);
  draft.set('computes', compute.id, { ...compute, enableNodePublicIp: edit.enabled });
  return { changes: [{ action: 'update', resourceId: compute.id, type: ARM_TYPES.compute }] };
}
