/**
 * A sign-in that waits for the user reaches the app: the harvester's prompt (device code, browser)
 * leaves main as a `harvest:signIn` event, for a subscription listing and for a harvest, and arrives
 * on the browser-mode event stream as a server-sent event.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { SignInPrompt } from '../../shared/harvest/types';
import { startServer } from '../server/createServer';
import { sseHub } from '../server/sse';
import { createHandlers } from './createHandlers';
import type { HarvesterPort } from './deps';
import { dispatch } from './dispatch';
import { EMPTY_SNAPSHOT, fakeDeps } from './testing/fakeDeps';

const DEVICE: SignInPrompt = {
  method: 'deviceCode',
  message: 'To sign in, use a web browser to open the page https://microsoft.com/devicelogin and enter the code AB12CD34 to authenticate.',
  verificationUri: 'https://microsoft.com/devicelogin',
  userCode: 'AB12CD34',
};

/** A harvester whose sign-in asks the user something before answering. */
const promptingHarvester: HarvesterPort = {
  async listSubscriptions(_request, _signal, onSignIn) {
    onSignIn?.(DEVICE);
    return [{ subscriptionId: 'sub-1', displayName: 'Sub one' }];
  },
  async harvest(_request, _onProgress, _signal, onSignIn) {
    onSignIn?.({ method: 'interactiveBrowser', message: 'Complete sign-in in your browser.' });
    return EMPTY_SNAPSHOT;
  },
};
const REQUEST = { cloud: 'AzureCloud', signIn: 'deviceCode', subscriptions: [], all: true, via: 'arm' };

describe('sign-in prompts', () => {
  it('leave main as harvest:signIn events, from listing and from harvesting', async () => {
    const { deps, events } = fakeDeps({ harvester: promptingHarvester });
    const h = createHandlers(deps);
    expect(await dispatch(h, 'harvest:listSubscriptions', REQUEST)).toMatchObject({ ok: true });
    expect(await dispatch(h, 'harvest:start', { ...REQUEST, signIn: 'interactiveBrowser' })).toMatchObject({ ok: true });
    expect(events).toEqual([
      { channel: 'harvest:signIn', payload: DEVICE },
      { channel: 'harvest:signIn', payload: { method: 'interactiveBrowser', message: 'Complete sign-in in your browser.' } },
    ]);
  });

  describe('in browser mode', async () => {
    const { deps } = fakeDeps({ harvester: promptingHarvester });
    const hub = sseHub();
    const server = await startServer({ handlers: createHandlers({ ...deps, emit: hub.emit }), hub, rendererDir: '/nonexistent', token: 'tok', port: 0 });
    afterAll(() => server.close());
    it('arrive on the event stream with the URL and the code', async () => {
      const base = `http://127.0.0.1:${server.port}`;
      const ctl = new AbortController();
      const res = await fetch(`${base}/api/events?token=tok`, { signal: ctl.signal });
      const reader = res.body!.getReader();
      await reader.read(); // ": connected"
      const listed = await fetch(`${base}/api/invoke/harvest%3AlistSubscriptions`, { method: 'POST', headers: { 'x-vnetlens-token': 'tok' }, body: JSON.stringify(REQUEST) });
      expect(await listed.json()).toMatchObject({ ok: true, value: [{ subscriptionId: 'sub-1' }] });
      const frame = new TextDecoder().decode((await reader.read()).value);
      ctl.abort();
      expect(frame.split('\n')[0]).toBe('event: harvest:signIn');
      expect(JSON.parse(frame.split('\n')[1]!.replace(/^data: /, ''))).toEqual(DEVICE);
    });
  });
});
