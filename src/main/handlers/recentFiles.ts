/** Recent files kept as a small JSON list in the app's data folder (never anything secret). */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { RecentStore } from './deps';

const MAX_RECENT = 10;

interface Entry { path: string; name: string; openedAt: string }

/** A RecentStore persisted at `<dir>/recent.json`; `now` is injectable for tests. */
export function fileRecentStore(dir: string, now: () => Date = () => new Date()): RecentStore {
  const file = join(dir, 'recent.json');
  async function load(): Promise<Entry[]> {
    try {
      const parsed: unknown = JSON.parse(await readFile(file, 'utf8'));
      if (!Array.isArray(parsed)) return [];
      return parsed.filter((e): e is Entry =>
        typeof e === 'object' && e !== null && typeof (e as Entry).path === 'string' && typeof (e as Entry).openedAt === 'string');
    } catch {
      return [];
    }
  }
  return {
    list: load,
    async add(path: string): Promise<void> {
      const entries = (await load()).filter((e) => e.path !== path);
      entries.unshift({ path, name: basename(path), openedAt: now().toISOString() });
      await mkdir(dir, { recursive: true });
      // Write-then-rename so a crash never leaves a half-written list.
      const tmp = `${file}.${process.pid}.tmp`;
      await writeFile(tmp, JSON.stringify(entries.slice(0, MAX_RECENT), null, 2));
      await rename(tmp, file);
    },
  };
}
