import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newProject, serializeProject } from '../../shared/project/projectFile';
import { createHandlers } from './createHandlers';
import { dispatch } from './dispatch';
import { EMPTY_SNAPSHOT, fakeDeps, fixedDialogs } from './testing/fakeDeps';

const project = { ...newProject(EMPTY_SNAPSHOT), edits: [{ kind: 'compute.setPublicIp' as const, computeId: '/c', enabled: false }], cursor: 1 };

describe('project and export handlers', () => {
  it('browser mode: saves and reopens a project at a given path, dialogs stay unsupported', async () => {
    const { deps, dir } = fakeDeps();
    const h = createHandlers(deps);
    const path = join(dir, 'a.vnetlens.json');
    expect(await dispatch(h, 'project:save', { project, suggestedName: 'a.vnetlens.json' })).toMatchObject({ ok: false, error: { code: 'unsupported' } });
    expect(await dispatch(h, 'project:save', { project, suggestedName: 'a.vnetlens.json', path })).toEqual({ ok: true, value: { path } });
    expect(readFileSync(path, 'utf8')).toBe(serializeProject(project));
    expect(await dispatch(h, 'project:open', { path })).toEqual({ ok: true, value: { name: 'a.vnetlens.json', path, content: project } });
    expect(await dispatch(h, 'project:open', {})).toMatchObject({ ok: false, error: { code: 'unsupported' } });
  });

  it('refuses an invalid project, a relative path and a foreign extension', async () => {
    const { deps, dir } = fakeDeps();
    const h = createHandlers(deps);
    expect(await dispatch(h, 'project:save', { project: { ...project, cursor: 9 }, suggestedName: 'p.vnetlens.json', path: join(dir, 'p.vnetlens.json') }))
      .toMatchObject({ ok: false, error: { code: 'badRequest', message: expect.stringContaining('$.cursor') } });
    expect(await dispatch(h, 'project:save', { project, suggestedName: 'p', path: 'p.vnetlens.json' })).toMatchObject({ ok: false, error: { code: 'badRequest', message: expect.stringContaining('absolute') } });
    expect(await dispatch(h, 'export:save', { content: 'x', suggestedName: 'x.svg', filters: [{ name: 'SVG', extensions: ['svg'] }], path: join(dir, 'x.sh') }))
      .toMatchObject({ ok: false, error: { code: 'badRequest', message: expect.stringContaining('.svg') } });
  });

  it('never overwrites a damaged or newer project and says why', async () => {
    const { deps, dir } = fakeDeps();
    const h = createHandlers(deps);
    const damaged = join(dir, 'damaged.vnetlens.json');
    writeFileSync(damaged, '{"format": "vnetlens-project", "sch');
    expect(await dispatch(h, 'project:save', { project, suggestedName: 'd', path: damaged })).toMatchObject({ ok: false, error: { code: 'badInput', message: expect.stringContaining('Save under another name') } });
    expect(readFileSync(damaged, 'utf8')).toBe('{"format": "vnetlens-project", "sch');
    expect(await dispatch(h, 'project:open', { path: damaged })).toMatchObject({ ok: false, error: { code: 'badInput', message: expect.stringContaining('not valid JSON') } });
    const newer = join(dir, 'newer.vnetlens.json');
    writeFileSync(newer, JSON.stringify({ ...project, schemaVersion: 7 }));
    expect(await dispatch(h, 'project:open', { path: newer })).toMatchObject({ ok: false, error: { code: 'badInput', message: expect.stringContaining('newer VNetLens (schemaVersion 7)') } });
    expect(await dispatch(h, 'project:open', { path: join(dir, 'none.vnetlens.json') })).toMatchObject({ ok: false, error: { code: 'notFound' } });
  });

  it('electron: a given path must have come from main; base64 exports are written as bytes', async () => {
    const { deps, dir } = fakeDeps();
    const out = join(dir, 'view.png');
    const h = createHandlers({ ...deps, mode: 'electron', dialogs: fixedDialogs(undefined, out) });
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 255]);
    expect(await dispatch(h, 'export:save', { content: png.toString('base64'), encoding: 'base64', suggestedName: 'view.png', path: out }))
      .toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await dispatch(h, 'export:save', { content: png.toString('base64'), encoding: 'base64', suggestedName: 'view.png' })).toEqual({ ok: true, value: { path: out } });
    expect(readFileSync(out).equals(png)).toBe(true);
    // the dialog's pick may now be written again without a dialog
    expect(await dispatch(h, 'export:save', { content: 'AA==', encoding: 'base64', suggestedName: 'view.png', path: out })).toEqual({ ok: true, value: { path: out } });
  });
});
