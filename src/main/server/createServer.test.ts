import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHandlers } from '../handlers/createHandlers';
import { fakeDeps } from '../handlers/testing/fakeDeps';
import { startServer } from './createServer';
import { sseHub } from './sse';

const rendererDir = mkdtempSync(join(tmpdir(), 'vnetlens-renderer-'));
writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
const { deps } = fakeDeps();
const hub = sseHub();
const handlers = createHandlers({ ...deps, emit: hub.emit });
const server = await startServer({ handlers, hub, rendererDir, token: 'tok', port: 0 });
afterAll(() => server.close());
const base = `http://127.0.0.1:${server.port}`;

/** Raw request so the Host header can be forged (fetch forbids it). */
function raw(path: string, headers: Record<string, string>, method = 'GET'): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, method, headers }, (res) => { res.resume(); resolve(res.statusCode ?? 0); });
    req.on('error', reject);
    req.end();
  });
}

describe('browser-mode server', () => {
  it('prints a loopback URL that carries the token', () => {
    expect(server.url).toBe(`${base}/?token=tok`);
  });
  it('serves the renderer with the CSP and refuses foreign hosts', async () => {
    const res = await fetch(`${base}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await raw('/', { host: 'evil.example' })).toBe(403);
    expect((await fetch(`${base}/../../etc/passwd`)).status).toBe(404);
  });
  it('answers invoke calls only with the token, from our origin', async () => {
    const call = (headers: Record<string, string>) => fetch(`${base}/api/invoke/app:info`, { method: 'POST', headers, body: '{}' });
    expect((await call({})).status).toBe(401);
    expect((await call({ 'x-vnetlens-token': 'nope' })).status).toBe(401);
    expect((await call({ 'x-vnetlens-token': 'tok', origin: 'https://evil.example' })).status).toBe(403);
    const ok = await call({ 'x-vnetlens-token': 'tok', origin: base });
    expect(await ok.json()).toMatchObject({ ok: true, value: { mode: 'browser' } });
    expect((await fetch(`${base}/api/invoke/app:info?token=tok`, { method: 'POST', body: '{}' })).status).toBe(401);
  });
  it('rejects a body that is not JSON', async () => {
    const res = await fetch(`${base}/api/invoke/file:openPath`, { method: 'POST', headers: { 'x-vnetlens-token': 'tok' }, body: '{nope' });
    expect(res.status).toBe(400);
  });
  it('streams events to an authorised event stream (token in the query)', async () => {
    expect((await fetch(`${base}/api/events`)).status).toBe(401);
    const ctl = new AbortController();
    const res = await fetch(`${base}/api/events?token=tok`, { signal: ctl.signal });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.getReader();
    await reader.read(); // ": connected"
    hub.emit('harvest:progress', { subscriptionId: 's', resourceType: 't', state: 'page', items: 3, completedSteps: 1, totalSteps: 4 });
    const { value } = await reader.read();
    const text = new TextDecoder().decode(value);
    expect(text).toContain('event: harvest:progress');
    expect(text).toContain('"completedSteps":1');
    ctl.abort();
  });
});
