/**
 * apiVersions the exports write. They must match the official schemas the templates are validated
 * against (../shared/reference/arm-schemas: Microsoft.Network 2025-07-01, privateDns 2024-06-01).
 */
export const NETWORK_API_VERSION = '2025-07-01';
export const PRIVATE_DNS_API_VERSION = '2024-06-01';
/** Newest stable Machine Learning Services version with examples in the reference set. */
export const ML_API_VERSION = '2025-12-01';
/** Microsoft.Resources/deployments, for nested deployments across resource groups / subscriptions. */
export const DEPLOYMENTS_API_VERSION = '2022-09-01';

export const DEPLOYMENT_TEMPLATE_SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';

/** The apiVersion for an ARM type (case-insensitive). */
export function apiVersionFor(type: string): string {
  const t = type.toLowerCase();
  if (t.startsWith('microsoft.network/privatednszones')) return PRIVATE_DNS_API_VERSION;
  if (t.startsWith('microsoft.network/')) return NETWORK_API_VERSION;
  if (t.startsWith('microsoft.machinelearningservices/')) return ML_API_VERSION;
  if (t === 'microsoft.resources/deployments') return DEPLOYMENTS_API_VERSION;
  throw new Error(`No apiVersion known for ${type}`);
}
