/** Route table limits ARM enforces (semantics §2.4): at most 25 service-tag routes per table. */
import type { RouteTable } from '../../model';
import { isServiceTagLike } from './addressKind';
import { warning, type CheckContext } from './types';

const MAX_SERVICE_TAG_ROUTES = 25;

/** Warns when a route table has more service-tag routes than Azure accepts. */
export function checkRouteTable(rt: RouteTable, ctx: CheckContext): void {
  const tagRoutes = rt.routes.filter((r) => isServiceTagLike(r.addressPrefix));
  if (tagRoutes.length > MAX_SERVICE_TAG_ROUTES) {
    ctx.warn(warning(ctx, 'too-many-service-tag-routes', `${rt.name} has ${tagRoutes.length} routes with a service tag as address prefix; Azure allows ${MAX_SERVICE_TAG_ROUTES} per route table`, rt.id));
  }
}
