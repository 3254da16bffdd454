/** What ingest reads of private endpoints and their DNS zone groups (nested or separate). */
import { z } from 'zod';
import { childSchema, optStr, optStrs, ref, refs, resourceSchema } from './common';

const connection = z.object({
  name: optStr,
  properties: z.object({
    privateLinkServiceId: optStr,
    groupIds: optStrs,
    privateLinkServiceConnectionState: z.object({ status: optStr }).nullish(),
  }).nullish(),
});

/** `properties` of a private DNS zone group. */
export const zoneGroupProps = {
  privateDnsZoneConfigs: z.array(z.object({
    name: optStr,
    properties: z.object({ privateDnsZoneId: optStr }).nullish(),
  })).nullish(),
};

/** A zone group nested in its private endpoint. */
export const nestedZoneGroup = childSchema(zoneGroupProps);

/** `Microsoft.Network/privateEndpoints`. */
export const privateEndpointSchema = resourceSchema({
  subnet: ref,
  networkInterfaces: refs,
  privateLinkServiceConnections: z.array(connection).nullish(),
  manualPrivateLinkServiceConnections: z.array(connection).nullish(),
  customDnsConfigs: z.array(z.object({ fqdn: optStr, ipAddresses: optStrs })).nullish(),
  ipConfigurations: z.array(z.object({ properties: z.object({ privateIPAddress: optStr }).nullish() })).nullish(),
  privateDnsZoneGroups: z.array(nestedZoneGroup).nullish(),
});
/** `Microsoft.Network/privateEndpoints/privateDnsZoneGroups`. */
export const zoneGroupSchema = resourceSchema(zoneGroupProps);

/** A private endpoint as read. */
export type PrivateEndpointIn = z.output<typeof privateEndpointSchema>;
/** A zone group as read. */
export type ZoneGroupIn = z.output<typeof nestedZoneGroup>;
