/**
 * Which private DNS zones and record names a private endpoint needs (semantics §4.2, §4.3): used to
 * default a new endpoint's zone group and to write the A records Azure's zone group would create.
 */
import { lastSegment } from '../model';
import type { Workspace } from '../model';

/** Target kinds a what-if private endpoint may point at, with the group ids each accepts. */
export const PRIVATE_LINK_GROUPS: Readonly<Record<string, readonly string[]>> = {
  'microsoft.machinelearningservices/workspaces': ['amlworkspace'],
  'microsoft.storage/storageaccounts': ['blob', 'file', 'queue', 'table', 'dfs'],
  'microsoft.keyvault/vaults': ['vault'],
  'microsoft.containerregistry/registries': ['registry'],
};

/** `microsoft.storage/storageaccounts` for a storage account id; '' when the id has no provider part. */
export function targetTypeOf(id: string): string {
  const m = /\/providers\/([^/]+\/[^/]+)\/[^/]+$/i.exec(id.replace(/\/+$/, ''));
  return m?.[1]?.toLowerCase() ?? '';
}

/** Zone names for one group id (public cloud). */
export function zonesForGroup(groupId: string): readonly string[] {
  switch (groupId.toLowerCase()) {
    case 'amlworkspace': return ['privatelink.api.azureml.ms', 'privatelink.notebooks.azure.net'];
    case 'vault': return ['privatelink.vaultcore.azure.net'];
    case 'registry': return ['privatelink.azurecr.io'];
    default: return [`privatelink.${groupId.toLowerCase()}.core.windows.net`];
  }
}

/** One A record a zone group writes: zone name, relative record name (lower case). */
export interface ZoneRecord {
  readonly zoneName: string;
  readonly recordName: string;
}

/**
 * The records Azure writes for an endpoint to `targetId`. For a workspace they follow the FQDN
 * patterns of §4.3 (needs its GUID); for other targets the record is the resource name.
 */
export function recordsForTarget(targetId: string, groupId: string, region: string, workspace?: Workspace): readonly ZoneRecord[] {
  const group = groupId.toLowerCase();
  const name = lastSegment(targetId).toLowerCase();
  if (group === 'amlworkspace') {
    if (!workspace?.workspaceGuid) return [];
    const guid = workspace.workspaceGuid.toLowerCase();
    const r = (workspace.location || region).toLowerCase();
    const nb = `ml-${workspace.name.toLowerCase()}-${r}-${guid}`.slice(0, 63);
    return [
      { zoneName: 'privatelink.api.azureml.ms', recordName: `${guid}.workspace.${r}` },
      { zoneName: 'privatelink.api.azureml.ms', recordName: `${guid}.workspace.${r}.cert` },
      { zoneName: 'privatelink.api.azureml.ms', recordName: `*.${guid}.inference.${r}` },
      { zoneName: 'privatelink.notebooks.azure.net', recordName: `${nb}.${r}` },
    ];
  }
  if (group === 'registry') {
    return [
      { zoneName: 'privatelink.azurecr.io', recordName: name },
      { zoneName: 'privatelink.azurecr.io', recordName: `${name}.${region.toLowerCase()}.data` },
    ];
  }
  return zonesForGroup(group).map((zoneName) => ({ zoneName, recordName: name }));
}

/** The public FQDN a record answers for: `<record>.<zone without privatelink.>`. */
export function publicFqdn(record: ZoneRecord): string {
  return `${record.recordName}.${record.zoneName.replace(/^privatelink\./, '')}`;
}
