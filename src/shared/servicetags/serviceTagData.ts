/**
 * Service tag files (the weekly "Service Tags – Public" download, `az network list-service-tags`, the
 * Service Tag Discovery API) → the model's ServiceTagData. The three share one shape; only the cloud
 * name differs from the names the rest of VNetLens uses.
 */
import { z } from 'zod';
import type { ServiceTagData, ServiceTagEntry } from '../model/serviceTags';
import { validate } from '../ingest/validate';

/** The shape ingest accepts for a service tag document (also stored inside snapshot files). */
export const serviceTagsDocumentSchema = z.object({
  changeNumber: z.number().nullish(),
  cloud: z.string().nullish(),
  values: z.array(z.object({
    name: z.string(),
    id: z.string().nullish(),
    properties: z.object({
      changeNumber: z.number().nullish(),
      region: z.string().nullish(),
      regionId: z.number().nullish(),
      platform: z.string().nullish(),
      systemService: z.string().nullish(),
      addressPrefixes: z.array(z.string()),
    }),
  })),
});

// The download says `Public`; VNetLens (and the ARM SDKs) say `AzureCloud`.
const CLOUD_NAMES: Record<string, string> = {
  public: 'AzureCloud',
  azurecloud: 'AzureCloud',
  china: 'AzureChinaCloud',
  azurechinacloud: 'AzureChinaCloud',
  azuregovernment: 'AzureUSGovernment',
  usgovernment: 'AzureUSGovernment',
  azureusgovernment: 'AzureUSGovernment',
};

/** Public download / Service Tag Discovery API JSON → ServiceTagData (validated with zod; IngestError on bad shape). */
export function parseServiceTags(doc: unknown, fileName: string, source?: string): ServiceTagData {
  const parsed = validate(serviceTagsDocumentSchema, doc, fileName, '$');
  const cloud = parsed.cloud ? (CLOUD_NAMES[parsed.cloud.toLowerCase()] ?? parsed.cloud) : 'AzureCloud';
  const tags: ServiceTagEntry[] = parsed.values.map((v) => ({
    name: v.name,
    region: v.properties.region ?? '',
    systemService: v.properties.systemService ?? '',
    addressPrefixes: v.properties.addressPrefixes,
  }));
  return {
    cloud,
    ...(parsed.changeNumber != null ? { changeNumber: parsed.changeNumber } : {}),
    source: source ?? fileName,
    tags,
  };
}
