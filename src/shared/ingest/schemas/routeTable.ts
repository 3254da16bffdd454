/** What ingest reads of route tables and routes (nested or as separate resources). */
import { z } from 'zod';
import { childSchema, optBool, optStr, refs, resourceSchema } from './common';

/** `properties` of a route. */
export const routeProps = {
  addressPrefix: z.string(),
  nextHopType: z.string(),
  nextHopIpAddress: optStr,
};

/** A route nested in its table. */
export const nestedRoute = childSchema(routeProps);

/** `Microsoft.Network/routeTables`. */
export const routeTableSchema = resourceSchema({
  routes: z.array(nestedRoute).nullish(),
  disableBgpRoutePropagation: optBool,
  subnets: refs,
});
/** `Microsoft.Network/routeTables/routes`. */
export const routeSchema = resourceSchema(routeProps);

/** A route as read. */
export type RouteIn = z.output<typeof nestedRoute>;
/** A route table as read. */
export type RouteTableIn = z.output<typeof routeTableSchema>;
