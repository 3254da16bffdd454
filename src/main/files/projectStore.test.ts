import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SnapshotFile } from '../../shared/model';
import { ProjectError } from '../../shared/project/parseProject';
import { newProject, serializeProject } from '../../shared/project/projectFile';
import { writeFileAtomic } from './atomicWrite';
import { loadProject, saveProject } from './projectStore';

const snapshot: SnapshotFile = { format: 'vnetlens-snapshot', schemaVersion: 1, provenance: { source: 'file', subscriptions: [] }, resources: [], missing: [], warnings: [] };

async function dir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'vnetlens-project-'));
}

describe('project store', () => {
  it('saves atomically and loads back; no temp file is left', async () => {
    const d = await dir();
    const path = join(d, 'a.vnetlens.json');
    const p = { ...newProject(snapshot), view: { collapsed: ['x'] } };
    await saveProject(path, p);
    await saveProject(path, { ...p, view: { collapsed: [] } });
    expect((await loadProject(path)).view.collapsed).toEqual([]);
    expect(await readdir(d)).toEqual(['a.vnetlens.json']);
  });

  it('never overwrites a damaged or newer file, and says why', async () => {
    const d = await dir();
    const damaged = join(d, 'damaged.vnetlens.json');
    await writeFile(damaged, '{"format": "vnetlens-project", "sch');
    await expect(saveProject(damaged, newProject(snapshot))).rejects.toThrow(/not saved: the existing file could not be read .*Save under another name/);
    expect(await readFile(damaged, 'utf8')).toBe('{"format": "vnetlens-project", "sch');
    const newer = join(d, 'newer.vnetlens.json');
    const text = JSON.stringify({ ...newProject(snapshot), schemaVersion: 2 });
    await writeFile(newer, text);
    await expect(loadProject(newer)).rejects.toThrow(/newer VNetLens \(schemaVersion 2\)/);
    await expect(saveProject(newer, newProject(snapshot))).rejects.toBeInstanceOf(ProjectError);
    expect(await readFile(newer, 'utf8')).toBe(text);
    await saveProject(newer, newProject(snapshot), { overwriteUnreadable: true });
    expect(await readFile(newer, 'utf8')).toBe(serializeProject(newProject(snapshot)));
  });

  it('a failed write leaves the old file and no temp file', async () => {
    const d = await dir();
    const path = join(d, 'sub-does-not-exist', 'x.json');
    await expect(writeFileAtomic(path, 'x')).rejects.toThrow(/ENOENT/);
    expect(await readdir(d)).toEqual([]);
  });

  it('names a missing file', async () => {
    await expect(loadProject('/nonexistent/p.vnetlens.json')).rejects.toThrow('/nonexistent/p.vnetlens.json: no such file');
  });
});
