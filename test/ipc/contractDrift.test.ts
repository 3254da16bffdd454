/**
 * The contract, the channels main registers (Electron register file and HTTP server) and the API the
 * preload exposes must be the same set: a channel added in one place only fails here.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { EVENT_CHANNELS, INVOKE_CHANNELS, invokeContract } from '../../src/shared/ipc/contract';
import { buildApi } from '../../src/preload/buildApi';
import { createHandlers } from '../../src/main/handlers/createHandlers';
import { fakeDeps } from '../../src/main/handlers/testing/fakeDeps';
import { startServer } from '../../src/main/server/createServer';
import { sseHub } from '../../src/main/server/sse';
import { registerIpc, type IpcEventLike } from '../../src/main/electron/registerIpc';
import { APP_ORIGIN } from '../../src/main/electron/senderCheck';

const { deps } = fakeDeps();
const handlers = createHandlers(deps);
const contractKeys = Object.keys(invokeContract).sort();

describe('contract drift', () => {
  it('the handlers implement exactly the contract', () => {
    expect(Object.keys(handlers).sort()).toEqual(contractKeys);
  });

  it('the Electron register file registers exactly the contract, behind the sender check', async () => {
    const registered = new Map<string, (e: IpcEventLike, ...a: unknown[]) => unknown>();
    const names = registerIpc({ handle: (c, l) => void registered.set(c, l) }, handlers, (f) => f.frameUrl?.startsWith(APP_ORIGIN) === true, () => 7);
    expect([...registered.keys()].sort()).toEqual(contractKeys);
    expect(names.sort()).toEqual(contractKeys);
    const info = registered.get('app:info')!;
    expect(await info({ sender: { id: 7 }, senderFrame: { url: `${APP_ORIGIN}/index.html`, parent: null } }, {})).toMatchObject({ ok: true });
    expect(await info({ sender: { id: 7 }, senderFrame: { url: 'https://evil.example/', parent: null } }, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('the preload exposes exactly the contract, invoking the same channel names', async () => {
    const invoked: string[] = [];
    const listened: string[] = [];
    const api = buildApi({
      invoke: async (c) => { invoked.push(c); return { ok: true, value: null }; },
      on: (c) => listened.push(c),
      removeListener: () => undefined,
    });
    expect(Object.keys(api.invoke).sort()).toEqual(contractKeys);
    expect(Object.keys(api.on).sort()).toEqual([...EVENT_CHANNELS].sort());
    for (const c of INVOKE_CHANNELS) await (api.invoke[c] as (r: unknown) => Promise<unknown>)({});
    for (const c of EVENT_CHANNELS) api.on[c](() => undefined);
    expect(invoked.sort()).toEqual(contractKeys);
    expect(listened).toEqual([...EVENT_CHANNELS]);
  });

  describe('the HTTP server', async () => {
    const server = await startServer({ handlers, hub: sseHub(), rendererDir: '/nonexistent', token: 't0k', port: 0 });
    afterAll(() => server.close());
    it('routes exactly the contract channels', async () => {
      const post = (c: string) => fetch(`http://127.0.0.1:${server.port}/api/invoke/${encodeURIComponent(c)}`, { method: 'POST', headers: { 'x-vnetlens-token': 't0k' }, body: '{}' });
      for (const c of contractKeys) expect((await post(c)).status, c).toBe(200);
      expect((await post('shell:exec')).status).toBe(404);
    });
  });
});
