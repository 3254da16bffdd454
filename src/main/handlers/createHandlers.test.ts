import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHandlers } from './createHandlers';
import { dispatch } from './dispatch';
import { fakeDeps, fixedDialogs } from './testing/fakeDeps';

describe('handlers', () => {
  it('app:info reports the host and the --open file', async () => {
    const { deps } = fakeDeps({ initialFile: '/tmp/x.json' });
    expect(await dispatch(createHandlers(deps), 'app:info', {})).toEqual({ ok: true, value: { name: 'VNetLens', version: '9.9.9', mode: 'browser', platform: 'linux', initialFile: '/tmp/x.json' } });
  });
  it('sample:open sends the raw JSON of the sample', async () => {
    const { deps } = fakeDeps();
    const r = await dispatch(createHandlers(deps), 'sample:open', {});
    expect(r.ok && (r.value as { content: unknown[] }).content).toHaveLength(1);
  });
  it('file:openPath names the file in its errors and records successes as recent', async () => {
    const { deps, dir } = fakeDeps();
    const h = createHandlers(deps);
    expect(await dispatch(h, 'file:openPath', { path: join(dir, 'missing.json') })).toMatchObject({ ok: false, error: { code: 'notFound', message: expect.stringContaining('missing.json') } });
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{ nope');
    expect(await dispatch(h, 'file:openPath', { path: bad })).toMatchObject({ ok: false, error: { code: 'badInput', message: expect.stringContaining('bad.json is not valid JSON') } });
    const good = join(dir, 'good.json');
    writeFileSync(good, '[]');
    expect(await dispatch(h, 'file:openPath', { path: good })).toEqual({ ok: true, value: { name: 'good.json', path: good, content: [] } });
    expect(await dispatch(h, 'recent:list', {})).toEqual({ ok: true, value: [{ path: good, name: 'good.json', openedAt: '2026-01-02T03:04:05.000Z' }] });
  });
  it('rejects unknown channels and malformed payloads before any handler runs', async () => {
    const { deps } = fakeDeps();
    const h = createHandlers(deps);
    expect(await dispatch(h, 'shell:exec', {})).toMatchObject({ ok: false, error: { code: 'notFound' } });
    expect(await dispatch(h, 'file:openPath', { path: 42 })).toMatchObject({ ok: false, error: { code: 'badRequest', message: expect.stringContaining('path') } });
    expect(await dispatch(h, 'app:info', { extra: true })).toMatchObject({ ok: false, error: { code: 'badRequest' } });
    expect(await dispatch(h, 'harvest:start', { cloud: 'Mars', signIn: 'azureCli', subscriptions: [], all: true, via: 'arm' })).toMatchObject({ ok: false, error: { code: 'badRequest', message: expect.stringContaining('cloud') } });
  });
  it('dialogs: unsupported in browser mode; export:save writes where the dialog says', async () => {
    const { deps, dir } = fakeDeps();
    expect(await dispatch(createHandlers(deps), 'file:open', {})).toMatchObject({ ok: false, error: { code: 'unsupported' } });
    const out = join(dir, 'template.json');
    const withDialogs = createHandlers({ ...deps, mode: 'electron', dialogs: fixedDialogs(undefined, out) });
    expect(await dispatch(withDialogs, 'export:save', { content: '{"a":1}', suggestedName: 't.json' })).toEqual({ ok: true, value: { path: out } });
    expect(readFileSync(out, 'utf8')).toBe('{"a":1}');
    expect(await dispatch(withDialogs, 'file:open', {})).toEqual({ ok: true, value: undefined });
  });
  it('harvest: progress goes out as events, one at a time, cancel aborts', async () => {
    const { deps, events, harvester } = fakeDeps();
    const h = createHandlers(deps);
    const req = { cloud: 'AzureCloud', signIn: 'azureCli', subscriptions: [], all: true, via: 'arm' };
    const first = dispatch(h, 'harvest:start', req);
    await new Promise((r) => setTimeout(r, 10));
    expect(await dispatch(h, 'harvest:start', req)).toMatchObject({ ok: false, error: { code: 'busy' } });
    harvester.release();
    expect(await first).toMatchObject({ ok: true, value: { format: 'vnetlens-snapshot' } });
    expect(events.map((e) => (e.payload as { completedSteps: number }).completedSteps)).toEqual([1, 2]);
    expect(events.every((e) => e.channel === 'harvest:progress')).toBe(true);

    const second = dispatch(h, 'harvest:start', req);
    await new Promise((r) => setTimeout(r, 10));
    expect(await dispatch(h, 'harvest:cancel', {})).toEqual({ ok: true, value: { cancelled: true } });
    expect(await second).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(await dispatch(h, 'harvest:cancel', {})).toEqual({ ok: true, value: { cancelled: false } });
  });
});
