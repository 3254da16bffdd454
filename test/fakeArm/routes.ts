/**
 * The fake ARM server's routing: a pure function from a request to an answer, so the HTTPS shell
 * (server.ts) only deals with sockets, auth, latency and faults. Speaks just enough ARM: generic
 * list/get by path, `nextLink` paging, service tags, effective admin rules and Resource Graph.
 */
import { idKey } from '../../src/shared/model/armId';
import type { ArmResource } from '../../src/shared/model/snapshotFile';
import type { EstateIndex } from './estateIndex';
import { resourceGraphAnswer } from './resourceGraph';

/** A routed answer; `body` is JSON-serialised unless it is a string or `text` is given. */
export interface Answer {
  readonly status: number;
  readonly body: unknown;
  /** The body already serialised (pages are assembled from cached per-resource JSON). */
  readonly text?: string;
  readonly headers?: Record<string, string>;
}

const jsonCache = new WeakMap<object, string>();

/** JSON of one item, cached: the bench serves 10,000 resources many times on a busy machine. */
function itemJson(item: unknown): string {
  if (typeof item !== 'object' || item === null) return JSON.stringify(item);
  let text = jsonCache.get(item);
  if (text === undefined) jsonCache.set(item, (text = JSON.stringify(item)));
  return text;
}

/** Per-request knobs the server derives from its options and the fault rules. */
export interface RouteOptions {
  readonly origin: string;
  readonly pageSize: number;
  readonly resourceGraphPageSize: number;
  readonly endlessPaging: boolean;
}

/** ARM's error envelope. */
export function armError(status: number, code: string, message: string): Answer {
  return { status, body: { error: { code, message } } };
}

/** Route one request. `url` is the request URL relative to the server. */
export function route(index: EstateIndex, method: string, url: URL, body: unknown, opts: RouteOptions): Answer {
  const segs = url.pathname.split('/').filter(Boolean);
  const lower = segs.map((s) => s.toLowerCase());
  if (method === 'POST' && lower.join('/') === 'providers/microsoft.resourcegraph/resources') {
    return resourceGraphAnswer(index, body, opts.resourceGraphPageSize);
  }
  if (lower[0] !== 'subscriptions') return armError(404, 'NotFound', `no route for ${url.pathname}`);
  if (segs.length === 1 && method === 'GET') return page(subscriptionRows(index), url, opts);
  const sub = lower[1] ?? '';
  const known = index.estate.subscriptions.find((s) => s.subscriptionId.toLowerCase() === sub);
  if (!known) return armError(404, 'SubscriptionNotFound', `The subscription '${segs[1]}' could not be found.`);
  if (segs.length === 2 && method === 'GET') return { status: 200, body: subscriptionRows(index).find((r) => r.subscriptionId.toLowerCase() === sub) };
  if (method === 'POST' && lower[segs.length - 1] === 'listnetworkmanagereffectivesecurityadminrules') {
    return adminRules(index, segs.slice(0, -1).join('/'), body);
  }
  if (method !== 'GET') return armError(405, 'MethodNotAllowed', `${method} ${url.pathname}`);
  // /subscriptions/{s}/providers/Microsoft.Network/locations/{loc}/serviceTags
  if (lower[2] === 'providers' && lower[4] === 'locations' && lower[6] === 'servicetags') {
    return { status: 200, body: { name: 'Public', id: `/${segs.join('/')}/Public`, type: 'Microsoft.Network/serviceTags', ...index.estate.serviceTags } };
  }
  // /subscriptions/{s}/providers/{ns}/{type}: subscription-wide list
  if (lower[2] === 'providers' && segs.length === 5) {
    const items = index.bySubscriptionType.get(`${sub}|${lower[3]}/${lower[4]}`) ?? [];
    return page(items.map((r) => versioned(r, url)), url, opts);
  }
  // /subscriptions/{s}/resourceGroups/{rg}/providers/{ns}/{type}/{name}[/{child}/{name}…]
  if (lower[2] === 'resourcegroups' && lower[4] === 'providers' && segs.length >= 7) {
    const rest = segs.length - 6; // segments after the namespace
    if (rest % 2 === 1) {
      const items = index.byCollection.get(`/${lower.join('/')}`) ?? [];
      return page(items.map((r) => versioned(r, url)), url, opts);
    }
    const found = index.byId.get(idKey(`/${segs.join('/')}`));
    if (found) return { status: 200, body: versioned(found, url) };
    return armError(404, 'ResourceNotFound', `The Resource '${segs.slice(5).join('/')}' under resource group '${segs[3]}' was not found.`);
  }
  return armError(404, 'NotFound', `no route for ${url.pathname}`);
}

function subscriptionRows(index: EstateIndex): { subscriptionId: string; [k: string]: unknown }[] {
  return index.estate.subscriptions.map((s) => ({
    id: `/subscriptions/${s.subscriptionId}`,
    authorizationSource: 'RoleBased',
    managedByTenants: [],
    subscriptionId: s.subscriptionId,
    tenantId: s.tenantId,
    displayName: s.displayName,
    state: s.state ?? 'Enabled',
    subscriptionPolicies: { locationPlacementId: 'Public_2014-09-01', quotaId: 'PayAsYouGo_2014-09-01', spendingLimit: 'Off' },
  }));
}

/**
 * Workspaces read with an api-version older than 2023 lack the newer settings, as in Azure: the ML
 * SDK's 2022-10-01 list must be completed by a GET with a newer api-version.
 */
function versioned(r: ArmResource, url: URL): ArmResource {
  const apiVersion = url.searchParams.get('api-version') ?? '';
  if (r.type.toLowerCase() !== 'microsoft.machinelearningservices/workspaces' || apiVersion >= '2023' || !r.properties) return r;
  const { serverlessComputeSettings: _s, managedNetwork: _m, ...older } = r.properties;
  return { ...r, properties: older };
}

/** One page of `items` at `$skipToken` (an offset), with an absolute nextLink while more remain. */
function page<T>(items: readonly T[], url: URL, opts: RouteOptions): Answer {
  const token = url.searchParams.get('$skipToken') ?? url.searchParams.get('$skiptoken');
  const offset = token ? Number.parseInt(token, 10) || 0 : 0;
  const value = items.slice(offset, offset + opts.pageSize);
  const next = offset + opts.pageSize;
  const body: { value: T[]; nextLink?: string } = { value };
  if (next < items.length || opts.endlessPaging) {
    const link = new URL(url.pathname, opts.origin);
    url.searchParams.forEach((v, k) => {
      if (k.toLowerCase() !== '$skiptoken') link.searchParams.set(k, v);
    });
    link.searchParams.set('$skipToken', String(next));
    body.nextLink = link.toString();
  }
  const text = `{"value":[${value.map(itemJson).join(',')}]${body.nextLink ? `,"nextLink":${JSON.stringify(body.nextLink)}` : ''}}`;
  return { status: 200, body, text };
}

function adminRules(index: EstateIndex, vnetPath: string, body: unknown): Answer {
  const vnetId = `/${vnetPath}`;
  if (!index.byId.has(idKey(vnetId))) return armError(404, 'ResourceNotFound', `virtual network ${vnetId} not found`);
  const rules = index.estate.adminRules[idKey(vnetId)] ?? [];
  const skip = typeof body === 'object' && body !== null && 'skipToken' in body ? Number((body as { skipToken?: unknown }).skipToken) || 0 : 0;
  const size = 2; // small on purpose: the harvester must follow skipToken
  const value = rules.slice(skip, skip + size);
  return { status: 200, body: skip + size < rules.length ? { value, skipToken: String(skip + size) } : { value } };
}
