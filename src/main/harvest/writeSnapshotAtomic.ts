/**
 * Writes a snapshot file atomically: a temp file in the same folder (same filesystem, so rename is
 * atomic), fsync, then rename over the target. A crash or Ctrl-C never leaves a half-written
 * snapshot under the real name; the temp file is removed on failure.
 */
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { SnapshotFile } from '../../shared/model/snapshotFile';

/** Write `file` as pretty JSON to `path`, atomically. */
export async function writeSnapshotAtomic(path: string, file: SnapshotFile): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(tmp, 'wx', 0o644);
  try {
    try {
      await handle.writeFile(`${JSON.stringify(file, null, 2)}\n`, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}
