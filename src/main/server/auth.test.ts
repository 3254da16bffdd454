import { describe, expect, it } from 'vitest';
import { checkApiRequest } from './auth';

const good = { host: '127.0.0.1:4000', headerToken: 'secret' };

describe('checkApiRequest', () => {
  it('accepts our host with the token, with or without a same-origin Origin', () => {
    expect(checkApiRequest(good, 4000, 'secret', false)).toEqual({ ok: true });
    expect(checkApiRequest({ ...good, origin: 'http://127.0.0.1:4000' }, 4000, 'secret', false)).toEqual({ ok: true });
    expect(checkApiRequest({ ...good, host: 'localhost:4000' }, 4000, 'secret', false)).toEqual({ ok: true });
  });
  it('refuses a rebinding host, a foreign origin, a missing or wrong token', () => {
    expect(checkApiRequest({ ...good, host: 'evil.example:4000' }, 4000, 'secret', false)).toMatchObject({ ok: false, status: 403 });
    expect(checkApiRequest({ ...good, host: '127.0.0.1:4001' }, 4000, 'secret', false)).toMatchObject({ ok: false, status: 403 });
    expect(checkApiRequest({ ...good, origin: 'https://evil.example' }, 4000, 'secret', false)).toMatchObject({ ok: false, status: 403 });
    expect(checkApiRequest({ host: good.host }, 4000, 'secret', false)).toMatchObject({ ok: false, status: 401 });
    expect(checkApiRequest({ ...good, headerToken: 'secreT' }, 4000, 'secret', false)).toMatchObject({ ok: false, status: 401 });
  });
  it('takes the token from the query only where allowed (event stream)', () => {
    const q = { host: good.host, queryToken: 'secret' };
    expect(checkApiRequest(q, 4000, 'secret', false)).toMatchObject({ ok: false, status: 401 });
    expect(checkApiRequest(q, 4000, 'secret', true)).toEqual({ ok: true });
  });
});
