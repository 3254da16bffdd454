/**
 * What the engine evaluates: one target per Azure ML compute, in the contract's vocabulary
 * (ComputeCluster, ComputeInstance, Serverless, AttachedVirtualMachine, HDInsight, Databricks).
 * Serverless compute is a workspace setting, not a resource: it becomes a target with the id
 * `<workspace id>/serverless`. Attached VMs are found in their subnet through their NIC.
 */
import { idKey } from '../model/armId';
import type { Compute, NetworkInterface, Workspace } from '../model/resources';
import type { Snapshot } from '../model/snapshot';
import { scanCollection } from './dependencyLog';
import { nicsIndex } from './indexes';
import type { ComputeKind } from './verdict';

export interface ComputeTarget {
  readonly id: string;
  readonly name: string;
  readonly kind: ComputeKind;
  readonly publicIp: boolean;
  /** '' when the compute is not in a customer VNet (or its subnet is unknown). */
  readonly subnetId: string;
  /** Node count that consumes subnet addresses. */
  readonly nodes: number;
  readonly workspaceId: string;
  readonly workspace?: Workspace;
  /** Region of the compute itself (a cluster may be elsewhere than its workspace). */
  readonly location: string;
  /** NICs we know for this compute (attached VMs); AML-managed nodes have none in the snapshot. */
  readonly nics: readonly NetworkInterface[];
  readonly compute?: Compute;
}

const KINDS: Readonly<Record<string, ComputeKind>> = {
  amlcompute: 'ComputeCluster',
  computeinstance: 'ComputeInstance',
  virtualmachine: 'AttachedVirtualMachine',
  hdinsight: 'HDInsight',
  databricks: 'Databricks',
};

/** The contract's kind for an ARM `computeType`; undefined for kinds with no network needs here (e.g. Kubernetes). */
export function computeKindOf(computeType: string): ComputeKind | undefined {
  return KINDS[computeType.toLowerCase()];
}

/** Every compute target of the snapshot, in a stable order (by id). */
export function computeTargets(snapshot: Snapshot): readonly ComputeTarget[] {
  // Once per (computes, workspaces, NICs) collections: evaluateEstate and the capacity check both ask.
  const hit = targetLists.get(snapshot.computes);
  if (hit && hit.workspaces === snapshot.workspaces && hit.nics === snapshot.nics) return hit.list;
  const list = buildTargets(snapshot);
  targetLists.set(snapshot.computes, { workspaces: snapshot.workspaces, nics: snapshot.nics, list });
  return list;
}

const targetLists = new WeakMap<object, { readonly workspaces: unknown; readonly nics: unknown; readonly list: readonly ComputeTarget[] }>();

function buildTargets(snapshot: Snapshot): ComputeTarget[] {
  const out: ComputeTarget[] = [];
  for (const c of snapshot.computes.values()) {
    const kind = computeKindOf(c.computeType);
    if (!kind) continue;
    const workspace = snapshot.workspaces.get(idKey(c.workspaceId));
    let nics: NetworkInterface[] = [];
    let subnetId = c.subnetId ?? '';
    if ((kind === 'AttachedVirtualMachine' || kind === 'HDInsight') && c.targetResourceId) {
      nics = nicsIndex(scanCollection(snapshot.nics)).byVm.get(idKey(c.targetResourceId)) ?? [];
      if (!subnetId) subnetId = nics[0]?.subnetIds[0] ?? '';
    }
    out.push({
      id: c.id,
      name: c.name,
      kind,
      publicIp: kind === 'AttachedVirtualMachine' || kind === 'HDInsight' ? nics.some((n) => n.publicIpIds.length > 0) : c.enableNodePublicIp,
      subnetId,
      nodes: kind === 'ComputeInstance' ? 1 : Math.max(1, c.maxNodes),
      workspaceId: c.workspaceId,
      workspace,
      location: c.computeLocation || workspace?.location || c.location,
      nics,
      compute: c,
    });
  }
  for (const w of snapshot.workspaces.values()) {
    if (!w.serverless?.subnetId) continue;
    out.push({
      id: `${w.id}/serverless`,
      name: `${w.name} serverless`,
      kind: 'Serverless',
      publicIp: !w.serverless.noPublicIp,
      subnetId: w.serverless.subnetId,
      nodes: 0,
      workspaceId: w.id,
      workspace: w,
      location: w.location,
      nics: [],
    });
  }
  // Keys once per target, not twice per comparison.
  const keys = new Map(out.map((t) => [t, idKey(t.id)] as const));
  return out.sort((a, b) => {
    const ka = keys.get(a) as string;
    const kb = keys.get(b) as string;
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
}
