/**
 * Workspace dependencies as network peers: which private-endpoint group id reaches each, which
 * private DNS zones must answer for it (per cloud, semantics §4.2), and which service tag its public
 * endpoint sits behind. Data, read by the engine's dependency flows and by what-if fixes.
 */
import type { Workspace } from '../model/resources';
import type { Dependency } from './types';

export interface DependencyInfo {
  readonly dependency: Dependency;
  /** Label used in check ids: `dependency-reachable:<label>`. */
  readonly label: 'workspace' | 'storage' | 'keyvault' | 'acr';
  readonly groupId: string;
  /** Public endpoint's service tag; `{region}` = workspace region. */
  readonly publicTag: string;
  readonly zones: Readonly<Record<'AzureCloud' | 'AzureChinaCloud' | 'AzureUSGovernment', readonly string[]>>;
  /** The dependency's ARM id on a workspace. */
  readonly targetOf: (w: Workspace) => string | undefined;
}

export const DEPENDENCIES: Readonly<Record<Dependency, DependencyInfo>> = {
  workspace: {
    dependency: 'workspace', label: 'workspace', groupId: 'amlworkspace', publicTag: 'AzureMachineLearning',
    zones: {
      AzureCloud: ['privatelink.api.azureml.ms', 'privatelink.notebooks.azure.net'],
      AzureChinaCloud: ['privatelink.api.ml.azure.cn', 'privatelink.notebooks.chinacloudapi.cn'],
      AzureUSGovernment: ['privatelink.api.ml.azure.us', 'privatelink.notebooks.usgovcloudapi.net'],
    },
    targetOf: (w) => w.id,
  },
  'storage-blob': {
    dependency: 'storage-blob', label: 'storage', groupId: 'blob', publicTag: 'Storage.{region}',
    zones: { AzureCloud: ['privatelink.blob.core.windows.net'], AzureChinaCloud: ['privatelink.blob.core.chinacloudapi.cn'], AzureUSGovernment: ['privatelink.blob.core.usgovcloudapi.net'] },
    targetOf: (w) => w.storageAccountId,
  },
  'storage-file': {
    dependency: 'storage-file', label: 'storage', groupId: 'file', publicTag: 'Storage.{region}',
    zones: { AzureCloud: ['privatelink.file.core.windows.net'], AzureChinaCloud: ['privatelink.file.core.chinacloudapi.cn'], AzureUSGovernment: ['privatelink.file.core.usgovcloudapi.net'] },
    targetOf: (w) => w.storageAccountId,
  },
  keyvault: {
    dependency: 'keyvault', label: 'keyvault', groupId: 'vault', publicTag: 'AzureKeyVault.{region}',
    zones: { AzureCloud: ['privatelink.vaultcore.azure.net'], AzureChinaCloud: ['privatelink.vaultcore.azure.cn'], AzureUSGovernment: ['privatelink.vaultcore.usgovcloudapi.net'] },
    targetOf: (w) => w.keyVaultId,
  },
  acr: {
    dependency: 'acr', label: 'acr', groupId: 'registry', publicTag: 'AzureContainerRegistry.{region}',
    zones: { AzureCloud: ['privatelink.azurecr.io'], AzureChinaCloud: ['privatelink.azurecr.cn'], AzureUSGovernment: ['privatelink.azurecr.us'] },
    targetOf: (w) => w.containerRegistryId,
  },
};

/** Zones of a dependency in a cloud (public cloud when the cloud is unknown or custom). */
export function zonesFor(info: DependencyInfo, cloud: string | undefined): readonly string[] {
  return info.zones[(cloud ?? 'AzureCloud') as keyof DependencyInfo['zones']] ?? info.zones.AzureCloud;
}

/** Replace `{region}` with the workspace region as ARM writes it. */
export function withRegion(tag: string, region: string): string {
  return tag.replace('{region}', region);
}
