/**
 * A credential from a bearer token the caller already has (`AZURE_ACCESS_TOKEN`, for automation and
 * every test). Expiry comes from the JWT's `exp` claim when the token is a JWT, else one hour.
 */
import type { AccessToken, TokenCredential } from '@azure/identity';

/** Wrap a raw bearer token as a TokenCredential. */
export function staticTokenCredential(token: string): TokenCredential {
  const expiresOnTimestamp = jwtExpiry(token) ?? Date.now() + 3600_000;
  return {
    getToken: (): Promise<AccessToken> => Promise.resolve({ token, expiresOnTimestamp, tokenType: 'Bearer' }),
  };
}

function jwtExpiry(token: string): number | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { exp?: unknown };
    return typeof claims.exp === 'number' ? claims.exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}
