import { describe, expect, it } from 'vitest';
import type { SnapshotFile } from '../model';
import { parseProject, ProjectError } from './parseProject';
import { newProject, serializeProject } from './projectFile';

const snapshot: SnapshotFile = {
  format: 'vnetlens-snapshot', schemaVersion: 1, provenance: { source: 'file', subscriptions: ['s'] },
  resources: [{ id: '/subscriptions/s/resourceGroups/g/providers/Microsoft.Network/virtualNetworks/v', type: 'Microsoft.Network/virtualNetworks', properties: { addressSpace: { addressPrefixes: ['10.0.0.0/16'] } } }],
  missing: [], warnings: [],
};

function thrown(fn: () => unknown): ProjectError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ProjectError) return err;
    throw err;
  }
  throw new Error('expected a ProjectError');
}

describe('project files', () => {
  it('round-trips snapshot, edits, cursor and view', () => {
    const p = {
      ...newProject(snapshot),
      edits: [{ kind: 'compute.setPublicIp' as const, computeId: '/x', enabled: false }, { kind: 'nsgRule.delete' as const, nsgId: '/n', ruleName: 'r' }],
      cursor: 1,
      view: { collapsed: ['/v'], selectedCompute: '/x', positions: { '/v': { x: 10, y: 20 } }, theme: 'dark' as const },
    };
    expect(parseProject(serializeProject(p), 'a.vnetlens.json')).toEqual(p);
  });

  it('round-trips the assumptions the user changed; a project without them has none', () => {
    const p = { ...newProject(snapshot), assumptions: { allowAllAppliances: '10.0.0.4,10.0.0.5', peeringAccess: 'receivingSide' } };
    expect(parseProject(serializeProject(p), 'a.vnetlens.json').assumptions).toEqual(p.assumptions);
    expect(parseProject(serializeProject(newProject(snapshot)), 'b.vnetlens.json')).not.toHaveProperty('assumptions');
    const e = thrown(() => parseProject(JSON.stringify({ ...newProject(snapshot), assumptions: { peeringAccess: true } }), 'c.vnetlens.json'));
    expect(e.message).toMatch(/\$\.assumptions\.peeringAccess/);
  });

  it('names a damaged file', () => {
    const e = thrown(() => parseProject('{"format": "vnetlens-project", "schema', 'broken.vnetlens.json'));
    expect(e.kind).toBe('syntax');
    expect(e.message).toMatch(/^broken\.vnetlens\.json: not valid JSON/);
  });

  it('says a newer file is newer instead of misreading it', () => {
    const text = JSON.stringify({ ...newProject(snapshot), schemaVersion: 3, somethingNew: {} });
    const e = thrown(() => parseProject(text, 'new.vnetlens.json'));
    expect(e.kind).toBe('newerVersion');
    expect(e.message).toBe('new.vnetlens.json: made by a newer VNetLens (schemaVersion 3); this build reads 1. Update VNetLens to open it; the file was not changed.');
  });

  it('rejects a non-project and names the bad field of an invalid one', () => {
    expect(thrown(() => parseProject('[]', 'x.json')).kind).toBe('notProject');
    const bad = { ...newProject(snapshot), edits: [{ kind: 'nsgRule.add', nsgId: '/n', rule: { name: 'r', priority: 'high' } }] };
    const e = thrown(() => parseProject(JSON.stringify(bad), 'p.vnetlens.json'));
    expect(e.kind).toBe('invalid');
    expect(e.message).toMatch(/^p\.vnetlens\.json: \$\.edits\[0\]\.rule\./);
    const cursor = thrown(() => parseProject(JSON.stringify({ ...newProject(snapshot), cursor: 4 }), 'c.json'));
    expect(cursor.message).toMatch(/\$\.cursor: 4 is beyond the 0 edits/);
    const unknownEdit = thrown(() => parseProject(JSON.stringify({ ...newProject(snapshot), edits: [{ kind: 'vnet.delete' }] }), 'u.json'));
    expect(unknownEdit.message).toMatch(/\$\.edits\[0\]/);
  });
});
