/** The zod shape of a VNetLens snapshot file (`*.snapshot.json`) apart from its raw resources. */
import { z } from 'zod';
import { serviceTagsDocumentSchema } from '../servicetags/serviceTagData';

const optStr = z.string().nullish();

/** Snapshot files as this build writes them (schemaVersion checked separately, first). */
export const snapshotFileSchema = z.object({
  format: z.literal('vnetlens-snapshot'),
  schemaVersion: z.number().int(),
  provenance: z.object({
    source: z.string(),
    cloud: optStr,
    tenantId: optStr,
    subscriptions: z.array(z.string()).nullish(),
    createdAt: optStr,
    tool: optStr,
    apiVersions: z.record(z.string(), z.string()).nullish(),
    inputFile: optStr,
  }),
  resources: z.array(z.unknown()),
  serviceTags: serviceTagsDocumentSchema.nullish(),
  missing: z.array(z.object({
    kind: z.enum(['subscription', 'resourceType', 'resource']),
    subscriptionId: optStr,
    resourceType: optStr,
    resourceId: optStr,
    reason: z.string(),
  })).nullish(),
  warnings: z.array(z.object({
    code: z.string(),
    message: z.string(),
    resourceId: optStr,
    path: optStr,
  })).nullish(),
});

/** A snapshot file as read. */
export type SnapshotFileIn = z.output<typeof snapshotFileSchema>;
