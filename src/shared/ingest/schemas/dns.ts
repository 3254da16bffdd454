/** What ingest reads of private DNS zones, their VNet links and A record sets. */
import { z } from 'zod';
import { childSchema, optBool, optStr, ref, resourceSchema } from './common';

/** `properties` of a VNet link. */
export const linkProps = {
  virtualNetwork: ref,
  registrationEnabled: optBool,
  virtualNetworkLinkState: optStr,
  resolutionPolicy: optStr,
};

/** A link nested in its zone (not ARM's shape, but harvesters and hand-written dumps do it). */
export const nestedLink = childSchema(linkProps);

/** `Microsoft.Network/privateDnsZones`. */
export const zoneSchema = resourceSchema({
  virtualNetworkLinks: z.array(nestedLink).nullish(),
});
/** `Microsoft.Network/privateDnsZones/virtualNetworkLinks`. */
export const linkSchema = resourceSchema(linkProps);
/** `Microsoft.Network/privateDnsZones/A`. */
export const aRecordSchema = resourceSchema({
  aRecords: z.array(z.object({ ipv4Address: optStr })).nullish(),
});

/** A link as read. */
export type LinkIn = z.output<typeof nestedLink>;
/** An A record set as read. */
export type ARecordIn = z.output<typeof aRecordSchema>;
