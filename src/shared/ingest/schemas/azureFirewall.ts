/** What ingest reads of `Microsoft.Network/azureFirewalls` (classic collections stay raw). */
import { z } from 'zod';
import { optStr, ref, resourceSchema } from './common';

/** `Microsoft.Network/azureFirewalls`. */
export const azureFirewallSchema = resourceSchema({
  ipConfigurations: z.array(z.object({
    id: optStr,
    properties: z.object({ subnet: ref, privateIPAddress: optStr }).nullish(),
  })).nullish(),
  firewallPolicy: ref,
  sku: z.object({ name: optStr, tier: optStr }).nullish(),
  threatIntelMode: optStr,
  applicationRuleCollections: z.array(z.unknown()).nullish(),
  networkRuleCollections: z.array(z.unknown()).nullish(),
  natRuleCollections: z.array(z.unknown()).nullish(),
  additionalProperties: z.record(z.string(), z.string()).nullish(),
});

/** An Azure Firewall as read. */
export type AzureFirewallIn = z.output<typeof azureFirewallSchema>;
