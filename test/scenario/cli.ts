/**
 * Runs the bundled CLI as a process, the way a pipeline does: `node out/cli/vnetlens.cjs …`. Builds
 * the bundle first when it is missing or older than the sources, under a lock so that scenario
 * files running in parallel do not build it twice at once.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** The project root. */
export const REPO = resolve(here, '../..');
/** The bundle `npm run build:cli` writes. */
export const CLI = join(REPO, 'out/cli/vnetlens.cjs');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (/\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function stale(): boolean {
  if (!existsSync(CLI)) return true;
  const built = statSync(CLI).mtimeMs;
  return ['src/main', 'src/shared'].some((d) => newestSource(join(REPO, d)) > built);
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Build out/cli/vnetlens.cjs with scripts/build-cli.mjs unless it is up to date. */
export function ensureCliBuilt(): void {
  if (!stale()) return;
  const lock = join(REPO, 'out/.cli-build.lock');
  mkdirSync(join(REPO, 'out'), { recursive: true });
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // Another test file is building; a lock older than two minutes is left over from a crash.
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 120_000) rmdirSync(lock);
      if (Date.now() > deadline) throw new Error('timed out waiting for the CLI build lock');
      sleep(200);
    }
  }
  try {
    if (!stale()) return;
    const r = spawnSync(process.execPath, ['scripts/build-cli.mjs'], { cwd: REPO, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`build-cli failed (${r.status}): ${r.stderr}`);
  } finally {
    rmdirSync(lock);
  }
}

/** What a run of the CLI left behind. */
export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Run `vnetlens <args>` from the project root, without colour, optionally feeding stdin. */
export function runCli(args: readonly string[], stdin?: string): CliRun {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: REPO, encoding: 'utf8', input: stdin, env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 64 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Signs of a stack trace or an unhandled crash in stderr: user input must never produce them. */
export const STACK_TRACE = /\n\s+at .+\(.*:\d+:\d+\)|internal error|TypeError|ReferenceError|SyntaxError:|\bnode:internal\b/;
