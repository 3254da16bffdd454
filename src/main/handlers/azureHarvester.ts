/**
 * Adapts the harvester of src/main/azure to the handlers' HarvesterPort. Imported lazily so the
 * Azure SDK loads only when someone harvests. A self-signed ARM endpoint (the fake ARM server, a
 * lab proxy) is trusted through NODE_EXTRA_CA_CERTS, set before the process starts.
 */
import type { HarvesterPort } from './deps';

/** The real harvester. */
export function azureHarvester(): HarvesterPort {
  return {
    async listSubscriptions(request, signal) {
      const [{ createCredential }, { listSubscriptions }] = await Promise.all([import('../azure/credentials'), import('../azure/subscriptions')]);
      return listSubscriptions(request, { credential: createCredential(request), signal });
    },
    async harvest(request, onProgress, signal) {
      const [{ createCredential }, { harvest }] = await Promise.all([import('../azure/credentials'), import('../azure/harvest')]);
      return harvest(request, { credential: createCredential(request), onProgress, signal });
    },
  };
}
