/**
 * Default system routes of every subnet (semantics §2.1) and the service-endpoint tag names (§2.2).
 */
import { cidrContains, normalizeCidr } from '../../net/cidr';
import type { EffectiveRoute } from './routeTypes';

/** Reserved ranges routed to None unless the VNet uses them. */
export const RESERVED_PREFIXES: readonly string[] = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10'];

/**
 * VNet ranges → VnetLocal, 0.0.0.0/0 → Internet, reserved ranges → None. A reserved range that the
 * VNet space equals or includes has no None route: the VNet route covers it (§2.1).
 */
export function defaultRoutes(vnetPrefixes: readonly string[]): EffectiveRoute[] {
  const out: EffectiveRoute[] = [];
  for (const p of vnetPrefixes) {
    const n = normalizeCidr(p);
    if (n && !n.includes(':')) out.push({ source: 'Default', addressPrefix: n, nextHopType: 'VnetLocal', state: 'Active' });
  }
  out.push({ source: 'Default', addressPrefix: '0.0.0.0/0', nextHopType: 'Internet', state: 'Active' });
  for (const r of RESERVED_PREFIXES) {
    if (!vnetPrefixes.some((p) => cidrContains(p, r))) out.push({ source: 'Default', addressPrefix: r, nextHopType: 'None', state: 'Active' });
  }
  return out;
}

/** Service endpoint resource provider → the service tag its routes carry. */
const SERVICE_ENDPOINT_TAGS: Readonly<Record<string, string>> = {
  'microsoft.storage': 'Storage',
  'microsoft.storage.global': 'Storage',
  'microsoft.sql': 'Sql',
  'microsoft.azurecosmosdb': 'AzureCosmosDB',
  'microsoft.keyvault': 'AzureKeyVault',
  'microsoft.servicebus': 'ServiceBus',
  'microsoft.eventhub': 'EventHub',
  'microsoft.web': 'AppService',
  'microsoft.containerregistry': 'AzureContainerRegistry',
  'microsoft.cognitiveservices': 'CognitiveServicesManagement',
  'microsoft.azureactivedirectory': 'AzureActiveDirectory.ServiceEndpoint',
};

/** The tag names a service endpoint adds routes for: `Storage.westeurope`…, or `Storage` for `*`. */
export function serviceEndpointTags(service: string, locations: readonly string[]): string[] {
  const tag = SERVICE_ENDPOINT_TAGS[service.trim().toLowerCase()];
  if (!tag) return [];
  if (locations.length === 0 || locations.includes('*') || tag.includes('.')) return [tag];
  return locations.map((l) => `${tag}.${l.trim().toLowerCase()}`);
}
