/** What ingest reads of Azure ML workspaces and computes. */
import { z } from 'zod';
import { optBool, optNum, optStr, optStrs, ref, resourceSchema } from './common';

/** `Microsoft.MachineLearningServices/workspaces`. */
export const workspaceSchema = resourceSchema({
  workspaceId: optStr,
  storageAccount: optStr,
  keyVault: optStr,
  containerRegistry: optStr,
  applicationInsights: optStr,
  publicNetworkAccess: optStr,
  managedNetwork: z.object({ isolationMode: optStr }).nullish(),
  hbiWorkspace: optBool,
  serverlessComputeSettings: z.object({
    serverlessComputeCustomSubnet: optStr,
    serverlessComputeNoPublicIP: optBool,
  }).nullish(),
  ipAllowlist: optStrs,
});

/** `Microsoft.MachineLearningServices/workspaces/computes`. */
export const computeSchema = resourceSchema({
  computeType: z.string(),
  computeLocation: optStr,
  resourceId: optStr,
  properties: z.object({
    subnet: ref,
    enableNodePublicIp: optBool,
    scaleSettings: z.object({ maxNodeCount: optNum }).nullish(),
    address: optStr,
  }).nullish(),
});

/** A workspace as read. */
export type WorkspaceIn = z.output<typeof workspaceSchema>;
/** A compute as read. */
export type ComputeIn = z.output<typeof computeSchema>;
