/** What ingest reads of NSGs and their rules (nested or as separate resources). */
import { z } from 'zod';
import { childSchema, optStr, optStrs, refs, resourceSchema } from './common';

/** `properties` of a security rule; the four fields every rule must have are required. */
export const ruleProps = {
  priority: z.number(),
  direction: z.string(),
  access: z.string(),
  protocol: z.string(),
  sourceAddressPrefix: optStr,
  sourceAddressPrefixes: optStrs,
  destinationAddressPrefix: optStr,
  destinationAddressPrefixes: optStrs,
  sourcePortRange: optStr,
  sourcePortRanges: optStrs,
  destinationPortRange: optStr,
  destinationPortRanges: optStrs,
  sourceApplicationSecurityGroups: refs,
  destinationApplicationSecurityGroups: refs,
  description: optStr,
};

/** A rule nested in its NSG. */
export const nestedRule = childSchema(ruleProps);

/** `Microsoft.Network/networkSecurityGroups`. */
export const nsgSchema = resourceSchema({
  securityRules: z.array(nestedRule).nullish(),
  defaultSecurityRules: z.array(nestedRule).nullish(),
  subnets: refs,
  networkInterfaces: refs,
});
/** `…/networkSecurityGroups/securityRules` and `…/defaultSecurityRules` as separate resources. */
export const ruleSchema = resourceSchema(ruleProps);

/** A rule as read. */
export type RuleIn = z.output<typeof nestedRule>;
/** An NSG as read. */
export type NsgIn = z.output<typeof nsgSchema>;
