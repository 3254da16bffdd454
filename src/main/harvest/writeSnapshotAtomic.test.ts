import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SNAPSHOT_FORMAT, type SnapshotFile } from '../../shared/model/snapshotFile';
import { writeSnapshotAtomic } from './writeSnapshotAtomic';

const file: SnapshotFile = {
  format: SNAPSHOT_FORMAT, schemaVersion: 1, provenance: { source: 'harvest', subscriptions: ['s'] },
  resources: [{ id: '/subscriptions/s/resourceGroups/r/providers/Microsoft.Network/virtualNetworks/v', type: 'Microsoft.Network/virtualNetworks' }],
  missing: [], warnings: [],
};

describe('writeSnapshotAtomic', () => {
  it('replaces the target in one step and leaves no temp file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'snap-'));
    const target = join(dir, 'estate.snapshot.json');
    writeFileSync(target, 'old');
    await writeSnapshotAtomic(target, file);
    expect(JSON.parse(readFileSync(target, 'utf8'))).toEqual(file);
    expect(readdirSync(dir)).toEqual(['estate.snapshot.json']);
  });

  it('fails without touching the target or leaving a temp file when the folder is missing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'snap-'));
    await expect(writeSnapshotAtomic(join(dir, 'nope', 'x.json'), file)).rejects.toThrow();
    expect(readdirSync(dir)).toEqual([]);
  });
});
