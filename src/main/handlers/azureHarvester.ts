/**
 * Adapts the harvester of src/main/azure to the handlers' HarvesterPort. Imported lazily so the
 * Azure SDK loads only when someone harvests. A self-signed ARM endpoint (the fake ARM server, a
 * lab proxy) is trusted through NODE_EXTRA_CA_CERTS, set before the process starts.
 */
import type { HarvestRequest } from '../../shared/harvest/types';
import type { createCredential } from '../azure/credentials';
import type { HarvesterPort, OnSignIn } from './deps';

type TokenCredential = ReturnType<typeof createCredential>;

/** Sign-ins that wait for the user: one per app session, not one for the list and another for the harvest. */
const INTERACTIVE: ReadonlySet<HarvestRequest['signIn']> = new Set(['deviceCode', 'interactiveBrowser']);

/** The real harvester. */
export function azureHarvester(): HarvesterPort {
  // The prompt goes to whichever call is signing in now; the credential outlives the call that made it.
  let notify: OnSignIn | undefined;
  let kept: { key: string; credential: TokenCredential } | undefined;
  const credentialFor = async (request: HarvestRequest, onSignIn: OnSignIn | undefined): Promise<TokenCredential> => {
    notify = onSignIn;
    const { createCredential: create } = await import('../azure/credentials');
    const key = JSON.stringify([request.signIn, request.tenantId ?? '', request.cloud, request.armEndpoint ?? '']);
    if (kept?.key === key) return kept.credential;
    const credential = create(request, { prompt: (p) => notify?.(p) });
    kept = INTERACTIVE.has(request.signIn) ? { key, credential } : undefined;
    return credential;
  };
  return {
    async listSubscriptions(request, signal, onSignIn) {
      const [credential, { listSubscriptions }] = await Promise.all([credentialFor(request, onSignIn), import('../azure/subscriptions')]);
      return listSubscriptions(request, { credential, signal });
    },
    async harvest(request, onProgress, signal, onSignIn) {
      const [credential, { harvest }] = await Promise.all([credentialFor(request, onSignIn), import('../azure/harvest')]);
      return harvest(request, { credential, onProgress, signal });
    },
  };
}
