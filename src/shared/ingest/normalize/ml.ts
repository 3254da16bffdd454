/** Azure ML workspaces and computes: ARM shapes → model records. */
import type { Compute, IsolationMode, Workspace } from '../../model';
import type { Item } from '../collector';
import type { ComputeIn, WorkspaceIn } from '../schemas/ml';
import { base, canonicalOrAsIs } from './base';

const ISOLATION: Record<string, IsolationMode> = {
  disabled: 'Disabled',
  allowinternetoutbound: 'AllowInternetOutbound',
  allowonlyapprovedoutbound: 'AllowOnlyApprovedOutbound',
};
const ACCESS: Record<string, string> = { enabled: 'Enabled', disabled: 'Disabled' };

/** A workspace. */
export function toWorkspace(item: Item<WorkspaceIn>): Workspace {
  const p = item.data.properties;
  const serverless = p?.serverlessComputeSettings;
  return {
    ...base(item),
    ...(p?.workspaceId ? { workspaceGuid: p.workspaceId } : {}),
    ...(p?.storageAccount ? { storageAccountId: p.storageAccount } : {}),
    ...(p?.keyVault ? { keyVaultId: p.keyVault } : {}),
    ...(p?.containerRegistry ? { containerRegistryId: p.containerRegistry } : {}),
    ...(p?.applicationInsights ? { applicationInsightsId: p.applicationInsights } : {}),
    // ARM's default when the property is absent.
    publicNetworkAccess: p?.publicNetworkAccess ? canonicalOrAsIs(p.publicNetworkAccess, ACCESS) : 'Enabled',
    isolationMode: p?.managedNetwork?.isolationMode ? canonicalOrAsIs(p.managedNetwork.isolationMode, ISOLATION) : 'Disabled',
    hbiWorkspace: p?.hbiWorkspace ?? false,
    ...(serverless
      ? {
          serverless: {
            ...(serverless.serverlessComputeCustomSubnet ? { subnetId: serverless.serverlessComputeCustomSubnet } : {}),
            noPublicIp: serverless.serverlessComputeNoPublicIP ?? false,
          },
        }
      : {}),
    ipAllowlist: p?.ipAllowlist ?? [],
  };
}

/** A compute; `workspaceLocation` is the default for computeLocation. */
export function toCompute(item: Item<ComputeIn>, workspaceLocation: string | undefined): Compute {
  const p = item.data.properties;
  const inner = p?.properties;
  const computeType = p?.computeType ?? '';
  const type = computeType.toLowerCase();
  const maxNodes = type === 'amlcompute'
    // A cluster without scale settings: 0 = unknown, counts no addresses rather than guessing.
    ? inner?.scaleSettings?.maxNodeCount ?? 0
    : 1;
  return {
    ...base(item),
    workspaceId: item.parentId,
    computeType,
    ...(inner?.subnet?.id ? { subnetId: inner.subnet.id } : {}),
    enableNodePublicIp: inner?.enableNodePublicIp ?? true,
    maxNodes,
    computeLocation: p?.computeLocation || workspaceLocation || item.location,
    ...(inner?.address ? { address: inner.address } : {}),
    ...(p?.resourceId ? { targetResourceId: p.resourceId } : {}),
  };
}
