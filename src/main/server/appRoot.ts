/** Finds the project root (where package.json names vnetlens) from a bundle's own folder. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Walk up from `start` to the folder whose package.json is VNetLens's. */
export function findAppRoot(start: string): string {
  let dir = start;
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'vnetlens') return dir;
      } catch {
        // a broken package.json elsewhere on the path is not ours; keep walking
      }
    }
    const up = dirname(dir);
    if (up === dir) throw new Error(`cannot find the VNetLens folder above ${start}`);
    dir = up;
  }
}
