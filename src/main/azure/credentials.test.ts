import { describe, expect, it } from 'vitest';
import type { AccessToken, TokenCredential } from '@azure/identity';
import { announced, cached, createCredential } from './credentials';
import { redact } from './armErrors';

describe('credentials', () => {
  it('uses AZURE_ACCESS_TOKEN as a static credential, expiry from the JWT', async () => {
    const exp = Math.floor(Date.now() / 1000) + 600;
    const jwt = `eyJhbGciOiJub25lIn0.${Buffer.from(JSON.stringify({ exp })).toString('base64url')}.sig`;
    const cred = createCredential({ signIn: 'accessToken', cloud: 'AzureCloud' }, { env: { AZURE_ACCESS_TOKEN: jwt } });
    expect(await cred.getToken('https://management.azure.com/.default')).toMatchObject({ token: jwt, expiresOnTimestamp: exp * 1000 });
    expect(() => createCredential({ signIn: 'accessToken', cloud: 'AzureCloud' }, { env: {} })).toThrow(/AZURE_ACCESS_TOKEN/);
  });

  it('caches tokens per scope until shortly before expiry', async () => {
    let calls = 0;
    const inner: TokenCredential = { getToken: async (): Promise<AccessToken> => ({ token: `t${++calls}`, expiresOnTimestamp: Date.now() + (calls === 1 ? 3600_000 : 60_000) }) };
    const c = cached(inner);
    expect((await c.getToken('a'))?.token).toBe('t1');
    expect((await c.getToken('a'))?.token).toBe('t1');
    expect((await c.getToken('b'))?.token).toBe('t2'); // expires within 2 min: not reused
    expect((await c.getToken('b'))?.token).toBe('t3');
  });

  it('announces a browser sign-in only when it really signs in, not when a cached token is reused', async () => {
    const said: string[] = [];
    let signIns = 0;
    const inner: TokenCredential = { getToken: async (): Promise<AccessToken> => ({ token: `t${++signIns}`, expiresOnTimestamp: Date.now() + 3600_000 }) };
    const c = cached(announced(inner, () => said.push(`sign-in ${signIns + 1}`)));
    await c.getToken('a');
    await c.getToken('a');
    expect(said).toEqual(['sign-in 1']);
    await c.getToken('b');
    expect(said).toEqual(['sign-in 1', 'sign-in 2']);
  });

  it('redacts bearer tokens and JWTs from messages', () => {
    expect(redact('Authorization: Bearer abc.def-ghi failed')).toBe('Authorization: Bearer [redacted] failed');
    expect(redact('token eyJhbGciOi.eyJzdWIiOiJ4In0.c2ln here')).toBe('token [redacted-jwt] here');
  });
});
