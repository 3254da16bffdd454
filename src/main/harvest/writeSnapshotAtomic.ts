/**
 * Writes a snapshot file atomically (files/atomicWrite): a crash or Ctrl-C never leaves a
 * half-written snapshot under the real name.
 */
import type { SnapshotFile } from '../../shared/model/snapshotFile';
import { writeFileAtomic } from '../files/atomicWrite';

/** Write `file` as pretty JSON to `path`, atomically. */
export function writeSnapshotAtomic(path: string, file: SnapshotFile): Promise<void> {
  return writeFileAtomic(path, `${JSON.stringify(file, null, 2)}\n`);
}
