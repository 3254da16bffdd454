/**
 * The effective route table of a subnet and the answer of a lookup in it (semantics §2). Separate
 * from the code so effectiveRoutes and lookupRoute can share them without importing each other.
 */
import type { NextHopType } from '../../model/resources';
import type { TagIndex } from '../../servicetags/tagIndex';
import type { Assumptions } from '../assumptions';

/** UDR next hops plus the system-only ones. */
export type RouteNextHop = NextHopType | 'VNetPeering' | 'VirtualNetworkServiceEndpoint' | 'InterfaceEndpoint';

export interface EffectiveRoute {
  readonly source: 'Default' | 'User' | 'VirtualNetworkGateway';
  /** A CIDR; for a service-tag UDR: the tag name and `tag` is set. */
  readonly addressPrefix: string;
  /** Service-tag routes (UDR with a tag prefix, service endpoint routes). */
  readonly tag?: string;
  readonly nextHopType: RouteNextHop;
  readonly nextHopIp?: string;
  readonly routeId?: string;
  readonly routeName?: string;
  readonly routeTableId?: string;
  readonly state: 'Active' | 'Invalid';
  /** Private-endpoint /32 routes: the endpoint. */
  readonly privateEndpointId?: string;
  /** Why an Invalid route is invalid (for the inspector). */
  readonly invalidReason?: string;
}

export interface RouteContext { readonly tags: TagIndex; readonly assumptions: Assumptions }

export interface RouteDecision {
  readonly status: 'resolved' | 'unknown';
  /** The winning route (for a set destination: the route all of it takes, or the one taking most of it). */
  readonly route?: EffectiveRoute;
  readonly nextHopType?: RouteNextHop;
  readonly nextHopIp?: string;
  /** One sentence: which route and why (LPM / UDR over system / tag rank…). */
  readonly explanation: string;
  /** When parts of a set destination take different routes (with prefix data): each distinct outcome. */
  readonly split?: readonly { readonly route: EffectiveRoute; readonly prefixes: readonly string[] }[];
}
