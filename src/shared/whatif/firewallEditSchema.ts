/**
 * zod schemas of the firewall rule edits, spread into editSchema's union: project files and IPC
 * carry them like every other edit. Shapes only; Azure's rules (priorities, syntax) are checked
 * when the edit is applied, so the user sees one message naming the field.
 */
import { z } from 'zod';

const str = z.string().min(1);
const strs = z.array(z.string());
const place = { policyId: str, groupName: str, collectionName: str };
const common = { name: str, description: z.string().optional(), sourceAddresses: strs, sourceIpGroups: strs.optional() };
const networkFields = {
  ipProtocols: z.array(z.enum(['TCP', 'UDP', 'ICMP', 'Any'])),
  destinationAddresses: strs, destinationIpGroups: strs.optional(), destinationFqdns: strs.optional(), destinationPorts: strs,
};
const appFields = {
  protocols: z.array(z.object({ protocolType: z.enum(['Http', 'Https']), port: z.number().int() })),
  targetFqdns: strs.optional(), fqdnTags: strs.optional(),
};
const rule = z.discriminatedUnion('ruleType', [
  z.object({ ruleType: z.literal('NetworkRule'), ...common, ...networkFields }),
  z.object({ ruleType: z.literal('ApplicationRule'), ...common, ...appFields }),
]);
const changes = z.object({
  description: z.string().optional(), sourceAddresses: strs.optional(), sourceIpGroups: strs.optional(),
  ...z.object(networkFields).partial().shape, ...z.object(appFields).partial().shape,
}).strict();

/** The three firewall edit kinds, for editSchema's discriminated union. */
export const firewallEditSchemas = [
  z.object({
    kind: z.literal('firewallRule.add'), ...place, groupPriority: z.number().int().optional(),
    collection: z.object({ action: z.enum(['Allow', 'Deny']), priority: z.number().int() }).optional(), rule,
  }),
  z.object({ kind: z.literal('firewallRule.update'), ...place, ruleName: str, changes }),
  z.object({ kind: z.literal('firewallRule.delete'), ...place, ruleName: str }),
] as const;
