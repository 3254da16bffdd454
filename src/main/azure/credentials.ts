/**
 * Sign-in: one TokenCredential for the harvest, from the Azure CLI, an interactive browser, a device
 * code (printed to stderr through `prompt`), the default chain, or a bearer token in
 * `AZURE_ACCESS_TOKEN`. Tokens stay in memory; the wrapper below caches them per scope so the many
 * SDK clients of one harvest do not each start `az` or a browser.
 */
import {
  AzureCliCredential,
  DefaultAzureCredential,
  DeviceCodeCredential,
  InteractiveBrowserCredential,
  type AccessToken,
  type GetTokenOptions,
  type TokenCredential,
} from '@azure/identity';
import type { HarvestRequest } from '../../shared/harvest/types';
import { resolveCloud } from './clouds';
import { staticTokenCredential } from './staticTokenCredential';

/** Where credentials read the environment and write sign-in instructions. */
export interface CredentialIo {
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Device-code instructions and similar messages for the user (never a token). */
  readonly prompt?: (message: string) => void;
}

/** Build the credential a request asks for; throws a plain Error naming what is missing. */
export function createCredential(request: Pick<HarvestRequest, 'signIn' | 'tenantId' | 'cloud' | 'armEndpoint'>, io: CredentialIo = {}): TokenCredential {
  const env = io.env ?? process.env;
  const cloud = resolveCloud(request.cloud, request.armEndpoint);
  const tenantId = request.tenantId;
  const authorityHost = cloud.authorityHost;
  switch (request.signIn) {
    case 'accessToken': {
      const token = env.AZURE_ACCESS_TOKEN?.trim();
      if (!token) throw new Error('sign-in accessToken needs a bearer token in the AZURE_ACCESS_TOKEN environment variable');
      return staticTokenCredential(token);
    }
    case 'azureCli':
      return cached(new AzureCliCredential(tenantId ? { tenantId } : {}));
    case 'interactiveBrowser':
      return cached(new InteractiveBrowserCredential({ authorityHost, ...(tenantId ? { tenantId } : {}) }));
    case 'deviceCode':
      return cached(new DeviceCodeCredential({
        authorityHost,
        ...(tenantId ? { tenantId } : {}),
        userPromptCallback: (info) => io.prompt?.(info.message),
      }));
    case 'default':
      return cached(new DefaultAzureCredential({ authorityHost, ...(tenantId ? { tenantId } : {}) }));
    default:
      throw new Error(`unknown sign-in method '${String(request.signIn)}'`);
  }
}

/** Cache tokens per scope set until two minutes before they expire. */
export function cached(inner: TokenCredential): TokenCredential {
  const tokens = new Map<string, Promise<AccessToken | null>>();
  return {
    async getToken(scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken | null> {
      const key = [scopes].flat().join(' ');
      const hit = tokens.get(key);
      if (hit) {
        const token = await hit.catch(() => null);
        if (token && token.expiresOnTimestamp - Date.now() > 120_000) return token;
      }
      const fresh = inner.getToken(scopes, options);
      tokens.set(key, fresh);
      fresh.catch(() => tokens.delete(key));
      return fresh;
    },
  };
}
