/**
 * The one door to ../shared (Microsoft's reference payloads, schemas and service tags). Tests that
 * use it skip, saying which file is missing, when the project is cloned without ../shared beside it.
 * Never copy these files into the project.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));

/** Absolute path of the workplace's shared folder (sibling of the project root). */
export const SHARED_ROOT = resolve(here, '../../../shared');

/** Absolute path of a file under ../shared (e.g. `reference/service-tags/…`). */
export function sharedPath(relative: string): string {
  return resolve(SHARED_ROOT, relative);
}

/** The first of `relatives` that does not exist, or undefined when all are there. */
export function missingShared(...relatives: string[]): string | undefined {
  return relatives.find((r) => !existsSync(sharedPath(r)));
}

/** Parse a JSON file under ../shared. */
export function readSharedJson<T = unknown>(relative: string): T {
  return JSON.parse(readFileSync(sharedPath(relative), 'utf8')) as T;
}

/**
 * `describe` that runs only when every named ../shared file exists; otherwise the suite is skipped
 * and its title says what is missing.
 */
export function describeWithShared(title: string, relatives: string[], body: () => void): void {
  const missing = missingShared(...relatives);
  if (missing) {
    // Not describe.skip(title, body): vitest still runs a skipped suite's body to collect its
    // tests, and bodies read the files at collection time.
    describe(title, () => {
      it.skip(`skipped: ../shared/${missing} is missing (clone without the workplace's shared folder)`, () => {});
    });
  } else {
    describe(title, body);
  }
}
