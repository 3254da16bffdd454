/**
 * Sign-in: one TokenCredential for the harvest, from the Azure CLI, an interactive browser, a device
 * code (its instructions go to `prompt`: stderr in the CLI, an event in the app), the default chain, or a bearer token in
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
import type { HarvestRequest, SignInPrompt } from '../../shared/harvest/types';
import { resolveCloud } from './clouds';
import { staticTokenCredential } from './staticTokenCredential';

/** Where credentials read the environment and write sign-in instructions. */
export interface CredentialIo {
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Device-code instructions and the browser sign-in notice, for the user (never a token). */
  readonly prompt?: (prompt: SignInPrompt) => void;
}

/** What the app and the CLI say while an interactive browser sign-in waits. */
export const BROWSER_SIGN_IN_MESSAGE = 'Complete sign-in in your browser (a sign-in page opens in your default browser).';

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
      return cached(announced(
        new InteractiveBrowserCredential({ authorityHost, ...(tenantId ? { tenantId } : {}) }),
        () => io.prompt?.({ method: 'interactiveBrowser', message: BROWSER_SIGN_IN_MESSAGE }),
      ));
    case 'deviceCode':
      return cached(new DeviceCodeCredential({
        authorityHost,
        ...(tenantId ? { tenantId } : {}),
        userPromptCallback: (info) => io.prompt?.({ method: 'deviceCode', message: info.message, verificationUri: info.verificationUri, userCode: info.userCode }),
      }));
    case 'default':
      return cached(new DefaultAzureCredential({ authorityHost, ...(tenantId ? { tenantId } : {}) }));
    default:
      throw new Error(`unknown sign-in method '${String(request.signIn)}'`);
  }
}

/**
 * Call `before` ahead of each token request that reaches `inner` (behind `cached`, that is a real
 * sign-in, not a reuse): the browser credential has no callback of its own when it opens the page.
 */
export function announced(inner: TokenCredential, before: () => void): TokenCredential {
  return {
    getToken(scopes, options) {
      before();
      return inner.getToken(scopes, options);
    },
  };
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
